// A link to an anchor on another page (/methodologie#definitie-imw_workers) lands on it: Dash builds the page
// after the browser has looked for the anchor, so the browser alone lands at the top. When the target appears,
// it is scrolled into view, and again while charts above it are still being drawn (for two seconds), unless the
// reader has scrolled or pressed a key meanwhile.
(function () {
  "use strict";
  var handled = null;
  var until = 0;
  var stopped = false;

  function target() {
    var hash = window.location.hash.slice(1);
    if (!hash) { return null; }
    try { hash = decodeURIComponent(hash); } catch (error) { return null; }
    return document.getElementById(hash);
  }

  function land() {
    var key = window.location.pathname + window.location.search + window.location.hash;
    var element = target();
    if (!element) { return; }
    var now = Date.now();
    if (handled !== key) {
      handled = key;
      until = now + 2000;
      stopped = false;
    }
    if (!stopped && now <= until) { element.scrollIntoView({ block: "start" }); }
  }

  function stop() { stopped = true; }
  ["wheel", "touchstart", "keydown", "mousedown"].forEach(function (name) {
    window.addEventListener(name, stop, { passive: true });
  });
  new MutationObserver(land).observe(document.documentElement, { childList: true, subtree: true });
  window.addEventListener("hashchange", function () { handled = null; land(); });
})();
