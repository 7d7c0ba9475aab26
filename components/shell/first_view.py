"""The first view of a page, written as HTML on the server and sent with the page (issue 11: no wait, no jump).

A Dash page arrives empty: the browser loads the scripts, asks for the layout, the callback graph and the page's
content, and only then draws it (over five seconds on a phone in Lighthouse before this module). The portal
writes the page's layout (the one Dash's router will render, from the same layout function and the same query)
as HTML into the page itself, so that the page can be read at once. When Dash has rendered the page, its DOM
takes the place of this first view in one step (assets/first_view.js); the first view is written to give the same
DOM, so nothing moves. Until then the first view's form fields and buttons are inert (they would not react yet);
links work as links.

`first_view_html(tree)` writes every component the portal uses: html.* and the static layout components
through components/shell/static_html.py, and the interactive ones here, as their libraries render them
(dash-bootstrap-components 2, dcc of Dash 4, checked in a browser by tests/browser/test_first_view.py). A
component kind written nowhere is left out with a warning in the log (the page still shows, Dash draws it when it
has loaded).
"""

from __future__ import annotations

import copy
import json
import logging
import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape as html_escape
from html import unescape as html_unescape
from typing import Any, Final

from dash.development.base_component import Component

from components.shell.dom import attributes, dom_id
from components.shell.static_html import StaticHtml, children_html, element_html, element_of, js_number

log = logging.getLogger("imw.first_view")

#: Kinds that render nothing in the page.
INVISIBLE: Final = frozenset(
    {
        ("dash_core_components", "Store"),
        ("dash_core_components", "Location"),
        ("dash_core_components", "Download"),
        ("dash_core_components", "Interval"),
    }
)
_warned: set[str] = set()
#: Bootstrap's theme colours (dash-bootstrap-components writes any other colour as a style).
THEME_COLOURS: Final = frozenset(
    {"primary", "secondary", "success", "info", "warning", "danger", "light", "dark", "link"}
)


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int | float):
        return js_number(value)
    return str(value)


def _classes(*names: Any) -> str | None:
    joined = " ".join(str(name) for name in names if name)
    return joined or None


def _own_class(component: Component) -> Any:
    return getattr(component, "class_name", None) or getattr(component, "className", None)


def _wildcards(component: Component) -> dict[str, Any]:
    return {
        name: value
        for name, value in component.__dict__.items()
        if name.startswith(("aria-", "data-")) and value is not None
    }


