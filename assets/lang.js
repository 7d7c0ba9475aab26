// Keep <html lang> equal to the language of the page shown (the shell's wrapper carries it),
// so that screen readers read an English page in English.
(function () {
  function sync() {
    var shell = document.querySelector("#_pages_content [lang]");
    if (shell && document.documentElement.lang !== shell.lang) {
      document.documentElement.lang = shell.lang;
    }
  }
  new MutationObserver(sync).observe(document.documentElement, { childList: true, subtree: true });
  document.addEventListener("DOMContentLoaded", sync);
})();
