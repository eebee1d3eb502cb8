/* The one-form period report: "start from the previous period" fills empty
   fields from the page's JSON and asks before replacing anything typed;
   "add a figure row" clones the last row; picking an indicator fills its unit. */
(function () {
  "use strict";
  var script = document.currentScript;
  var form = document.querySelector(".period-form, .figure-form");
  if (!form) { return; }

  function field(name) { return form.querySelector('[name="' + name + '"]'); }

  function addRow(fieldset) {
    var rows = fieldset.querySelectorAll(".figure-row");
    var copy = rows[rows.length - 1].cloneNode(true);
    copy.querySelectorAll("input").forEach(function (input) { input.value = ""; });
    rows[rows.length - 1].after(copy);
    return copy;
  }

  form.querySelectorAll(".figures").forEach(function (fieldset) {
    var button = fieldset.querySelector(".add-figure");
    button.hidden = false;
    button.addEventListener("click", function () { addRow(fieldset).querySelector("input").focus(); });
  });

  var units = {};
  document.querySelectorAll("#plan-indicators option").forEach(function (option) {
    units[option.value] = option.dataset.unit || "";
  });
  form.addEventListener("change", function (event) {
    var input = event.target;
    if (!input.name || !/(^|-)figure-label$/.test(input.name)) { return; }
    var unit = input.closest(".figure-row").querySelector('[name$="figure-unit"]');
    if (units[input.value] && !unit.value) { unit.value = units[input.value]; }
  });

  var link = document.getElementById("prefill-previous");
  var data = document.getElementById("previous-period");
  if (!link || !data) { return; }
  var previous = JSON.parse(data.textContent);

  function figuresEmpty(fieldset) {
    return Array.prototype.every.call(fieldset.querySelectorAll("input"), function (i) { return !i.value.trim(); });
  }

  function putFigures(fieldset, figures) {
    fieldset.querySelectorAll(".figure-row input").forEach(function (i) { i.value = ""; });
    figures.forEach(function (figure, index) {
      var rows = fieldset.querySelectorAll(".figure-row");
      var row = rows[index] || addRow(fieldset);
      row.querySelector('[name$="-figure-label"]').value = figure.label || "";
      row.querySelector('[name$="-figure-value"]').value = figure.value === undefined ? "" : String(figure.value);
      row.querySelector('[name$="-figure-unit"]').value = figure.unit || "";
    });
  }

  link.addEventListener("click", function (event) {
    event.preventDefault();
    var pending = [];  // fields that already hold text: replaced only if the person agrees
    function offer(input, value) {
      if (!input || !value) { return; }
      if (input.value.trim()) {
        if (input.value.trim() !== String(value).trim()) { pending.push(function () { input.value = value; }); }
      } else { input.value = value; }
    }
    Object.keys(previous.tasks).forEach(function (taskId) {
      var old = previous.tasks[taskId];
      var prefix = "t" + taskId + "-";
      ["result", "difficulties", "proposals"].forEach(function (name) { offer(field(prefix + name), old[name]); });
      var fieldset = form.querySelector('.figures[data-prefix="t' + taskId + '"]');
      if (fieldset && old.figures.length) {
        if (figuresEmpty(fieldset)) { putFigures(fieldset, old.figures); }
        else { pending.push(function () { putFigures(fieldset, old.figures); }); }
      }
    });
    if (previous.summary) {
      offer(field("tong-hop-results"), previous.summary.results);
      offer(field("tong-hop-difficulties"), previous.summary.difficulties);
    }
    if (pending.length) {
      var question = script.dataset.confirm.replace("%(n)s", String(pending.length));
      if (window.confirm(question)) { pending.forEach(function (apply) { apply(); }); }
    }
  });
})();
