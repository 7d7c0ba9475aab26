// Keep <html lang> equal to the language of the page shown (the shell's wrapper carries it),
// so that screen readers read an English page in English; and the tab's title in that language too:
// "<main heading> – <site name>" (the page registry holds one, Dutch, title per page).
(function () {
  function sync() {
    var shell = document.querySelector("#_pages_content [lang]");
    if (shell && document.documentElement.lang !== shell.lang) {
      document.documentElement.lang = shell.lang;
    }
    var heading = shell && shell.querySelector("main h1");
    var brand = shell && shell.querySelector(".navbar-brand");
    if (heading && brand) {
      var name = brand.textContent.trim();
      var title = heading.textContent.trim() === name ? name : heading.textContent.trim() + " – " + name;
      if (document.title !== title) {
        document.title = title;
      }
    }
  }
  // Charts and tables change the DOM hundreds of times while a page loads: look once per frame at most.
  var scheduled = false;
  function schedule() {
    if (scheduled) { return; }
    scheduled = true;
    window.requestAnimationFrame(function () { scheduled = false; sync(); });
  }
  new MutationObserver(schedule).observe(document.documentElement, { childList: true, subtree: true });
  document.addEventListener("DOMContentLoaded", sync);
})();

// The language switch keeps the view: filters change the address bar without a reload, so the switch link,
// written when the page was built, is brought up to date with the current query string when it is followed.
(function () {
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.language-switch");
    if (!link) { return; }
    var target = new URL(link.href, window.location.href);
    var params = new URLSearchParams(window.location.search);
    var language = target.searchParams.get("lang");
    if (language) { params.set("lang", language); } else { params.delete("lang"); }
    var query = params.toString();
    link.href = target.pathname + (query ? "?" + query : "") + window.location.hash;
  }, true);
})();
