// Review screen: ask before destructive buttons (data-confirm); when a task
// is clicked or focused, find its first words in the source text and show them.
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-confirm]");
    if (button && !window.confirm(button.getAttribute("data-confirm"))) {
      event.preventDefault();
    }
  });

  var source = document.getElementById("source-text");
  if (!source) { return; }
  var lines = Array.prototype.slice.call(source.querySelectorAll(".src-line"));
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d")
      .replace(/Đ/g, "D").toLowerCase().replace(/[^a-z0-9]+/g, " ").trim();
  }
  var folded = lines.map(function (line) { return fold(line.textContent); });
  var current = null;

  function show(task) {
    var text = task.querySelector(".task-text");
    if (!text) { return; }
    var path = text.querySelector(".path");
    var body = text.textContent.slice(path ? path.textContent.length : 0);
    var words = fold(body).split(" ").slice(0, 6).join(" ");
    if (words.length < 8) { return; }
    for (var i = 0; i < folded.length; i++) {
      if (folded[i].indexOf(words) !== -1) {
        if (current) { current.classList.remove("src-match"); }
        current = lines[i];
        current.classList.add("src-match");
        source.scrollTop = current.offsetTop - source.offsetTop - 40;
        return;
      }
    }
  }
  document.addEventListener("click", function (event) {
    var task = event.target.closest("li.task");
    if (task && !event.target.closest("a, button, form")) { show(task); }
  });
  document.addEventListener("focusin", function (event) {
    if (event.target.classList && event.target.classList.contains("task-text")) {
      show(event.target.closest("li.task"));
    }
  });
})();
