// The page's first view (written on the server, components/shell/first_view.py) gives way to Dash's page as soon as
// Dash has rendered it: in one step, before the browser paints, so that nothing blinks or moves. Until then
// Dash's page is built out of sight (.imw-booting in portal.css) at the same place and width.
(function () {
  var view = document.getElementById("imw-first-view");
  var root = document.getElementById("react-entry-point");
  if (!view || !root) { return; }
  function swap() {
    if (!root.querySelector("#_pages_content main")) { return false; }
    view.parentNode.removeChild(view);
    root.classList.remove("imw-booting");
    return true;
  }
  var watcher = new MutationObserver(function () {
    if (swap()) { watcher.disconnect(); }
  });
  watcher.observe(root, { childList: true, subtree: true });
})();
