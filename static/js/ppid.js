/* Progressive enhancement for the PPID request form: a filter box above the
   unit list narrows the options as the user types. Without JavaScript the
   grouped select works on its own. */
(function () {
  "use strict";
  var select = document.getElementById("id_unit");
  var wrapper = document.getElementById("ppid-unit-filter");
  if (!select || !wrapper) { return; }
  var input = wrapper.querySelector("input");
  var status = wrapper.querySelector("[role=status]");
  wrapper.hidden = false;
  var options = Array.prototype.slice.call(select.querySelectorAll("option"));
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  input.addEventListener("input", function () {
    var query = fold(input.value.trim());
    var shown = 0;
    options.forEach(function (option) {
      if (!option.value) { return; }
      var group = option.parentNode.tagName === "OPTGROUP" ? option.parentNode.label : "";
      var match = !query || fold(option.textContent + " " + group).indexOf(query) !== -1;
      option.hidden = !match;
      option.disabled = !match && !option.selected;
      if (match) { shown += 1; }
    });
    Array.prototype.slice.call(select.querySelectorAll("optgroup")).forEach(function (group) {
      group.hidden = !Array.prototype.some.call(group.children, function (o) { return !o.hidden; });
    });
    status.textContent = shown + " " + wrapper.getAttribute("data-count");
  });
})();
