"""Reading a Dash component tree in the tests: every component of a kind, and the text a reader sees."""

from __future__ import annotations

from typing import Any


def find_all(component: Any, kind: type) -> list[Any]:
    """Every component of one type inside a Dash component tree."""
    found = [component] if isinstance(component, kind) else []
    children = getattr(component, "children", None)
    if isinstance(children, list | tuple):
        for child in children:
            found += find_all(child, kind)
    elif children is not None and not isinstance(children, str | int | float):
        found += find_all(children, kind)
    return found


def text_of(component: Any) -> str:
    """The visible text of a component tree."""
    if isinstance(component, str | int | float):
        return str(component)
    if isinstance(component, list | tuple):
        return "".join(text_of(child) for child in component)
    children = getattr(component, "children", None)
    return "" if children is None else text_of(children)