class Writer:
    """Writes a component tree as the DOM its libraries render. With `live`, the page is served as it is (it
    needs no Dash), so its fields and buttons are not made inert."""

    def __init__(self, live: bool = False) -> None:
        self.live = live
        self.renderers: dict[tuple[str, str], Callable[[Component], str]] = {
            ("dash_bootstrap_components", "Input"): self.dbc_input,
            ("dash_bootstrap_components", "Select"): self.dbc_select,
            ("dash_bootstrap_components", "FormFeedback"): self.dbc_feedback,
            ("dash_bootstrap_components", "RadioItems"): self.dbc_radio_items,
            ("dash_bootstrap_components", "Checklist"): self.dbc_checklist,
            ("dash_bootstrap_components", "Button"): self.dbc_button,
            ("dash_bootstrap_components", "Navbar"): self.dbc_navbar,
            ("dash_bootstrap_components", "NavbarBrand"): self.dbc_navbar_brand,
            ("dash_bootstrap_components", "Collapse"): self.dbc_collapse,
            ("dash_bootstrap_components", "Nav"): self.dbc_nav,
            ("dash_bootstrap_components", "NavItem"): self.dbc_nav_item,
            ("dash_bootstrap_components", "NavLink"): self.dbc_nav_link,
            ("dash_bootstrap_components", "Accordion"): self.dbc_accordion,
            ("dash_bootstrap_components", "InputGroup"): self.dbc_input_group,
            ("dash_bootstrap_components", "Table"): self.dbc_table,
            ("dash_bootstrap_components", "Alert"): self.dbc_alert,
            ("dash_core_components", "Link"): self.dcc_link,
            ("dash_core_components", "Upload"): self.dcc_upload,
            ("dash_core_components", "Graph"): self.dcc_graph,
            ("imw_components", "StaticHtml"): self.static_html,
            ("imw_components", "DrawWhenVisible"): self.draw_when_visible,
        }

    # --- the walk ---------------------------------------------------------------------------------------------

    def children(self, value: Any) -> str:
        return children_html(value, self.component)

    def component(self, node: Component) -> str:
        kind = (node._namespace, node._type)
        if kind in INVISIBLE:
            return ""
        renderer = self.renderers.get(kind)
        if renderer is not None:
            return renderer(node)
        element = element_of(node, allow_id=True)
        if element is None:
            name = f"{kind[0]}.{kind[1]}"
            if name not in _warned:
                _warned.add(name)
                log.warning("the first view does not write %s; Dash draws it when it has loaded", name)
            return ""
        tag, attributes = element
        if "id" in attributes:
            attributes["id"] = dom_id(attributes["id"])
        if tag in ("input", "select", "textarea", "button") and not self.live:
            attributes["inert"] = True
        return element_html(tag, attributes, self.children(getattr(node, "children", None)))

    def element(self, tag: str, attributes: dict[str, Any], inner: str = "") -> str:
        return element_html(tag, attributes, inner)

    # --- dash-bootstrap-components ----------------------------------------------------------------------------

    def dbc_input(self, node: Component) -> str:
        size = getattr(node, "size", None)
        attributes: dict[str, Any] = {
            "type": getattr(node, "type", None) or "text",
            "className": _classes(
                _own_class(node),
                size and f"form-control-{size}",
                getattr(node, "invalid", None) and "is-invalid",
                getattr(node, "valid", None) and "is-valid",
                "form-control-plaintext" if getattr(node, "plaintext", None) else "form-control",
            ),
            "id": dom_id(getattr(node, "id", None)),
        }
        for name in ("max", "min", "inputmode", "placeholder", "name", "autocomplete", "pattern", "title"):
            attributes[name] = getattr(node, name, None)
        attributes["maxLength"] = getattr(node, "maxlength", None)
        attributes["minLength"] = getattr(node, "minlength", None)
        attributes["step"] = getattr(node, "step", None) or "any"
        attributes["style"] = getattr(node, "style", None)
        attributes.update(_wildcards(node))
        for name in ("disabled", "readonly", "required"):
            if getattr(node, name, None):
                attributes["readOnly" if name == "readonly" else name] = True
        value = getattr(node, "value", None)
        if value is not None:
            attributes["value"] = _text(value)
        attributes["inert"] = not self.live or None
        return self.element("input", attributes)

    def dbc_select(self, node: Component) -> str:
        size = getattr(node, "size", None)
        attributes: dict[str, Any] = {
            "className": _classes(
                _own_class(node),
                "form-select",
                size and f"form-select-{size}",
                getattr(node, "invalid", None) and "is-invalid",
                getattr(node, "valid", None) and "is-valid",
            ),
            "id": dom_id(getattr(node, "id", None)),
            "style": getattr(node, "style", None),
            "name": getattr(node, "name", None),
            "disabled": getattr(node, "disabled", None),
            "required": getattr(node, "required", None),
            "inert": not self.live or None,
            **_wildcards(node),
        }
        chosen = getattr(node, "value", None)
        options = ['<option value="" disabled hidden></option>']
        for option in _options(getattr(node, "options", None)):
            option_attributes = {
                "value": _text(option["value"]),
                "disabled": option.get("disabled") or None,
                "selected": chosen is not None and _text(option["value"]) == _text(chosen),
            }
            options.append(self.element("option", option_attributes, self.children(option.get("label"))))
        return self.element("select", attributes, "".join(options))

    def dbc_feedback(self, node: Component) -> str:
        kind = getattr(node, "type", None) or "valid"
        tooltip = getattr(node, "tooltip", None)
        attributes = {
            "id": dom_id(getattr(node, "id", None)),
            "className": _classes(_own_class(node), f"{kind}-{'tooltip' if tooltip else 'feedback'}"),
            "style": getattr(node, "style", None),
        }
        return self.element("div", attributes, self.children(getattr(node, "children", None)))

    def _checks(self, node: Component, kind: str, input_type: str, checked: Callable[[Any], bool]) -> str:
        own_id = dom_id(getattr(node, "id", None))
        items = []
        for option in _options(getattr(node, "options", None)):
            value = _text(option["value"])
            input_id = f"_dbcprivate_{kind}_{own_id}_input_{value}"
            check_class = _classes(
                "form-check",
                getattr(node, "inline", None) and "form-check-inline",
                getattr(node, "switch", None) and "form-switch",
            )
            box = self.element(
                "input",
                {
                    "id": input_id,
                    "className": _classes("form-check-input", getattr(node, "input_class_name", None)),
                    "type": input_type,
                    "value": value,
                    "checked": checked(option["value"]),
                    "disabled": option.get("disabled") or None,
                    "inert": not self.live or None,
                },
            )
            label = self.element(
                "label",
                {
                    "className": _classes("form-check-label", getattr(node, "label_class_name", None)),
                    "htmlFor": input_id,
                },
                self.children(option.get("label")),
            )
            items.append(self.element("div", {"className": check_class}, box + label))
        attributes = {"id": own_id, "className": _own_class(node), "style": getattr(node, "style", None)}
        return self.element("div", attributes, "".join(items))

    def dbc_radio_items(self, node: Component) -> str:
        chosen = getattr(node, "value", None)
        return self._checks(node, "radioitems", "radio", lambda value: chosen is not None and value == chosen)

    def dbc_checklist(self, node: Component) -> str:
        chosen = getattr(node, "value", None) or []
        return self._checks(node, "checklist", "checkbox", lambda value: value in chosen)

    def dbc_button(self, node: Component) -> str:
        color = getattr(node, "color", None) or "primary"
        outline = getattr(node, "outline", None)
        size = getattr(node, "size", None)
        attributes = {
            "id": dom_id(getattr(node, "id", None)),
            "className": _classes(
                _own_class(node),
                "btn",
                f"btn-outline-{color}" if outline else f"btn-{color}",
                size and f"btn-{size}",
                getattr(node, "active", None) and "active",
            ),
            "style": getattr(node, "style", None),
            "title": getattr(node, "title", None),
            "disabled": getattr(node, "disabled", None),
            "type": getattr(node, "type", None),
            "inert": not self.live or None,
            **_wildcards(node),
        }
        href = getattr(node, "href", None)
        if href is not None:
            attributes.pop("inert", None)
            attributes["href"] = href
            return self.element("a", attributes, self.children(getattr(node, "children", None)))
        return self.element("button", attributes, self.children(getattr(node, "children", None)))

    def dbc_navbar(self, node: Component) -> str:
        color = getattr(node, "color", None)
        expand = getattr(node, "expand", None)
        dark = getattr(node, "dark", None)
        classes = _classes(
            _own_class(node),
            "navbar",
            (expand is True and "navbar-expand") or (isinstance(expand, str) and f"navbar-expand-{expand}"),
            "navbar-dark" if dark else "navbar-light",
            color and f"bg-{color}",
        )
        attributes = {
            "id": dom_id(getattr(node, "id", None)),
            "className": classes,
            "style": getattr(node, "style", None),
        }
        return self.element("nav", attributes, self.children(getattr(node, "children", None)))

    def dbc_navbar_brand(self, node: Component) -> str:
        href = getattr(node, "href", None)
        attributes = {
            "href": href,
            "id": dom_id(getattr(node, "id", None)),
            "className": _classes(_own_class(node), "navbar-brand"),
            "style": getattr(node, "style", None),
        }
        return self.element(
            "a" if href else "span", attributes, self.children(getattr(node, "children", None))
        )

    def dbc_collapse(self, node: Component) -> str:
        attributes = {
            "className": _classes(
                _own_class(node),
                getattr(node, "navbar", None) and "navbar-collapse",
                "collapse",
                getattr(node, "is_open", None) and "show",
            ),
            "id": dom_id(getattr(node, "id", None)),
            "style": getattr(node, "style", None),
        }
        return self.element("div", attributes, self.children(getattr(node, "children", None)))

    def dbc_nav(self, node: Component) -> str:
        if not getattr(node, "navbar", None):
            return self._unwritten(node)
        attributes = {
            "id": dom_id(getattr(node, "id", None)),
            "className": _classes(_own_class(node), "navbar-nav"),
            "style": getattr(node, "style", None),
        }
        return self.element("div", attributes, self.children(getattr(node, "children", None)))

    def dbc_nav_item(self, node: Component) -> str:
        attributes = {
            "id": dom_id(getattr(node, "id", None)),
            "className": _classes(_own_class(node), "nav-item"),
            "style": getattr(node, "style", None),
        }
        return self.element("div", attributes, self.children(getattr(node, "children", None)))

    def dbc_nav_link(self, node: Component) -> str:
        active = getattr(node, "active", None)
        if isinstance(active, str):
            return self._unwritten(node)  # "exact"/"partial" depend on the browser's location
        attributes = {
            "href": getattr(node, "href", None),
            "id": dom_id(getattr(node, "id", None)),
            "className": _classes(
                _own_class(node),
                "nav-link",
                active and "active",
                getattr(node, "disabled", None) and "disabled",
            ),
            "style": getattr(node, "style", None),
            **_wildcards(node),
        }
        return self.element("a", attributes, self.children(getattr(node, "children", None)))

    def dbc_accordion(self, node: Component) -> str:
        active = getattr(node, "active_item", None)
        opened = set(active) if isinstance(active, list) else {active}
        items = []
        children = getattr(node, "children", None) or []
        for index, item in enumerate(children if isinstance(children, list) else [children]):
            item_id = getattr(item, "item_id", None) or f"item-{index}"
            shown = item_id in opened
            button = self.element(
                "button",
                {
                    "type": "button",
                    "aria-expanded": shown,
                    "className": _classes("accordion-button", not shown and "collapsed"),
                    "inert": not self.live or None,
                },
                self.children(getattr(item, "title", None)),
            )
            header = self.element("h2", {"className": "accordion-header"}, button)
            body = self.element(
                "div",
                {"className": _classes("accordion-collapse collapse", shown and "show")},
                self.element(
                    "div", {"className": "accordion-body"}, self.children(getattr(item, "children", None))
                ),
            )
            items.append(
                self.element(
                    "div",
                    {
                        "id": dom_id(getattr(item, "id", None)),
                        "className": _classes(_own_class(item), "accordion-item"),
                    },
                    header + body,
                )
            )
        attributes = {
            "id": dom_id(getattr(node, "id", None)),
            "className": _classes(
                _own_class(node), "accordion", getattr(node, "flush", None) and "accordion-flush"
            ),
            "style": getattr(node, "style", None),
        }
        return self.element("div", attributes, "".join(items))

    def dbc_alert(self, node: Component) -> str:
        color = getattr(node, "color", None) or "success"
        if (
            getattr(node, "dismissable", None)
            or getattr(node, "duration", None)
            or color not in THEME_COLOURS
        ):
            return self._unwritten(node)
        if getattr(node, "is_open", None) is False:
            return ""
        fade = getattr(node, "fade", None) is not False
        attributes = {
            "id": dom_id(getattr(node, "id", None)),
            "role": "alert",
            "className": _classes(_own_class(node), fade and "fade", "alert", f"alert-{color}", "show"),
            "style": getattr(node, "style", None),
        }
        return self.element("div", attributes, self.children(getattr(node, "children", None)))

    def dbc_table(self, node: Component) -> str:
        """A table; a responsive one inside its scrolling box, as dash-bootstrap-components writes it."""
        responsive = getattr(node, "responsive", None)
        plain = copy.copy(node)
        plain.responsive = None
        element = element_of(plain, allow_id=True)
        if element is None:
            return self._unwritten(node)
        tag, attributes = element
        if "id" in attributes:
            attributes["id"] = dom_id(attributes["id"])
        table = element_html(tag, attributes, self.children(getattr(node, "children", None)))
        if not responsive:
            return table
        box = "table-responsive" if responsive is True else f"table-responsive-{responsive}"
        return self.element("div", {"className": box}, table)

    def dbc_input_group(self, node: Component) -> str:
        size = getattr(node, "size", None)
        attributes = {
            "id": dom_id(getattr(node, "id", None)),
            "className": _classes(_own_class(node), "input-group", size and f"input-group-{size}"),
            "style": getattr(node, "style", None),
        }
        return self.element("div", attributes, self.children(getattr(node, "children", None)))

    # --- dcc and the portal's own -----------------------------------------------------------------------------

    def dcc_link(self, node: Component) -> str:
        attributes = {
            "id": dom_id(getattr(node, "id", None)),
            "className": getattr(node, "className", None),
            "style": getattr(node, "style", None),
            "title": getattr(node, "title", None),
            "target": getattr(node, "target", None),
            "href": getattr(node, "href", None),
        }
        return self.element("a", attributes, self.children(getattr(node, "children", None)))

    def dcc_upload(self, node: Component) -> str:
        style = {"position": "relative", **(getattr(node, "style", None) or {})}
        field = {
            "accept": getattr(node, "accept", None),
            "type": "file",
            "autocomplete": "off",
            "multiple": getattr(node, "multiple", None) or None,
            "style": {"position": "absolute", "inset": "0px", "opacity": "1e-05", "pointerEvents": "none"},
            "inert": not self.live or None,
        }
        zone = self.element(
            "div",
            {
                "className": getattr(node, "className", None),
                "aria-disabled": bool(getattr(node, "disabled", False)),
                "style": style,
            },
            self.children(getattr(node, "children", None)) + self.element("input", field),
        )
        return self.element("div", {"id": dom_id(getattr(node, "id", None))}, zone)

    def dcc_graph(self, node: Component) -> str:
        attributes = {
            "className": _classes("dash-graph", getattr(node, "className", None)),
            "id": dom_id(getattr(node, "id", None)),
            "style": getattr(node, "style", None),
        }
        return self.element("div", attributes)

    def static_html(self, node: StaticHtml) -> str:
        attributes = dict(node.attributes or {})
        if getattr(node, "id", None) is not None:
            attributes["id"] = dom_id(node.id)
        return element_html(node.tag, attributes, node.html)

    def draw_when_visible(self, node: Component) -> str:
        attributes = {
            "id": dom_id(getattr(node, "id", None)),
            "className": getattr(node, "className", None),
            "style": {"minHeight": f"{js_number(getattr(node, 'min_height', 0) or 0)}px"},
            "data-chart": "waiting",
            "data-graph": getattr(node, "graph_id", None),
        }
        return self.element("div", attributes)

    def _unwritten(self, node: Component) -> str:
        name = f"{node._namespace}.{node._type}"
        if name not in _warned:
            _warned.add(name)
            log.warning("the first view does not write %s with these props", name)
        return ""


