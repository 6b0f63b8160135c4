/* mtaudit HTML report: filters, table sorting, the note of a highlight as a tooltip, opening an
   article named in the address. The report reads the same without it. */
(function () {
  "use strict";
  var doc = document;
  var body = doc.body;
  body.classList.add("js");

  /* ---- filters: an unchecked box puts a class on <body>; the style sheet does the hiding */
  var form = doc.getElementById("filters");
  var shown = doc.getElementById("shown");
  function hiddenByFilter(element) {
    return body.classList.contains("hide-s-" + element.getAttribute("data-s")) ||
      body.classList.contains("hide-c-" + element.getAttribute("data-c"));
  }
  function countShown() {
    var articles = 0;
    var findings = 0;
    form.querySelectorAll("input[data-hide^='hide-v-']").forEach(function (box) {
      if (box.checked) { articles += Number(box.getAttribute("data-count")); }
    });
    var pairs = JSON.parse(form.getAttribute("data-pairs") || "{}");
    Object.keys(pairs).forEach(function (pair) {
      var parts = pair.split("|");
      if (!body.classList.contains("hide-s-" + parts[0]) && !body.classList.contains("hide-c-" + parts[1])) {
        findings += pairs[pair];
      }
    });
    shown.textContent = "Showing " + articles + " of " + form.getAttribute("data-articles") + " articles and " +
      findings + " of " + form.getAttribute("data-findings") + " findings.";
  }
  function applyFilters() {
    doc.querySelectorAll("mark.f[tabindex]").forEach(function (mark) {
      mark.tabIndex = hiddenByFilter(mark) ? -1 : 0;
    });
    countShown();
  }
  if (form) {
    form.hidden = false;
    form.addEventListener("change", function (event) {
      var box = event.target;
      if (!box.matches("input[data-hide]")) { return; }
      body.classList.toggle(box.getAttribute("data-hide"), !box.checked);
      applyFilters();
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.querySelectorAll("input[data-hide]").forEach(function (box) {
      body.classList.toggle(box.getAttribute("data-hide"), !box.checked);
    });
    countShown();
  }

  /* ---- sorting the articles table */
  var table = doc.getElementById("articles-table");
  function sortBy(header) {
    var index = Array.prototype.indexOf.call(header.parentNode.children, header);
    var numeric = header.getAttribute("data-type") === "number";
    var current = header.getAttribute("aria-sort");
    var descending = current === "none" ? numeric : current === "ascending";
    var tbody = table.tBodies[0];
    var keyed = Array.prototype.map.call(tbody.rows, function (row, position) {
      var value = row.cells[index] ? row.cells[index].getAttribute("data-value") : "";
      return {row: row, position: position, missing: value === null || value === "",
              value: numeric ? Number(value) : value};
    });
    keyed.sort(function (a, b) {
      if (a.missing || b.missing) {  /* missing values last, either way */
        return a.missing === b.missing ? a.position - b.position : (a.missing ? 1 : -1);
      }
      var order = numeric ? a.value - b.value : a.value.localeCompare(b.value);
      return (descending ? -order : order) || a.position - b.position;
    });
    var rows = keyed.map(function (item) { return item.row; });
    var fragment = doc.createDocumentFragment();
    rows.forEach(function (row) { fragment.appendChild(row); });
    tbody.appendChild(fragment);
    table.querySelectorAll("th[aria-sort]").forEach(function (th) { th.setAttribute("aria-sort", "none"); });
    header.setAttribute("aria-sort", descending ? "descending" : "ascending");
  }
  if (table) {
    table.addEventListener("click", function (event) {
      var button = event.target.closest("th button");
      if (button) { sortBy(button.parentNode); }
    });
  }

  /* ---- a highlight's note as a tooltip, on hover and on keyboard focus */
  var tip = doc.getElementById("tip");
  var active = null;
  function visibleMark(element) {
    var mark = element && element.closest ? element.closest("mark.f") : null;
    while (mark && hiddenByFilter(mark)) {
      mark = mark.parentElement ? mark.parentElement.closest("mark.f") : null;
    }
    return mark;
  }
  function hideTip() {
    if (tip) { tip.hidden = true; }
    if (active) { active.classList.remove("active"); active = null; }
  }
  function showTip(mark) {
    var note = doc.getElementById(mark.getAttribute("data-f"));
    if (!tip || !note) { return; }
    hideTip();
    var parts = Array.prototype.map.call(note.querySelectorAll(".tip-part"), function (part) {
      return part.cloneNode(true);
    });
    tip.replaceChildren.apply(tip, parts);
    var box = mark.getBoundingClientRect();
    tip.style.left = Math.max(8, window.scrollX + box.left) + "px";
    tip.style.top = (window.scrollY + box.bottom + 6) + "px";
    tip.hidden = false;
    active = mark;
    mark.classList.add("active");
  }
  doc.addEventListener("mouseover", function (event) {
    var mark = visibleMark(event.target);
    if (mark && mark !== active) { showTip(mark); } else if (!mark && active && !active.contains(doc.activeElement)) { hideTip(); }
  });
  doc.addEventListener("focusin", function (event) {
    var mark = visibleMark(event.target);
    if (mark) { showTip(mark); } else { hideTip(); }
  });
  doc.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { hideTip(); return; }
    if (event.key === "Enter" && event.target.matches && event.target.matches("mark.f")) {
      var note = doc.getElementById(event.target.getAttribute("data-f"));
      if (note) { hideTip(); note.focus(); }
    }
  });

  /* ---- open the article (or note) the address names */
  function reveal() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    var target = id ? doc.getElementById(id) : null;
    if (!target) { return; }
    var details = target.querySelector ? target.querySelector(":scope > details") : null;
    var opened = false;
    for (var node = details || target; node; node = node.parentElement) {
      if (node.tagName === "DETAILS" && !node.open) { node.open = true; opened = true; }
    }
    if (opened) { target.scrollIntoView(); }
  }
  window.addEventListener("hashchange", reveal);
  reveal();
}());
