// Filtering and sorting for the articles table. Without this script the
// page is a plain document: every row shows, in path order.
(function () {
  "use strict";
  var table = document.getElementById("article-table");
  var form = document.getElementById("filters");
  if (!table || !form) { return; }
  var tbody = table.tBodies[0];
  var rows = Array.prototype.slice.call(tbody.rows);
  var text = document.getElementById("filter-text");
  var status = document.getElementById("filter-status");
  var findings = document.getElementById("filter-findings");
  var shown = document.getElementById("shown-count");
  var haystacks = rows.map(function (row) {
    return (row.cells[0].textContent + " " + row.cells[1].textContent).toLowerCase();
  });
  var sort = { column: -1, descending: false };

  function keeps(row, index, query) {
    if (query && haystacks[index].indexOf(query) === -1) { return false; }
    if (status.value && row.getAttribute("data-status") !== status.value) { return false; }
    var total = Number(row.getAttribute("data-findings"));
    switch (findings.value) {
      case "errors": return Number(row.getAttribute("data-errors")) > 0;
      case "any": return total > 0;
      case "none": return total === 0;
      default: return true;
    }
  }

  function apply() {
    var query = text.value.trim().toLowerCase();
    var count = 0;
    rows.forEach(function (row, index) {
      var keep = keeps(row, index, query);
      row.hidden = !keep;
      if (keep) { count += 1; }
    });
    shown.textContent = count === rows.length
      ? "Showing all " + rows.length + " articles"
      : "Showing " + count + " of " + rows.length + " articles";
    remember();
  }

  // The filters and sort order live in the address (#articles?status=overdue),
  // so a filtered view can be bookmarked or sent to a colleague.
  function remember() {
    var state = [];
    if (text.value.trim()) { state.push("q=" + encodeURIComponent(text.value.trim())); }
    if (status.value) { state.push("status=" + encodeURIComponent(status.value)); }
    if (findings.value) { state.push("findings=" + encodeURIComponent(findings.value)); }
    if (sort.column >= 0) { state.push("sort=" + sort.column + (sort.descending ? "-desc" : "")); }
    var hash = state.length ? "#articles?" + state.join("&") : "";
    if (hash !== location.hash && (hash || location.hash.indexOf("#articles?") === 0)) {
      try { history.replaceState(null, "", hash || location.pathname + location.search); } catch (e) { /* file: URLs in some browsers */ }
    }
  }

  function restore() {
    if (location.hash.indexOf("#articles?") !== 0) { return false; }
    location.hash.slice("#articles?".length).split("&").forEach(function (pair) {
      var parts = pair.split("=");
      var value = decodeURIComponent(parts[1] || "");
      if (parts[0] === "q") { text.value = value; }
      if (parts[0] === "status") { status.value = value; }
      if (parts[0] === "findings") { findings.value = value; }
      if (parts[0] === "sort") {
        sort.column = parseInt(value, 10);
        sort.descending = /-desc$/.test(value);
      }
    });
    return true;
  }

  function valueOf(row, column, numeric) {
    var cell = row.cells[column];
    var path = cell.querySelector(".path");
    var value = cell.hasAttribute("data-value") ? cell.getAttribute("data-value")
      : path ? path.textContent : cell.textContent.trim();
    return numeric ? Number(value) : value.toLowerCase();
  }

  var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
  function sortBy(column, descending) {
    var numeric = headers[column].getAttribute("data-sort") === "number";
    var order = rows.map(function (row, index) { return { row: row, index: index, key: valueOf(row, column, numeric) }; });
    order.sort(function (a, b) {
      var result = a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
      if (descending) { result = -result; }
      return result || a.index - b.index;
    });
    var fragment = document.createDocumentFragment();
    order.forEach(function (entry) { fragment.appendChild(entry.row); });
    tbody.appendChild(fragment);
    headers.forEach(function (header, index) {
      if (index === column) {
        header.setAttribute("aria-sort", descending ? "descending" : "ascending");
      } else {
        header.removeAttribute("aria-sort");
      }
    });
    sort.column = column;
    sort.descending = descending;
  }

  headers.forEach(function (header, column) {
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = header.textContent;
    button.setAttribute("aria-label", "Sort by " + header.textContent.toLowerCase());
    header.textContent = "";
    header.appendChild(button);
    button.addEventListener("click", function () {
      sortBy(column, sort.column === column ? !sort.descending : false);
      remember();
    });
  });

  form.hidden = false;
  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.addEventListener("reset", function () { setTimeout(apply, 0); });

  // A link to a filtered view (the summary cards) filters in place.
  window.addEventListener("hashchange", function () {
    if (location.hash.indexOf("#articles?") !== 0) { return; }
    text.value = "";
    status.value = "";
    findings.value = "";
    restore();
    if (sort.column >= 0 && sort.column < headers.length) { sortBy(sort.column, sort.descending); }
    apply();
    document.getElementById("articles").scrollIntoView();
  });

  var restored = restore();
  if (sort.column >= 0 && sort.column < headers.length) { sortBy(sort.column, sort.descending); }
  apply();
  if (restored) { document.getElementById("articles").scrollIntoView(); }
  document.body.setAttribute("data-script", "ready");
}());