def _options(options: Any) -> list[dict[str, Any]]:
    """dbc options as a list of {label, value, disabled}: a list of dicts, of values, or a mapping."""
    if isinstance(options, dict):
        return [{"label": label, "value": value} for value, label in options.items()]
    found = []
    for option in options or []:
        if isinstance(option, dict):
            found.append(option)
        else:
            found.append({"label": _text(option), "value": option})
    return found


def first_view_html(tree: Any) -> str:
    """The page's layout as the HTML its components render (see the module's docstring)."""
    return Writer().children(tree)


@dataclass(frozen=True)
class FirstView:
    """A page's first view: its HTML, its language and title, and whether the page needs Dash at all."""

    html: str
    language: str
    title: str
    static: bool


class FirstViews:
    """The first views written, per page, query and versions: a crowd asks the same few; bounded.

    Hand-written: functools.lru_cache would key on the callback list and the request the view is built from;
    here the caller names the key (page, query, versions) and stores what it built."""

    def __init__(self, maximum: int = 64) -> None:
        self._views: OrderedDict[tuple[str, ...], FirstView] = OrderedDict()
        self._lock = threading.Lock()
        self._maximum = maximum

    def get(self, key: tuple[str, ...]) -> FirstView | None:
        with self._lock:
            view = self._views.get(key)
            if view is not None:
                self._views.move_to_end(key)
            return view

    def set(self, key: tuple[str, ...], view: FirstView) -> None:
        with self._lock:
            self._views[key] = view
            self._views.move_to_end(key)
            while len(self._views) > self._maximum:
                self._views.popitem(last=False)


