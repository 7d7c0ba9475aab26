// Charts on every screen, and their picture downloads (components/shell/graph_config.py writes what this reads into
// each figure's layout.meta.imw):
// - below meta.imw.narrow_below px of width a chart gets its narrow layout (smaller fonts and margins, fewer
//   ticks, a heading wrapped shorter), and its own layout back above it. Dash draws a new figure with a new
//   layout object, so the layout a mode was applied to is remembered per layout object (a WeakMap).
// - a button with data-imw-chart-export="png|svg" and data-imw-chart="<id of the element around the graph>"
//   saves the chart as a picture with its title, status and source drawn in it (Plotly.downloadImage, in the
//   browser: no server, no other host).
(function () {
  "use strict";
  var applied = new WeakMap();

  function settings(gd) {
    return gd && gd.layout && gd.layout.meta && gd.layout.meta.imw;
  }

  function adapt(gd) {
    var imw = settings(gd);
    if (!imw || !window.Plotly || !gd.layout) { return; }
    var width = gd.getBoundingClientRect().width;
    if (!width) { return; }
    var mode = width < imw.narrow_below ? "narrow" : "wide";
    var before = applied.get(gd.layout);
    if (before === mode || (before === undefined && mode === "wide")) {
      applied.set(gd.layout, mode);
      return;
    }
    applied.set(gd.layout, mode);
    window.Plotly.relayout(gd, imw[mode]);
  }

  function hook(gd) {
    if (gd.dataset.imwHooked || typeof gd.on !== "function") { return; }
    gd.dataset.imwHooked = "1";
    gd.on("plotly_afterplot", function () { adapt(gd); });
    adapt(gd);
  }

  function scan() {
    var plots = document.querySelectorAll(".js-plotly-plot");
    for (var i = 0; i < plots.length; i += 1) { hook(plots[i]); }
  }

  new MutationObserver(scan).observe(document.documentElement, { childList: true, subtree: true });
  window.addEventListener("resize", function () {
    var plots = document.querySelectorAll(".js-plotly-plot");
    for (var i = 0; i < plots.length; i += 1) { adapt(plots[i]); }
  });

  function setPath(target, path, value) {
    var parts = path.split(".");
    var here = target;
    for (var i = 0; i < parts.length - 1; i += 1) {
      if (typeof here[parts[i]] !== "object" || here[parts[i]] === null) { here[parts[i]] = {}; }
      here = here[parts[i]];
    }
    here[parts[parts.length - 1]] = value;
  }

  function apply(layout, changes) {
    Object.keys(changes || {}).forEach(function (key) { setPath(layout, key, changes[key]); });
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-imw-chart-export]");
    if (!button) { return; }
    var holder = document.getElementById(button.getAttribute("data-imw-chart"));
    var gd = holder && holder.querySelector(".js-plotly-plot");
    var imw = settings(gd);
    if (!imw || !window.Plotly) { return; }
    var format = button.getAttribute("data-imw-chart-export");
    var layout = JSON.parse(JSON.stringify(gd.layout));
    apply(layout, imw.wide);
    apply(layout, imw.export.layout);
    layout.annotations = (layout.annotations || []).concat(imw.export.annotations || []);
    delete layout.meta;
    window.Plotly.downloadImage(
      { data: gd.data, layout: layout },
      { format: format, filename: imw.export.filename, width: imw.export.width, height: imw.export.height }
    );
  });
})();
