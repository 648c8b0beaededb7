// Runs before the CMS on /admin/. The CMS fetches the words of its interface in other languages
// from a CDN; they are served from this site instead (admin/locales/). Its other requests to hosts
// this page's policy does not allow (a check for newer versions on the CDN, the Git host's status
// page) are answered as failed without leaving the browser, as the policy would refuse them.
(function () {
  "use strict";
  var cdn = /^https:\/\/unpkg\.com\/@sveltia\/cms@[^/]+\/locales\/([A-Za-z-]+\.json)$/;
  var locales = new URL("locales/", document.currentScript.src);
  var fetch = window.fetch.bind(window);
  window.fetch = function (input, init) {
    var url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    var match = cdn.exec(url);
    if (match) {
      return fetch(new URL(match[1], locales).href, init);
    }
    if (url.indexOf("https://unpkg.com/") === 0 || url.indexOf("https://www.githubstatus.com/") === 0) {
      return Promise.reject(new TypeError("not loaded from a CDN: " + url));
    }
    return fetch(input, init);
  };
  // German interface unless the editor chose another language in the CMS's settings.
  var key = "sveltia-cms.prefs";
  try {
    var prefs = JSON.parse(window.localStorage.getItem(key) || "{}") || {};
    if (!prefs.locale) {
      prefs.locale = "de";
      window.localStorage.setItem(key, JSON.stringify(prefs));
    }
  } catch (error) {
    // Storage switched off: the CMS follows the browser's language.
  }
})();
