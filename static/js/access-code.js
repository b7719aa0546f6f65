/* The access code page: a copy button and a print button, shown only when
   script runs. Without JavaScript the page still offers "save as a text file"
   (a plain download link) and the browser's own Print command. */
(function () {
  "use strict";
  var copy = document.getElementById("ppid-copy");
  var print = document.getElementById("ppid-print");
  var status = document.getElementById("ppid-copy-status");
  if (print && window.print) {
    print.hidden = false;
    print.addEventListener("click", function () { window.print(); });
  }
  if (!copy) { return; }
  var target = document.getElementById(copy.getAttribute("data-copy-target"));
  if (!target) { return; }
  function say(text) { if (status) { status.textContent = text; } }
  function selectCode() {
    var range = document.createRange();
    range.selectNodeContents(target);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }
  copy.hidden = false;
  copy.addEventListener("click", function () {
    var text = target.textContent.trim();
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(
        function () { say(copy.getAttribute("data-copied")); },
        function () { selectCode(); say(copy.getAttribute("data-failed")); }
      );
    } else {
      selectCode();
      say(document.execCommand && document.execCommand("copy") ? copy.getAttribute("data-copied") : copy.getAttribute("data-failed"));
    }
  });
})();
