"""The simulator (page.py), Vergelijken (compare.py) and what they share. Dash runs the modules that call
register_page (and their callbacks) for every app it builds; the other modules hold plain functions."""