def page_layout(pathname: str, search: str) -> Any:
    """The layout Dash's page router renders for this address (the same page, the same query parameters)."""
    from dash import _pages  # the router's own lookup, so that both agree on the page and its arguments

    query = _pages._parse_query_string(search)
    page, variables = _pages._path_to_page(pathname.strip("/"))
    if not page:
        page = next(
            (p for module, p in _pages.PAGE_REGISTRY.items() if module.split(".")[-1] == "not_found_404"), {}
        )
    layout = page.get("layout")
    if layout is None:
        return None
    return layout(**attributes({**(variables or {}), **query})) if callable(layout) else layout


def component_ids(tree: Any) -> list[Any]:
    """Every component id in a tree (strings and dicts)."""
    found = []
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, list | tuple):
            stack.extend(node)
        elif isinstance(node, Component):
            if getattr(node, "id", None) is not None:
                found.append(node.id)
            stack.extend(
                value
                for prop in node._prop_names
                if isinstance(value := getattr(node, prop, None), Component | list | tuple)
            )
    return found


def callback_ids(callbacks: list[dict[str, Any]]) -> tuple[set[str], list[dict[str, Any]]]:
    """The ids callbacks read or write: plain ids, and pattern ids (dicts, their wildcards left out)."""
    plain: set[str] = set()
    patterns: list[dict[str, Any]] = []

    def add(raw: str) -> None:
        if raw.startswith("{"):
            spec = json.loads(raw)
            patterns.append({key: value for key, value in spec.items() if not isinstance(value, list)})
        else:
            plain.add(raw)

    for callback in callbacks:
        for item in [*callback.get("inputs", []), *callback.get("state", [])]:
            add(str(item["id"]))
        output = str(callback.get("output", ""))
        parts = output[2:-2].split("...") if output.startswith("..") else [output]
        for part in parts:
            if "." in part:
                add(part.rsplit(".", 1)[0])
    return plain, patterns


