"""The portal's frame, shared by both wings: the page shell and menu, the first view served without Dash, lazy
charts, tables in their scroll regions, number formats for the screen, and the style (fonts, colours, graph config)."""
