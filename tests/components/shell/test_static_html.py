"""Static parts as HTML and the first view (components/shell/static_html.py, components/shell/first_view.py): written as
React writes them, escaped, never running script, and never changing the trees they are given."""

from __future__ import annotations

import json

import dash_bootstrap_components as dbc
import pytest
from dash import dcc, html
from plotly.utils import PlotlyJSONEncoder

from components.shell.first_view import callback_ids, dom_id, first_view_html, needs_dash, page_title
from components.shell.lazy import DrawWhenVisible, figure_height
from components.shell.static_html import StaticHtml, compact, css_text, js_number, to_html


def test_text_and_attributes_are_escaped():
    written = to_html(html.P(['<script>alert("x")</script> & ', html.Span("a", title='"quoted" <b>')]))
    assert "<script>" not in written
    assert "&lt;script&gt;" in written and "&amp;" in written
    assert 'title="&quot;quoted&quot; &lt;b&gt;"' in written


@pytest.mark.parametrize(
    "href", ["javascript:alert(1)", " JaVaScRiPt:alert(1)", "java\nscript:x", "vbscript:x"]
)
def test_no_link_runs_script(href):
    assert 'href="about:blank"' in to_html(html.A("x", href=href))


def test_styles_follow_reacts_rules_for_units():
    assert css_text(
        {"maxHeight": "calc(100vh - 1rem)", "top": 0, "width": 12, "zIndex": 3, "opacity": 0.5}
    ) == ("max-height:calc(100vh - 1rem);top:0;width:12px;z-index:3;opacity:0.5")
    assert css_text({"WebkitLineClamp": 2, "msGridRow": 1, "--gap": 4, "border-style": "dashed"}) == (
        "-webkit-line-clamp:2px;-ms-grid-row:1px;--gap:4;border-style:dashed"
    )


def test_numbers_are_written_as_javascript_writes_them():
    assert [js_number(v) for v in (1.0, 2.5, 10, 1e-07, 1e22, -0.0)] == [
        "1",
        "2.5",
        "10",
        "1e-7",
        "1e+22",
        "0",
    ]


def test_boolean_attributes_are_present_or_absent_as_react_writes_them():
    written = to_html(
        html.Details([html.Summary("s"), "t"], open=True, hidden=False, **{"aria-expanded": False})
    )
    assert written.startswith('<details open aria-expanded="false">')
    assert "hidden" not in written


def test_a_static_subtree_becomes_one_component_and_the_tree_given_is_not_changed():
    block = html.Section([html.H2("Titel"), html.P(["Tekst ", html.Strong("vet")])])
    tree = html.Div([block, dcc.Input(id="field", value=3)], id="page")
    before = json.dumps(tree, cls=PlotlyJSONEncoder)
    compacted = compact(tree)
    assert json.dumps(tree, cls=PlotlyJSONEncoder) == before
    assert isinstance(compacted.children[0], StaticHtml)
    assert compacted.children[0].tag == "section"
    assert compacted.children[0].html == "<h2>Titel</h2><p>Tekst <strong>vet</strong></p>"
    assert compacted.children[1] is tree.children[1], "what has an id stays a Dash component"


def test_what_the_html_parser_would_move_is_left_to_dash():
    paragraph_with_block = html.P([html.Div("block"), "text"])
    table_with_bare_rows = html.Table([html.Tr([html.Td("a")]), html.Tr([html.Td("b")])])
    for tree in (paragraph_with_block, table_with_bare_rows):
        assert not isinstance(compact(html.Div([tree, dcc.Input(id="i")])).children[0], StaticHtml)
    table = html.Table([html.Thead(html.Tr(html.Th("a"))), html.Tbody(html.Tr(html.Td("b")))])
    assert isinstance(compact(html.Div([table, dcc.Input(id="i")])).children[0], StaticHtml)


def test_bootstrap_layout_components_are_written_as_dash_bootstrap_components_writes_them():
    written = to_html(
        dbc.Row([dbc.Col(dbc.Card(dbc.CardBody("k"), className="h-100"), md=6, lg=4)], className="g-3")
    )
    assert written == (
        '<div class="g-3 row"><div class="col-md-6 col-lg-4"><div class="h-100 card">'
        '<div class="card-body">k</div></div></div></div>'
    )
    assert compact(html.Div(dbc.Col("x", width={"size": 6, "offset": 1}))).children._type == "Col"


def test_charts_wait_in_a_place_of_their_figures_height():
    graph = dcc.Graph(id="g", figure={"data": [], "layout": {"height": 380}})
    place = compact(html.Div([graph, dcc.Input(id="i")])).children[0]
    assert isinstance(place, DrawWhenVisible)
    assert place.min_height == 380 and place.graph_id == "g"
    assert place.children is graph
    assert figure_height(dcc.Graph(figure={"data": []})) == 450
    written = first_view_html(place)
    assert (
        written
        == '<div class="chart-place" style="min-height:380px" data-chart="waiting" data-graph="g"></div>'
    )


def test_the_first_view_writes_fields_with_their_values_and_makes_them_inert():
    written = first_view_html(
        html.Div(
            [
                dbc.Input(id={"type": "p", "name": "a"}, type="number", value=2.5, min=0, max=5, size="sm"),
                dbc.Select(
                    id="s", options=[{"label": "A", "value": "a"}, {"label": "B", "value": "b"}], value="b"
                ),
                dbc.RadioItems(id="r", options=[{"label": "x", "value": 1}], value=1, inline=True),
                dcc.Store(id="store", data={"secret": "not in the page"}),
            ]
        )
    )
    assert 'id="{&quot;name&quot;:&quot;a&quot;,&quot;type&quot;:&quot;p&quot;}"' in written
    assert 'value="2.5"' in written and "form-control-sm" in written
    assert '<option value="b" selected>B</option>' in written
    assert 'id="_dbcprivate_radioitems_r_input_1"' in written and "checked" in written
    assert written.count(" inert") == 3
    assert "not in the page" not in written


def test_an_id_is_written_as_dash_writes_it_in_the_dom():
    assert dom_id({"type": "sim-param", "name": "é"}) == '{"name":"é","type":"sim-param"}'
    assert dom_id("plain") == "plain"


def test_a_page_title_is_its_heading_and_the_site_name():
    assert page_title("<main><h1 class='h2'>Simulator &amp; co</h1></main>", "IMW") == "Simulator & co – IMW"
    assert page_title("<h1>IMW</h1>", "IMW") == "IMW"


def test_a_page_needs_dash_when_a_callback_reaches_one_of_its_components():
    callbacks = [
        {
            "output": "..out.children...other.value..",
            "inputs": [{"id": "menu", "property": "n_clicks"}],
            "state": [],
        },
        {"output": '{"index":["MATCH"],"type":"block"}.figure', "inputs": [], "state": []},
    ]
    plain, patterns = callback_ids(callbacks)
    assert plain == {"out", "other", "menu"}
    assert patterns == [{"type": "block"}]
    assert not needs_dash(html.Div([html.P("x"), html.Button(id="menu")]), callbacks, frozenset({"menu"}))
    assert needs_dash(html.Div(html.Div(id="out")), callbacks, frozenset())
    assert needs_dash(html.Div(dcc.Graph(id={"type": "block", "index": "a"})), callbacks, frozenset())
