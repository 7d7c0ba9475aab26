"""The parts of a page that never change, sent as HTML: fewer Dash components for the browser to build.

A monitoring page holds 400 to 1,000 Dash components, the simulator 1,150: headings, paragraphs, tables, labels,
help texts. The browser builds each as a React component wired to Dash's store, and that work (about 2.6 s of
script on the simulator in Lighthouse, before this module) is what kept the pages slow on a phone. Most of those
components have no id: no callback can read or change them. `compact(tree)` replaces every such subtree (of two
components or more, of the kinds listed below) by one `StaticHtml` component that carries the subtree as HTML;
the browser (components/static_html.js) sets that HTML as the inner HTML of one element. The DOM is the same as
Dash would have built (a browser test compares them on every page); only the work to build it is less.

`to_html(component)` writes a Dash component tree as HTML the way React renders it: class, for, style (React's
rules for units), boolean attributes, escaped text. It is used for the static parts, and for the first view of a
page that the server sends with the page (services/prerender.py).

What is static: html.* elements (except scripts, frames, form fields) and a few layout components of
dash-bootstrap-components whose markup is fixed (Container, Row, Col, Card, CardBody, CardHeader, Label, Table,
InputGroupText), with the props listed for each; a component with any other prop set, or with an id, is left to
Dash. Text is escaped and no URL may run script (``javascript:`` becomes ``about:blank``, as Dash does).
"""

from __future__ import annotations

import copy
import html as html_escape
import math
import re
from collections.abc import Callable, Iterable
from typing import Any, Final

from dash.development.base_component import Component

from components.shell.dom import NAMESPACE
from components.shell.lazy import DrawWhenVisible, when_visible


class StaticHtml(Component):
    """One element with its attributes (as React names them) and its inner HTML.

    Keyword arguments:

    - tag (string): the element's tag name.
    - attributes (dict): the element's attributes, as React props (className, style as a mapping, ...).
    - html (string): the element's inner HTML, written by `to_html` from Dash components (escaped text).
    - id (string; optional)."""

    _children_props: list[str] = []  # noqa: RUF012  (Dash's component protocol)
    _base_nodes: list[str] = []  # noqa: RUF012
    _namespace = NAMESPACE
    _type = "StaticHtml"

    def __init__(
        self, tag: str = "div", attributes: dict[str, Any] | None = None, html: str = "", **kwargs: Any
    ) -> None:
        self._prop_names = ["id", "tag", "attributes", "html"]
        self._valid_wildcard_attributes: list[str] = []
        super().__init__(tag=tag, attributes=attributes or {}, html=html, **kwargs)


# --- HTML as React writes it ----------------------------------------------------------------------------------

VOID: Final = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)
#: React's boolean attributes: present (empty) when truthy, absent otherwise.
BOOLEAN: Final = frozenset(
    {
        "allowFullScreen",
        "async",
        "autoFocus",
        "autoPlay",
        "checked",
        "controls",
        "default",
        "defer",
        "disabled",
        "formNoValidate",
        "hidden",
        "inert",
        "itemScope",
        "loop",
        "multiple",
        "muted",
        "noModule",
        "noValidate",
        "open",
        "playsInline",
        "readOnly",
        "required",
        "reversed",
        "selected",
    }
)
#: Attributes React writes "true"/"false" for a boolean.
BOOLEANISH: Final = frozenset({"contentEditable", "draggable", "spellCheck"})
RENAMED: Final = {"className": "class", "htmlFor": "for"}
#: CSS properties React writes without "px" for a number.
UNITLESS: Final = frozenset(
    {
        "animationIterationCount",
        "aspectRatio",
        "borderImageOutset",
        "borderImageSlice",
        "borderImageWidth",
        "boxFlex",
        "boxFlexGroup",
        "boxOrdinalGroup",
        "columnCount",
        "columns",
        "flex",
        "flexGrow",
        "flexPositive",
        "flexShrink",
        "flexNegative",
        "flexOrder",
        "gridArea",
        "gridRow",
        "gridRowEnd",
        "gridRowSpan",
        "gridRowStart",
        "gridColumn",
        "gridColumnEnd",
        "gridColumnSpan",
        "gridColumnStart",
        "fontWeight",
        "lineClamp",
        "lineHeight",
        "opacity",
        "order",
        "orphans",
        "scale",
        "tabSize",
        "widows",
        "zIndex",
        "zoom",
        "fillOpacity",
        "floodOpacity",
        "stopOpacity",
        "strokeDasharray",
        "strokeDashoffset",
        "strokeMiterlimit",
        "strokeOpacity",
        "strokeWidth",
    }
)
URL_ATTRIBUTES: Final = frozenset({"href", "src", "action", "formAction", "cite", "data", "poster"})
_UNSAFE_URL = re.compile(r"^[^\w]*(javascript|vbscript)", re.IGNORECASE | re.MULTILINE)
_URL_NOISE = re.compile(r"[\u0000-\u001F\u007F-\u009F\u2000-\u200D\uFEFF]")
#: Dash's own props of html.* components, which are not attributes.
DASH_ONLY: Final = frozenset({"n_clicks", "n_clicks_timestamp", "disable_n_clicks", "loading_state", "key"})


