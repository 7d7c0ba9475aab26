"""How responses travel (services/delivery.py): compressed as the client asks, cached by the browser where the
address carries the version, the partial plotly.js, and what every visitor asks the same answered from memory."""

from __future__ import annotations

import gzip
import json
import re
from typing import Any

import brotli
import dash
import pytest
from plotly.offline import get_plotlyjs_version

import app as portal
from services import delivery


@pytest.fixture(scope="module")
def client():
    client = portal.server.test_client()
    client.get("/")  # Dash moves the page callbacks into the app on the first request
    return client


def _page_resources(client: Any, path: str = "/werknemers") -> list[str]:
    """The scripts, stylesheets and icon a page (one that Dash runs) asks for."""
    html = client.get(path, headers={"Accept-Encoding": "identity"}).data.decode()
    found = re.findall(r'(?:src|href)="(/[^"]+)"', html)
    return [
        address
        for address in found
        if address.startswith(("/_dash-component-suites/", "/assets/", "/_favicon"))
    ]


@pytest.mark.parametrize(
    ("asked", "encoding", "decode"), [("br", "br", brotli.decompress), ("gzip", "gzip", gzip.decompress)]
)
def test_a_page_is_compressed_as_the_client_asks_and_decompresses_to_the_same_page(
    client, asked, encoding, decode
):
    plain = client.get("/werknemers", headers={"Accept-Encoding": "identity"})
    packed = client.get("/werknemers", headers={"Accept-Encoding": asked})
    assert "Content-Encoding" not in plain.headers
    assert packed.headers["Content-Encoding"] == encoding
    assert "Accept-Encoding" in packed.headers["Vary"]
    # Dash signs each page load (its config differs), everything else is the same page.
    unsign = re.compile(rb'"end_id":"[^"]+"')
    assert unsign.sub(b"", decode(packed.data)) == unsign.sub(b"", plain.data)
    assert len(packed.data) < len(plain.data) / 3


def test_every_script_and_stylesheet_of_a_page_travels_compressed(client):
    for address in _page_resources(client):
        response = client.get(address, headers={"Accept-Encoding": "gzip, deflate, br, zstd"})
        assert response.status_code == 200, address
        assert response.headers.get("Content-Encoding") == "br", address


def test_versioned_addresses_are_immutable_and_the_others_are_revalidated(client):
    resources = _page_resources(client)
    versioned = [a for a in resources if re.search(r"\.v\d[\w]*m\d+\.", a) or "?m=" in a]
    assert len(versioned) >= 8, resources
    for address in versioned:
        assert client.get(address).headers["Cache-Control"] == delivery.IMMUTABLE, address
    for address in (
        "/_dash-layout",
        "/_dash-dependencies",
        delivery.PLOTLY_PATH,
        "/_dash-component-suites/dash/dcc/async-graph.js",
    ):
        first = client.get(address, headers={"Accept-Encoding": "br"})
        assert first.headers["Cache-Control"] == delivery.REVALIDATE, address
        again = client.get(address, headers={"Accept-Encoding": "br", "If-None-Match": first.headers["ETag"]})
        assert again.status_code == 304, address
        assert again.data == b""


def test_an_asset_asked_with_a_stamp_that_is_not_its_own_is_not_kept_for_a_year(client):
    stale = client.get("/assets/portal.css?m=12345.0")
    assert stale.status_code == 200
    assert stale.headers["Cache-Control"] == delivery.REVALIDATE
    assert delivery.body_key(_get("/assets/portal.css?m=12345.0")) == ""


def test_pages_are_revalidated_and_health_is_never_stored(client):
    assert client.get("/tewerkstelling").headers["Cache-Control"] == "no-cache"
    assert client.get("/health").headers["Cache-Control"] == "no-store"


def test_the_plotly_address_serves_the_partial_bundle_of_the_same_plotly_js_version(client):
    response = client.get(delivery.PLOTLY_PATH, headers={"Accept-Encoding": "identity"})
    head = response.data[:200].decode()
    assert f"plotly.js (basic - minified) v{get_plotlyjs_version()}" in head
    assert len(response.data) < 1_300_000  # the full bundle is 4.7 MB
    assert delivery.PLOTLY_PATH in client.get("/werknemers").data.decode(), (
        "a page that runs Dash prefetches it"
    )


def _get(address: str) -> Any:
    return portal.server.test_request_context(address).request


def test_kept_bodies_are_bounded_by_the_files_whatever_the_address_says():
    keys = {
        delivery.body_key(_get(f"/_dash-component-suites/dash/dcc/dash_core_components.v{n}m{n}.js"))
        for n in range(1, 50)
    }
    assert keys == {"/_dash-component-suites/dash/dcc/dash_core_components.js"}
    assert delivery.body_key(_get("/tewerkstelling")) == ""
    assert delivery.body_key(_get("/api/scenario?s=x")) == ""
    kept = delivery.KeptBodies()
    kept.set("br;", b"a page")
    assert kept.get("br;") is None
    for n in range(delivery.KEPT_BODIES_MAX + 10):
        kept.set(f"br;/{n}", b"x")
    assert kept.get("br;/0") is None
    assert kept.get(f"br;/{delivery.KEPT_BODIES_MAX + 9}") == b"x"


