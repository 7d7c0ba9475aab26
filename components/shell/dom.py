"""What the browser's DOM sees of our components: the namespace of the portal's own Dash components, and a
component id as Dash writes it. A leaf of components/ (static_html, lazy and first_view all use it)."""

from __future__ import annotations

import json
from typing import Any, Final

#: The namespace of the portal's own Dash components (assets/ registers their React side under it).
NAMESPACE: Final = "imw_components"


def dom_id(value: Any) -> str | None:
    """A component id as Dash writes it in the DOM: a dict id is its JSON with sorted keys."""
    if value is None:
        return None
    if isinstance(value, dict):
        return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return str(value)


def attributes(values: dict[str, Any]) -> dict[str, Any]:
    """Attributes that Dash's typed components do not name as keywords (``aria-*``, ``data-*``), to unpack into
    one: ``html.Div(..., **attributes({"aria-live": "polite"}))``."""
    return dict(values)