def js_number(value: float | int) -> str:
    """A number as JavaScript writes it (what React shows for a number): 1.0 is "1"."""
    if isinstance(value, bool):
        raise TypeError("a boolean is not a number here")
    if isinstance(value, float):
        if math.isnan(value):
            return "NaN"
        if math.isinf(value):
            return "Infinity" if value > 0 else "-Infinity"
        if value.is_integer() and abs(value) < 1e21:
            return str(int(value))
        return re.sub(r"e([+-])0*(\d)", r"e\1\2", repr(value))
    return str(value)


def safe_url(value: str) -> str:
    """The URL, or about:blank when it would run script (Dash's clean_url rule)."""
    return "about:blank" if _UNSAFE_URL.match(_URL_NOISE.sub("", value).strip()) else value


def _css_name(name: str) -> str:
    """React's style name as CSS: maxHeight is max-height, WebkitLineClamp -webkit-line-clamp, msGrid -ms-grid."""
    if "-" in name:
        return name  # already CSS (or a custom property)
    kebab = re.sub(r"[A-Z]", lambda match: "-" + match.group(0).lower(), name)
    return "-" + kebab if kebab.startswith("ms-") else kebab


def css_text(style: dict[str, Any]) -> str:
    """A React style mapping as the text of a style attribute."""
    parts = []
    for name, value in style.items():
        if value is None or isinstance(value, bool) or value == "":
            continue
        if isinstance(value, int | float):
            text = (
                js_number(value)
                if value == 0 or name in UNITLESS or name.startswith("--")
                else f"{js_number(value)}px"
            )
        else:
            text = str(value).strip()
        parts.append(f"{_css_name(name)}:{text}")
    return ";".join(parts)


def attribute_text(attributes: dict[str, Any]) -> str:
    """React props of an element as HTML attributes (leading space included when there are any)."""
    written = []
    for name, value in attributes.items():
        if value is None or name in DASH_ONLY or name == "children":
            continue
        html_name = RENAMED.get(name, name)
        if name == "style":
            if not isinstance(value, dict):
                continue
            text = css_text(value)
            if text:
                written.append(f' style="{html_escape.escape(text)}"')
            continue
        if name in BOOLEAN:
            if value:
                written.append(f" {html_name.lower()}")
            continue
        if isinstance(value, bool):
            if name.startswith(("aria-", "data-")) or name in BOOLEANISH:
                written.append(f' {html_name.lower()}="{str(value).lower()}"')
            continue  # React drops a boolean on any other attribute
        if isinstance(value, int | float):
            text = js_number(value)
        elif isinstance(value, str):
            text = safe_url(value) if name in URL_ATTRIBUTES else value
        else:
            continue  # objects are not attributes
        written.append(f' {html_name.lower()}="{html_escape.escape(text)}"')
    return "".join(written)


def children_html(children: Any, render: Callable[[Component], str]) -> str:
    """The HTML of a children value: components, text and numbers; None and booleans write nothing."""
    if children is None or isinstance(children, bool):
        return ""
    if isinstance(children, str):
        return html_escape.escape(children, quote=False)
    if isinstance(children, int | float):
        return html_escape.escape(js_number(children), quote=False)
    if isinstance(children, Component):
        return render(children)
    if isinstance(children, list | tuple):
        return "".join(children_html(child, render) for child in children)
    raise TypeError(f"cannot write {type(children).__name__} as HTML")


def element_html(tag: str, attributes: dict[str, Any], inner: str) -> str:
    if tag in VOID:
        return f"<{tag}{attribute_text(attributes)}>"
    return f"<{tag}{attribute_text(attributes)}>{inner}</{tag}>"


# --- which components are static, and as which element ----------------------------------------------------------

