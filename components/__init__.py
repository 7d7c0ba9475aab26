"""Reusable pieces of the portal: texts, formats, layout parts, controls and chart builders.

It is also a small Dash component library: `static_html.StaticHtml` and `lazy.DrawWhenVisible`. Their browser
side is portal_components.js, served by Dash from this package with the version below in its address, so that
browsers keep it.
"""

__version__ = "1.0.0"

_js_dist = [
    {
        "relative_package_path": "portal_components.js",
        "namespace": "components",
    }
]
