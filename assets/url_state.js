// The monitoring pages keep the view in the query string: the callbacks put the query string they want in a
// store, and this function writes it into the address bar without a reload and without a new history entry
// (components/monitoring/indicator_view.py says why it replaces rather than pushes).
window.dash_clientside = Object.assign({}, window.dash_clientside, {
  imw: Object.assign({}, (window.dash_clientside || {}).imw, {
    replaceQuery: function (search) {
      if (typeof search === "string" && search !== window.location.search) {
        var address = window.location.pathname + search + window.location.hash;
        window.history.replaceState(window.history.state, "", address);
      }
    },
  }),
});
