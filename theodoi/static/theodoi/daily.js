/* theodoi: small progressive enhancements for every page. Everything works
   without this file; with it:
   - tables with a header row become labelled cards on a phone (each cell gets
     the data-label of its column when the template did not give one);
   - long multi-selects of units (a <select multiple> or a group of
     checkboxes) get a filter box and chips that show what is selected.
   The words shown come from data-* attributes on <body>, translated by the
   server. No library, no network. */
(function () {
  "use strict";

  var text = document.body ? document.body.dataset : {};

  function fold(value) {
    /* Vietnamese without diacritics and case: "Sở Tư pháp" matches "so tu phap". */
    return value.normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
  }

  function labelTables() {
    var tables = document.querySelectorAll("table.table, table.doc-table");
    Array.prototype.forEach.call(tables, function (table) {
      /* three columns or fewer fit a phone as they are */
      var head = table.tHead && table.tHead.rows[0];
      if (!head || head.cells.length < 4 || table.dataset.cards === "off") { return; }
      var names = Array.prototype.map.call(head.cells, function (cell) {
        return cell.textContent.replace(/\s+/g, " ").trim();
      });
      Array.prototype.forEach.call(table.tBodies, function (body) {
        Array.prototype.forEach.call(body.rows, function (row) {
          if (row.cells.length !== names.length) { return; }
          Array.prototype.forEach.call(row.cells, function (cell, i) {
            if (!cell.hasAttribute("data-label") && names[i] && i > 0) {
              cell.setAttribute("data-label", names[i]);
            }
          });
        });
      });
      table.classList.add("table-cards");
    });
  }

  function makePicker(anchor, items, isSelected, setSelected, onChange, describe) {
    /* items: [{text, element}] in display order; element is hidden when filtered out. */
    var filter = document.createElement("input");
    filter.type = "search";
    filter.className = "picker-filter";
    filter.placeholder = text.pickerFilter || "";
    filter.setAttribute("aria-label", (text.pickerFilter || "") + " — " + describe);
    var count = document.createElement("p");
    count.className = "picker-count";
    count.setAttribute("aria-live", "polite");
    var chips = document.createElement("ul");
    chips.className = "picker-chips";
    chips.setAttribute("aria-label", (text.pickerSelected || "") + " — " + describe);
    anchor.parentNode.insertBefore(filter, anchor);
    anchor.parentNode.insertBefore(chips, anchor);
    anchor.parentNode.insertBefore(count, anchor);

    function redraw() {
      chips.textContent = "";
      var n = 0;
      items.forEach(function (item, i) {
        if (!isSelected(i)) { return; }
        n += 1;
        var chip = document.createElement("li");
        chip.className = "picker-chip";
        chip.appendChild(document.createTextNode(item.text));
        var remove = document.createElement("button");
        remove.type = "button";
        remove.textContent = "×";
        remove.setAttribute("aria-label", (text.pickerRemove || "") + " " + item.text);
        remove.addEventListener("click", function () { setSelected(i, false); redraw(); });
        chip.appendChild(remove);
        chips.appendChild(chip);
      });
      count.textContent = (text.pickerCount || "%s").replace("%s", String(n));
    }

    filter.addEventListener("input", function () {
      var wanted = fold(filter.value.trim());
      items.forEach(function (item) {
        item.element.hidden = wanted !== "" && fold(item.text).indexOf(wanted) === -1;
      });
    });
    filter.addEventListener("keydown", function (event) {
      if (event.key === "Enter") { event.preventDefault(); }  /* do not submit the form */
    });
    onChange(redraw);
    redraw();
  }

  function labelFor(element) {
    var label = element.id && document.querySelector('label[for="' + element.id + '"]');
    return label ? label.textContent.replace(/\s+/g, " ").trim() : "";
  }

  function enhanceSelects() {
    var selects = document.querySelectorAll("select[multiple]");
    Array.prototype.forEach.call(selects, function (select) {
      if (select.options.length < 5 || select.dataset.picker === "off") { return; }
      var items = Array.prototype.map.call(select.options, function (option) {
        return { text: option.textContent.trim(), element: option };
      });
      makePicker(select, items,
        function (i) { return select.options[i].selected; },
        function (i, on) { select.options[i].selected = on; select.dispatchEvent(new Event("change")); },
        function (redraw) { select.addEventListener("change", redraw); },
        labelFor(select));
    });
  }

  function enhanceCheckboxGroups() {
    /* Django's CheckboxSelectMultiple (<div id="id_…">), a fieldset.checklist,
       or anything marked data-picker. */
    var groups = document.querySelectorAll(
      '[data-picker]:not(select), fieldset.checklist, div[id^="id_"]');
    Array.prototype.forEach.call(groups, function (group) {
      if (group.dataset.picker === "off" || group.closest("[data-picker-ready]") || group.querySelector("[data-picker-ready]")) { return; }
      var boxes = group.querySelectorAll('input[type="checkbox"]');
      if (boxes.length < 5) { return; }
      var items = Array.prototype.map.call(boxes, function (box) {
        var label = box.closest("label") || document.querySelector('label[for="' + box.id + '"]');
        var holder = box.closest(".check, li, div:not([id^='id_'])") || label || box;
        if (!group.contains(holder)) { holder = box; }
        return { text: (label ? label.textContent : box.value).replace(/\s+/g, " ").trim(), element: holder };
      });
      var legend = group.closest("fieldset");
      legend = legend && legend.querySelector("legend");
      var name = legend ? legend.textContent.trim() : labelFor(group);
      makePicker(items[0].element, items,
        function (i) { return boxes[i].checked; },
        function (i, on) { boxes[i].checked = on; },
        function (redraw) {
          /* only the boxes: the filter's own change event (on blur) must not
             rebuild the chips under a pointer about to click one */
          group.addEventListener("change", function (event) {
            if (event.target.type === "checkbox") { redraw(); }
          });
        },
        name);
      group.setAttribute("data-picker-ready", "");
    });
  }

  labelTables();
  enhanceSelects();
  enhanceCheckboxGroups();
}());