HTML_NAMESPACE: Final = "dash_html_components"
DBC_NAMESPACE: Final = "dash_bootstrap_components"
#: html.* kinds left to Dash: scripts and frames, and form fields (their value is a live property).
HTML_NOT_STATIC: Final = frozenset(
    {
        "Script",
        "Iframe",
        "ObjectEl",
        "Embed",
        "Base",
        "Link",
        "Meta",
        "Style",
        "Title",
        "Input",
        "Select",
        "Option",
        "Optgroup",
        "Textarea",
        "Frame",
        "Frameset",
        "Template",
        "Slot",
        "Shadow",
        "Content",
    }
)
TAG_OF: Final = {"MapEl": "map", "ObjectEl": "object"}
#: Elements whose children must be phrasing content: a block inside would be moved out by the HTML parser.
PHRASING_ONLY: Final = frozenset(
    {
        "p",
        "span",
        "a",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "label",
        "em",
        "strong",
        "small",
        "abbr",
        "b",
        "i",
        "summary",
        "dt",
        "caption",
        "button",
    }
)
PHRASING: Final = frozenset(
    {
        "a",
        "abbr",
        "b",
        "bdi",
        "bdo",
        "br",
        "button",
        "cite",
        "code",
        "data",
        "del",
        "dfn",
        "em",
        "i",
        "img",
        "ins",
        "kbd",
        "label",
        "mark",
        "meter",
        "output",
        "progress",
        "q",
        "s",
        "samp",
        "small",
        "span",
        "strong",
        "sub",
        "sup",
        "time",
        "u",
        "var",
        "wbr",
    }
)
TABLE_SECTIONS: Final = frozenset({"thead", "tbody", "tfoot", "caption", "colgroup"})

Element = tuple[str, dict[str, Any]]


def _props(component: Component) -> dict[str, Any]:
    """The props that are set (not None), React names as Dash sends them."""
    found = {}
    for name in component._prop_names:
        value = getattr(component, name, None)
        if value is not None:
            found[name] = value
    for name, value in component.__dict__.items():  # wildcard props: aria-*, data-*
        if name.startswith(("aria-", "data-")) and value is not None:
            found[name] = value
    return found


def _classes(*names: Any) -> str | None:
    joined = " ".join(str(name) for name in names if name)
    return joined or None


def _dbc_class(props: dict[str, Any]) -> Any:
    return props.pop("class_name", None) or props.pop("className", None)


def _col_size(prefix: str, value: Any) -> str | None:
    if value is True:
        return f"col{prefix}"
    if value == "auto":
        return f"col{prefix}-auto"
    if isinstance(value, int) and not isinstance(value, bool):
        return f"col{prefix}-{value}"
    return None


def _dbc_element(kind: str, props: dict[str, Any]) -> Element | None:
    """The element a dash-bootstrap-components layout component renders (as dash-bootstrap-components 2 does),
    or None when a prop is set that changes its markup in ways not written here."""
    own = _dbc_class(props)
    style = props.pop("style", None)
    props.pop("children", None)
    props.pop("key", None)
    attributes: dict[str, Any] = {}
    if kind == "Container":
        fluid = props.pop("fluid", None)
        name = (
            "container-fluid"
            if fluid is True
            else f"container-{fluid}"
            if isinstance(fluid, str)
            else "container"
        )
        tag, classes = props.pop("tag", None) or "div", [own, name]
    elif kind == "Row":
        align, justify = props.pop("align", None), props.pop("justify", None)
        tag = "div"
        classes = [own, align and f"align-items-{align}", justify and f"justify-content-{justify}", "row"]
    elif kind == "Col":
        sizes = [("", props.pop("width", None) or props.pop("xs", None))]
        sizes += [(f"-{bp}", props.pop(bp, None)) for bp in ("sm", "md", "lg", "xl", "xxl")]
        align = props.pop("align", None)
        names = []
        for prefix, value in sizes:
            if value is None:
                continue
            name = _col_size(prefix, value)
            if name is None:
                return None  # a size with order or offset: left to dash-bootstrap-components
            names.append(name)
        tag = "div"
        classes = [own, align and f"align-self-{align}", *(names or ["col"])]
    elif kind in ("Card", "CardBody", "CardHeader"):
        tag = "div"
        classes = [own, {"Card": "card", "CardBody": "card-body", "CardHeader": "card-header"}[kind]]
    elif kind == "Label":
        html_for = props.pop("html_for", None)
        if html_for is not None:
            attributes["htmlFor"] = html_for
        tag, classes = "label", [own, "form-label"]
    elif kind == "InputGroupText":
        tag, classes = "span", [own, "input-group-text"]
    elif kind == "Table":
        flags = [
            (props.pop(flag, None), f"table-{flag}")
            for flag in ("striped", "bordered", "borderless", "hover")
        ]
        size = props.pop("size", None)
        if props.pop("responsive", None) or props.pop("dark", None) or props.pop("color", None):
            return None
        tag = "table"
        classes = [own, "table", size and f"table-{size}", *(name for flag, name in flags if flag)]
    else:
        return None
    if props:
        return None  # a prop this module does not write
    attributes = {"className": _classes(*classes), **attributes}
    if style is not None:
        attributes["style"] = style
    return tag, attributes