def test_the_layout_and_the_callback_graph_are_built_once_and_served_from_memory(client):
    first = client.get("/_dash-dependencies").data
    calls = []
    original = portal.app.dependencies
    portal.app.dependencies = lambda: calls.append(1) or original()  # type: ignore[method-assign]
    try:
        assert client.get("/_dash-dependencies").data == first
    finally:
        portal.app.dependencies = original  # type: ignore[method-assign]
    assert calls == []
    assert json.loads(first), "the callback graph"


def _router_body(pathname: str, search: str) -> dict[str, Any]:
    output = delivery.router_output(portal.app)
    assert output is not None
    return {
        "output": output,
        "outputs": [
            {"id": "_pages_content", "property": "children"},
            {"id": "_pages_store", "property": "data"},
        ],
        "inputs": [
            {"id": "_pages_location", "property": "pathname", "value": pathname},
            {"id": "_pages_location", "property": "search", "value": search},
        ],
        "changedPropIds": ["_pages_location.pathname"],
    }


def test_a_page_default_view_is_built_once_and_then_answered_from_memory(client, monkeypatch):
    page = next(p for p in dash.page_registry.values() if p["path"] == "/toegankelijkheid")
    calls = []
    layout = page["layout"]
    monkeypatch.setitem(page, "layout", lambda **query: calls.append(query) or layout(**query))
    portal.server.extensions["imw_default_views"]._answers.clear()
    answers = [
        client.post("/_dash-update-component", json=_router_body("/toegankelijkheid", "")) for _ in range(3)
    ]
    assert [a.status_code for a in answers] == [200, 200, 200]
    assert answers[0].data == answers[1].data == answers[2].data
    assert len(calls) == 1
    # Another language is another view; a view with other settings in the link is built each time.
    client.post("/_dash-update-component", json=_router_body("/toegankelijkheid", "?lang=en"))
    for _ in range(2):
        client.post("/_dash-update-component", json=_router_body("/toegankelijkheid", "?lang=en&x=1"))
    assert len(calls) == 4
    assert json.loads(answers[0].data)["response"]["_pages_content"]["children"]


def test_only_the_portal_pages_default_views_are_kept(client):
    versions = {"model_version": "1"}
    output = delivery.router_output(portal.app)
    assert delivery.default_view_key(_router_body("/simulator", "?lang=en"), output, versions) is not None
    assert delivery.default_view_key(_router_body("/no-such-page", ""), output, versions) is None
    assert delivery.default_view_key(_router_body("/simulator", "?s=abc"), output, versions) is None
    assert (
        delivery.default_view_key({**_router_body("/", ""), "output": "other.children"}, output, versions)
        is None
    )
    assert delivery.default_view_key("not a body", output, versions) is None
    changed = delivery.default_view_key(_router_body("/", ""), output, {"model_version": "2"})
    assert changed != delivery.default_view_key(_router_body("/", ""), output, versions)


def test_the_scripts_wait_in_a_template_and_a_modern_browser_gets_no_polyfill(client):
    page = client.get("/werknemers", headers={"Accept-Encoding": "identity"}).data.decode()
    template = page.split('<template id="imw-scripts">', 1)[1].split("</template>", 1)[0]
    sources = re.findall(r'<script src="([^"]+)"', template)
    assert sources and all(source.startswith(("/_dash-component-suites/", "/assets/")) for source in sources)
    assert not any("dash_table" in source for source in sources)
    polyfill = [tag for tag in re.findall(r"<script [^>]*>", template) if "polyfill@" in tag]
    assert polyfill and all("data-unless-modern" in tag for tag in polyfill)
    assert any("regenerator-runtime" in source for source in sources)
    outside = page.replace(template, "")
    assert not re.search(r'<script src="', outside), "no script is fetched before the first paint"
    assert "new DashRenderer()" in page


def test_no_page_has_a_data_table(client):
    """The pages are sent without dash_table's bundle (services/delivery.py): a DataTable would not draw."""
    from plotly.utils import PlotlyJSONEncoder

    with portal.server.test_request_context("/"):
        for page in dash.page_registry.values():
            layout = page["layout"]
            tree = json.loads(json.dumps(layout() if callable(layout) else layout, cls=PlotlyJSONEncoder))
            assert '"namespace": "dash_table"' not in json.dumps(tree), page["path"]
            assert '"type": "Div"' in json.dumps(tree) or page["path"] == "/404"
