// An address that names a content tab (#__tabbed_1_2) opens that tab, as Material's inline
// script does.
(function () {
  "use strict";
  var target = document.getElementById(location.hash.slice(1));
  if (target && target.name) target.checked = target.name.indexOf("__tabbed_") === 0;
})();