def needs_dash(tree: Any, callbacks: list[dict[str, Any]], handled: frozenset[str]) -> bool:
    """Whether any component of the page is reached by a callback (other than the `handled` ones, which the
    static page does without Dash)."""
    plain, patterns = callback_ids(callbacks)
    for found in component_ids(tree):
        if isinstance(found, dict):
            if any(all(found.get(key) == value for key, value in pattern.items()) for pattern in patterns):
                return True
        elif found in plain and found not in handled:
            return True
    return False


_H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")


def page_title(view_html: str, site: str) -> str:
    """'<main heading> – <site name>' (the site name alone on the home page), as assets/lang.js writes it."""
    match = _H1.search(view_html)
    heading = html_unescape(_TAG.sub("", match.group(1))).strip() if match else ""
    return site if not heading or heading == site else f"{heading} – {site}"


def page_first_view(
    pathname: str,
    search: str,
    versions: dict[str, str],
    callbacks: list[dict[str, Any]],
    handled: frozenset[str] = frozenset(),
    views: FirstViews | None = None,
) -> FirstView | None:
    """The first view of the page at this address, or None when it cannot be written (the page then arrives as
    Dash alone would send it)."""
    from i18n import normalise_language, t

    key = (pathname, search, *(f"{name}={value}" for name, value in sorted(versions.items())))
    if views is not None and (kept := views.get(key)) is not None:
        return kept
    try:
        tree = page_layout(pathname, search)
        language = normalise_language(getattr(tree, "lang", None))
        static = not needs_dash(tree, callbacks, handled)
        written = Writer(live=static).children(tree)
        view = FirstView(written, language, page_title(written, t("site.title", language)), static)
    except Exception as error:  # the page must open all the same
        log.error("no first view for %s: %s: %s", pathname, type(error).__name__, error, exc_info=error)
        return None
    if views is not None:
        views.set(key, view)
    return view


