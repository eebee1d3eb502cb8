// Show that parsing is under way and stop a second submission.
(function () {
  "use strict";
  var form = document.getElementById("upload-form");
  if (!form) { return; }
  form.addEventListener("submit", function () {
    var button = document.getElementById("upload-submit");
    var progress = document.getElementById("upload-progress");
    if (progress) { progress.hidden = false; }
    if (button) { button.disabled = true; button.setAttribute("aria-busy", "true"); }
  });
})();
