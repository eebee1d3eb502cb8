// Background import: ask the server every second how many pages are read
// and show it on the progress bar; when the import has ended, reload the
// page, which then goes on to the review screen (or shows the error).
(function () {
  "use strict";
  var box = document.getElementById("import-progress");
  if (!box || !window.fetch) { return; }
  var bar = box.querySelector("progress");
  var pages = box.querySelector(".pages");
  var template = box.getAttribute("data-pages");

  function show(state) {
    if (state.total > 0) {
      bar.max = state.total;
      bar.value = state.done;
      pages.textContent = template.replace("%(done)s", state.done).replace("%(total)s", state.total);
    }
  }

  function poll() {
    fetch(box.getAttribute("data-url"), {credentials: "same-origin", cache: "no-store"})
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (state) {
        if (!state) { window.setTimeout(poll, 3000); return; }
        show(state);
        if (state.finished) { window.location.reload(); return; }
        window.setTimeout(poll, 1000);
      })
      .catch(function () { window.setTimeout(poll, 3000); });
  }
  window.setTimeout(poll, 1000);
}());