#: The one thing a static page does in the browser: the menu button on narrow screens (on Dash's pages a
#: clientside callback does it, components/shell/layout.py).
STATIC_PAGE_SCRIPT: Final = """
(function () {
  var button = document.getElementById("shell-nav-toggler");
  var menu = document.getElementById("shell-nav-collapse");
  if (button && menu) {
    button.addEventListener("click", function () {
      var open = menu.classList.toggle("show");
      button.setAttribute("aria-expanded", open ? "true" : "false");
    });
  }
  // Once the page has loaded and is idle: fetch (not run) the scripts the next page, a Dash page, needs.
  window.addEventListener("load", function () {
    var later = window.requestIdleCallback || function (f) { return setTimeout(f, 200); };
    later(function () {
      var holder = document.getElementById("imw-prefetch");
      var urls = holder ? JSON.parse(holder.getAttribute("data-urls") || "[]") : [];
      urls.forEach(function (url) {
        var link = document.createElement("link");
        link.rel = "prefetch"; link.as = "script"; link.href = url;
        document.head.appendChild(link);
      });
    });
  });
})();
""".strip()


def static_page_body(view: FirstView, prefetch: Sequence[str] = ()) -> str:
    """The body of a page that needs no Dash: its first view, and the script of the menu button, which also
    prefetches `prefetch` (the next Dash page's scripts) once the page is idle."""
    urls = html_escape(json.dumps(list(prefetch)), quote=True)
    return (
        f'<div id="imw-first-view" data-static="true">{view.html}</div>\n'
        f'<div id="imw-prefetch" hidden data-urls="{urls}"></div>\n'
        f"<script>{STATIC_PAGE_SCRIPT}</script>"
    )
