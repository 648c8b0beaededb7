/* Live reload for `make serve` only: the hook serves this file and puts it on preview pages in
 * place of the inline script MkDocs would inject, which the pages' Content-Security-Policy
 * (script-src 'self') blocks. The published site never loads it.
 * MkDocs' protocol: GET /livereload/<epoch>/<request> answers with the epoch of the newest
 * finished build (it waits up to a minute for one); a newer epoch than the page's reloads it. */
(function () {
  "use strict";
  var me = document.currentScript;
  var epoch = Number(me.getAttribute("data-epoch"));
  var request = me.getAttribute("data-request");
  var xhr = null;
  var timer = null;

  function poll() {
    stop();
    xhr = new XMLHttpRequest();
    xhr.onloadend = function () {
      if (parseFloat(this.responseText) > epoch) {
        location.reload();
      } else {
        // A server that is gone or restarting answers with an error: ask again a little later.
        timer = setTimeout(poll, this.status === 200 ? 0 : 3000);
      }
    };
    xhr.open("GET", "/livereload/" + epoch + "/" + request);
    xhr.send();
  }

  function stop() {
    if (xhr) { xhr.onloadend = null; xhr.abort(); }
    if (timer) { clearTimeout(timer); }
    xhr = timer = null;
  }

  function start() {
    if (document.visibilityState === "visible") { poll(); }
  }

  if (document.readyState === "complete") { start(); } else { window.addEventListener("load", start); }
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "visible") { poll(); } else { stop(); }
  });
  window.addEventListener("pagehide", stop);
})();
