/* The copy button of a medium's reference ("Angabe kopieren").
 *
 * Without this script the button stays hidden and the reference is plain, selectable text. The
 * button copies the text of the element its data-copy names and says in a status line whether
 * that worked (some browsers allow the clipboard only on secure origins).
 */
(function () {
  "use strict";

  Array.prototype.forEach.call(document.querySelectorAll("button.kb-copy[data-copy]"), function (button) {
    var source = document.getElementById(button.getAttribute("data-copy"));
    var status = button.parentNode.querySelector(".kb-copy-status");
    if (!source || !navigator.clipboard || !navigator.clipboard.writeText) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      var say = function (key) {
        if (status) status.textContent = button.getAttribute(key) || "";
      };
      navigator.clipboard.writeText(source.textContent.trim()).then(
        function () { say("data-done"); },
        function () { say("data-failed"); }
      );
    });
  });
})();
