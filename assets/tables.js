// Sortable tables (components/shell/tables.py): a button in each column header sorts the rows of the table by that
// column, numbers by the cell's data-sort (withheld cells last), text by its words; a second press reverses the
// order. aria-sort on the header tells screen readers the order. Event delegation: Dash redraws tables.
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("button[data-sort-column]");
    if (!button) { return; }
    var header = button.closest("th");
    var table = button.closest("table");
    var body = table && table.tBodies[0];
    if (!header || !body) { return; }
    var column = Number(button.getAttribute("data-sort-column"));
    var numeric = button.getAttribute("data-sort-kind") === "number";
    var ascending = header.getAttribute("aria-sort") === "descending" ||
      (header.getAttribute("aria-sort") !== "ascending" && !numeric);
    var rows = Array.prototype.slice.call(body.rows);
    function key(row) {
      var cell = row.cells[column];
      if (!cell) { return null; }
      if (!numeric) { return cell.textContent.trim(); }
      var raw = cell.getAttribute("data-sort");
      return raw === null || raw === "" ? null : Number(raw);
    }
    rows.sort(function (a, b) {
      var x = key(a), y = key(b);
      if (x === null && y === null) { return 0; }
      if (x === null) { return 1; }
      if (y === null) { return -1; }
      var order = numeric ? x - y : String(x).localeCompare(String(y), document.documentElement.lang || "nl");
      return ascending ? order : -order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
    var headers = table.tHead ? table.tHead.rows[0].cells : [];
    for (var i = 0; i < headers.length; i += 1) {
      if (headers[i].hasAttribute("aria-sort")) { headers[i].setAttribute("aria-sort", "none"); }
    }
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
  });
})();
