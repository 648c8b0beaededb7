/* The method finder: shows how many tools match the answers, as they change.
 *
 * The form is a plain GET form onto the catalogue and works without this script. The count follows
 * the catalogue's rule: OR within a question, AND across questions, an open question excludes
 * nothing. Answers given in the address (the catalogue's "change the answers" link) are ticked.
 */
(function () {
  "use strict";

  var form = document.querySelector("form.kb-finder");
  if (!form || !window.URLSearchParams) return;
  var output = form.querySelector(".kb-finder-count");
  var tools;
  try {
    tools = JSON.parse(form.getAttribute("data-tools") || "[]");
  } catch (error) {
    return;
  }
  var questions = Array.prototype.map.call(form.querySelectorAll("fieldset.kb-question"), function (fieldset) {
    return Array.prototype.slice.call(fieldset.querySelectorAll('input[type="checkbox"]'));
  });

  function count() {
    var wanted = questions.map(function (boxes) {
      return boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.value; });
    });
    var n = tools.filter(function (tool) {
      return wanted.every(function (values, i) {
        return values.length === 0 || tool[i].some(function (v) { return values.indexOf(v) >= 0; });
      });
    }).length;
    output.textContent = output.getAttribute(n === 1 ? "data-one" : "data-other").replace("{n}", String(n));
  }

  var params = new URLSearchParams(window.location.search);
  questions.forEach(function (boxes) {
    boxes.forEach(function (b) { if (params.getAll(b.name).indexOf(b.value) >= 0) b.checked = true; });
  });
  form.addEventListener("change", count);
  count();
})();