def element_of(component: Component, allow_id: bool = False) -> Element | None:
    """(tag, React attributes) of a component that is static in itself (or would be, but for its id, with
    `allow_id`), or None."""
    namespace, kind = component._namespace, component._type
    props = _props(component)
    own_id = props.pop("id", None)
    if own_id is not None and not allow_id:
        return None
    element: Element | None = None
    if namespace == HTML_NAMESPACE and kind not in HTML_NOT_STATIC:
        element = (
            TAG_OF.get(kind, kind.lower()),
            {name: value for name, value in props.items() if name not in DASH_ONLY and name != "children"},
        )
    elif namespace == DBC_NAMESPACE:
        element = _dbc_element(kind, props)
    if element is not None and own_id is not None:
        element[1]["id"] = own_id
    return element


def _child_components(children: Any) -> Iterable[Component]:
    if isinstance(children, Component):
        yield children
    elif isinstance(children, list | tuple):
        for child in children:
            yield from _child_components(child)


def _fits(tag: str, children: Any) -> bool:
    """Whether the HTML parser keeps these children where React puts them (no block in a paragraph, no row
    straight in a table, which the parser would wrap in a tbody)."""
    for child in _child_components(children):
        element = element_of(child)
        child_tag = element[0] if element else None
        if tag in PHRASING_ONLY and child_tag is not None and child_tag not in PHRASING:
            return False
        if tag == "table" and child_tag not in TABLE_SECTIONS:
            return False
        if tag == "a" and child_tag == "a":
            return False
    # Text straight in a table is moved out of it by the parser too.
    return not (tag == "table" and any(isinstance(child, str | int | float) for child in _flatten(children)))


def _flatten(children: Any) -> list[Any]:
    if isinstance(children, list | tuple):
        return [item for child in children for item in _flatten(child)]
    return [children]


def to_html(component: Any) -> str:
    """A static component tree as HTML (raises ValueError for a component that is not static)."""

    def render(node: Component) -> str:
        element = element_of(node)
        if element is None:
            raise ValueError(f"{node._namespace}.{node._type} is not static")
        tag, attributes = element
        return element_html(tag, attributes, children_html(getattr(node, "children", None), render))

    return children_html(component, render)


def _static_size(component: Component, memo: dict[int, int | None]) -> int | None:
    """How many components a static subtree holds, or None when it is not static as a whole."""
    key = id(component)
    if key in memo:
        return memo[key]
    element = element_of(component)
    size: int | None = None
    children = getattr(component, "children", None)
    if element is not None and _fits(element[0], children):
        size = 1
        for child in _child_components(children):
            child_size = _static_size(child, memo)
            if child_size is None:
                size = None
                break
            size += child_size
    memo[key] = size
    return size


def _as_static(component: Component) -> StaticHtml:
    tag, attributes = element_of(component)  # type: ignore[misc]  # checked by _static_size
    return StaticHtml(tag=tag, attributes=attributes, html=to_html(getattr(component, "children", None)))


def compact(tree: Any, minimum: int = 2) -> Any:
    """The tree with every static subtree of at least `minimum` components replaced by one StaticHtml, and
    every chart in a place that draws it when it comes near the screen (components/shell/lazy.py).

    The tree given is not changed (its parts may be cached and shared): changed parents are copies."""
    memo: dict[int, int | None] = {}

    def visit(node: Any) -> Any:
        if isinstance(node, list | tuple):
            changed = [visit(child) for child in node]
            return changed if any(a is not b for a, b in zip(changed, node, strict=True)) else node
        if not isinstance(node, Component) or isinstance(node, DrawWhenVisible | StaticHtml):
            return node
        if node._namespace == "dash_core_components" and node._type == "Graph":
            return when_visible(node)
        size = _static_size(node, memo)
        if size is not None:
            return _as_static(node) if size >= minimum else node
        replaced = None
        for prop in node._prop_names:
            value = getattr(node, prop, None)
            if not isinstance(value, Component | list | tuple):
                continue
            new = visit(value)
            if new is not value:
                if replaced is None:
                    replaced = copy.copy(node)
                setattr(replaced, prop, new)
        return replaced if replaced is not None else node

    return visit(tree)


def compacted(layout: Any) -> Any:
    """A page's layout (a function of the query, or a tree) that the browser gets compacted (see `compact`).

    Applied to the registered pages when the app is built (app.py): the page modules and their tests keep
    plain Dash trees; what Dash's router sends, and the first view, are the compacted ones."""
    if getattr(layout, "__compacted__", False):
        return layout
    if not callable(layout):
        return compact(layout)

    def compacted_layout(**query: Any) -> Any:
        return compact(layout(**query))

    compacted_layout.__compacted__ = True  # type: ignore[attr-defined]
    return compacted_layout
