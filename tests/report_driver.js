// Drives the report's controls as a person would, then writes what it saw
// as JSON into a new element, #test-result, for the test to read in the DOM dump.
(function () {
  "use strict";
  var out = {};
  function visible() {
    return Array.prototype.filter.call(document.querySelectorAll("#article-table tbody tr"), function (row) {
      return !row.hidden;
    });
  }
  function fire(element, type) { element.dispatchEvent(new Event(type, { bubbles: true })); }
  var form = document.getElementById("filters");
  out.formShown = !form.hidden;
  out.before = visible().length;
  var search = document.getElementById("filter-text");
  search.focus();
  search.value = "QUERY";
  fire(search, "input");
  out.searched = visible().map(function (row) { return row.querySelector(".path").textContent; });
  out.countText = document.getElementById("shown-count").textContent;
  search.value = "";
  fire(search, "input");
  var status = document.getElementById("filter-status");
  status.value = "overdue";
  fire(status, "change");
  out.overdue = visible().length;
  status.value = "";
  fire(status, "change");
  var errors = document.querySelectorAll("#article-table thead button")[4];
  errors.click();
  errors.click();
  out.ariaSort = errors.parentNode.getAttribute("aria-sort");
  out.sortedErrors = visible().map(function (row) { return Number(row.getAttribute("data-errors")); });
  search.value = "no article has this text";
  fire(search, "input");
  form.reset();
  setTimeout(function () {
    out.afterReset = visible().length;
    // What a click on the "overdue reviews" card does.
    window.addEventListener("hashchange", function () {
      out.afterCard = visible().length;
      out.statusAfterCard = document.getElementById("filter-status").value;
      var pre = document.createElement("pre");
      pre.id = "test-result";
      pre.textContent = JSON.stringify(out);
      document.body.appendChild(pre);
    });
    document.querySelector(".card-overdue a").click();
  }, 0);
}());
