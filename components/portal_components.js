// The browser side of the portal's own Dash components (components/shell/static_html.py, components/shell/lazy.py).
// No build step: plain functions on the React that Dash loads before every component library.
(function () {
  "use strict";
  var React = window.React;

  // One element with its attributes and its inner HTML, written on the server from the portal's own components
  // (text escaped there): the same DOM as Dash would build, with one component instead of dozens.
  function StaticHtml(props) {
    var attributes = Object.assign({}, props.attributes || {});
    if (props.id) { attributes.id = props.id; }
    attributes.dangerouslySetInnerHTML = { __html: props.html || "" };
    return React.createElement(props.tag || "div", attributes);
  }

  // A chart drawn when it comes near the screen: until then its place is kept (min_height, so that nothing
  // moves), and neither plotly.js nor the drawing costs the page's first seconds.
  function DrawWhenVisible(props) {
    var ref = React.useRef(null);
    var visibleState = React.useState(false);
    var drawnState = React.useState(false);
    var visible = visibleState[0], setVisible = visibleState[1];
    var drawn = drawnState[0], setDrawn = drawnState[1];
    React.useEffect(function () {
      if (visible) { return undefined; }
      if (!("IntersectionObserver" in window)) { setVisible(true); return undefined; }
      var observer = new IntersectionObserver(function (entries) {
        if (entries.some(function (entry) { return entry.isIntersecting; })) {
          observer.disconnect();
          setVisible(true);
        }
      }, { rootMargin: "400px 0px" });
      observer.observe(ref.current);
      return function () { observer.disconnect(); };
    }, [visible]);
    React.useEffect(function () {
      // The kept place is given up once the chart has drawn (its own height holds from then on).
      if (!visible || drawn) { return undefined; }
      var node = ref.current;
      var done = function () { return node.querySelector(".main-svg") !== null; };
      if (done()) { setDrawn(true); return undefined; }
      var watcher = new MutationObserver(function () {
        if (done()) { watcher.disconnect(); setDrawn(true); }
      });
      watcher.observe(node, { childList: true, subtree: true });
      return function () { watcher.disconnect(); };
    }, [visible, drawn]);
    return React.createElement(
      "div",
      {
        ref: ref,
        id: props.id,
        className: props.className,
        style: drawn ? undefined : { minHeight: (props.min_height || 0) + "px" },
        "data-chart": drawn ? "drawn" : visible ? "drawing" : "waiting",
        "data-graph": props.graph_id,
      },
      visible ? props.children : null
    );
  }

  window.imw_components = Object.assign(window.imw_components || {}, {
    StaticHtml: StaticHtml,
    DrawWhenVisible: DrawWhenVisible,
  });
})();
