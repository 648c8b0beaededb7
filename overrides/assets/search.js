/* The site search box in the header (partials/search.html), on Pagefind's JavaScript API.
 *
 * Opening a page loads only this script. Pagefind's own script, its WebAssembly and the index
 * chunks load on the first focus of the box, and then only the chunks a query needs. Results come
 * from the index of the page's language (Pagefind reads <html lang>), labelled with the kind of
 * page (meta "type", set in partials/content.html).
 *
 * Keyboard: ArrowDown moves from the box into the results, ArrowUp/ArrowDown between them, Enter
 * in the box opens the first result, Escape closes the results and returns to the box. The number
 * of results is announced through a polite live region. Text from the index is inserted as text;
 * only Pagefind's <mark> highlighting is kept, rebuilt element by element.
 */
(function () {
  "use strict";

  var box = document.querySelector("[data-kb-search]");
  if (!box) return;

  var opener = box.querySelector(".kb-search__open");
  var form = box.querySelector(".kb-search__form");
  var input = box.querySelector(".kb-search__input");
  var panel = box.querySelector(".kb-search__panel");
  var summary = box.querySelector(".kb-search__summary");
  var list = box.querySelector(".kb-search__results");
  var more = box.querySelector(".kb-search__more");
  var live = box.querySelector('[role="status"]');
  var bundle = new URL(box.getAttribute("data-bundle"), document.baseURI).href;

  var PAGE_SIZE = 8;
  // The index comes in chunks by word; a word of one or two letters would fetch the chunks of
  // every word it begins. Waiting for a pause in typing and for three letters keeps the first
  // query near its own chunks (about 150 KB in all at 2,000 tools).
  var TYPING_PAUSE = 250;
  var MIN_WORD = 3;
  // A narrow header has room for a button only; the box opens below the header.
  var wide = window.matchMedia("(min-width: 60em)");

  var pagefind = null;
  var loading = null;
  var current = { query: "", results: [], shown: 0 };
  var generation = 0;
  var timer = 0;

  function words(key, n) {
    return (box.getAttribute("data-" + key) || "").replace("{n}", String(n));
  }

  function load() {
    if (!loading) {
      loading = import(bundle + "pagefind.js").then(function (module) {
        // Without Pagefind's web worker: one script less to fetch (12 KB), and a search over
        // index chunks of a few dozen kilobytes takes milliseconds on the main thread.
        return module.options({ excerptLength: 22, noWorker: true }).then(function () { return module.init(); })
          .then(function () { pagefind = module; return module; });
      });
      loading.catch(function () { loading = null; });
    }
    return loading;
  }

  // ---- Showing results ---------------------------------------------------------------------
  function announce(text) {
    summary.textContent = text;
    live.textContent = text;
  }

  function openPanel() {
    panel.hidden = false;
  }

  function closePanel() {
    panel.hidden = true;
  }

  function countText(n) {
    return n === 0 ? words("none") : words(n === 1 ? "one" : "other", n);
  }

  // Pagefind's excerpt is HTML: text plus <mark> around the hits. Parsed in an inert document,
  // then copied as text nodes and fresh <mark> elements, so nothing else from it reaches the page.
  function excerptNodes(html) {
    var doc = new DOMParser().parseFromString("<p>" + html + "</p>", "text/html");
    var fragment = document.createDocumentFragment();
    (function copy(node) {
      node.childNodes.forEach(function (child) {
        if (child.nodeType === Node.TEXT_NODE) {
          fragment.appendChild(document.createTextNode(child.textContent));
        } else if (child.nodeName === "MARK") {
          var mark = document.createElement("mark");
          mark.textContent = child.textContent;
          fragment.appendChild(mark);
        } else {
          copy(child);
        }
      });
    })(doc.body);
    return fragment;
  }

  // ---- Glossary hits lead to their term ----------------------------------------------------
  // The glossary is one page with an anchor (<dt id>) per term. Its hit links to the term the
  // query names, else to the term before the first hit, with that term's own text as excerpt.
  function plain(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/ß/g, "ss");
  }

  function queryWords(query) {
    return plain(query).split(/[^\p{L}\p{N}]+/u).filter(function (w) { return w.length > 1; });
  }

  // A word of the page names a query word if it starts with it; loosely, also if the query word
  // starts with it (a stemmed search finds "Werkstatt" for "Werkstätten").
  function names(word, wanted, loosely) {
    return wanted.some(function (w) { return word.indexOf(w) === 0 || (loosely && word.length > 4 && w.indexOf(word) === 0); });
  }

  function glossaryTerm(data, wanted) {
    var terms = (data.anchors || []).filter(function (a) { return a.element === "dt" && a.id; });
    for (var loosely = 0; loosely < 2; loosely++) {
      var named = terms.filter(function (a) {
        return plain(a.text).split(/\s+/).some(function (w) { return names(w, wanted, loosely); });
      });
      if (named.length) return named[0];
    }
    var first = (data.locations || [])[0];
    var before = terms.filter(function (a) { return first !== undefined && a.location <= first; });
    return before.length ? before[before.length - 1] : null;
  }

  function termExcerpt(data, term, wanted) {
    var fragment = document.createDocumentFragment();
    var all = (data.content || "").split(/\s+/);
    var start = term.location + term.text.split(/\s+/).length;
    var shown = all.slice(start, start + 24);
    shown.forEach(function (word, i) {
      if (i) fragment.appendChild(document.createTextNode(" "));
      if (names(plain(word).replace(/[^\p{L}\p{N}]+/gu, ""), wanted, true)) {
        var mark = document.createElement("mark");
        mark.textContent = word;
        fragment.appendChild(mark);
      } else {
        fragment.appendChild(document.createTextNode(word));
      }
    });
    if (all.length > start + shown.length) fragment.appendChild(document.createTextNode(" …"));
    return fragment;
  }

  function resultItem(data) {
    var item = document.createElement("li");
    var link = document.createElement("a");
    var type = document.createElement("span");
    var title = document.createElement("span");
    var wanted = queryWords(current.query);
    var term = glossaryTerm(data, wanted);
    link.className = "kb-search__link";
    link.href = term ? data.url + "#" + term.id : data.url;
    type.className = "kb-search__type";
    type.textContent = (data.meta && data.meta.type) || "";
    title.className = "kb-search__title";
    title.textContent = term ? term.text : (data.meta && data.meta.title) || data.url;
    link.appendChild(type);
    link.appendChild(document.createTextNode(" "));
    link.appendChild(title);
    var excerpt = document.createElement("p");
    excerpt.className = "kb-search__excerpt";
    excerpt.appendChild(term ? termExcerpt(data, term, wanted) : excerptNodes(data.excerpt || ""));
    item.appendChild(link);
    item.appendChild(excerpt);
    return item;
  }

  function showMore(mine) {
    var next = current.results.slice(current.shown, current.shown + PAGE_SIZE);
    return Promise.all(next.map(function (r) { return r.data(); })).then(function (found) {
      if (mine !== generation) return;
      found.forEach(function (data) { list.appendChild(resultItem(data)); });
      current.shown += found.length;
      more.hidden = current.shown >= current.results.length;
    });
  }

  function indexQuery(query) {
    return query.split(/\s+/).filter(function (w) { return w.length >= MIN_WORD; }).join(" ");
  }

  // Runs the query; resolves once its results are on the screen (or it was overtaken).
  function run(typed) {
    var mine = ++generation;
    var query = indexQuery(typed);
    if (!query) {
      list.textContent = "";
      more.hidden = true;
      summary.textContent = "";
      live.textContent = "";
      closePanel();
      return Promise.resolve();
    }
    openPanel();
    if (!pagefind) summary.textContent = words("loading");
    return load().then(function () {
      return pagefind.search(query);
    }).then(function (search) {
      if (mine !== generation || !search) return;
      current = { query: query, results: search.results, shown: 0 };
      list.textContent = "";
      return showMore(mine).then(function () {
        if (mine === generation) announce(countText(search.results.length));
      });
    }).catch(function () {
      if (mine === generation) announce(words("failed"));
    });
  }

  // ---- Keyboard and focus ------------------------------------------------------------------
  function links() {
    var found = Array.prototype.slice.call(list.querySelectorAll("a"));
    if (!more.hidden) found.push(more);
    return found;
  }

  input.addEventListener("focus", function () {
    load();
    if (input.value.trim() && list.childNodes.length) openPanel();
  });

  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    var query = input.value;
    timer = window.setTimeout(function () { run(query); }, TYPING_PAUSE);
  });

  // Enter opens the first result; typed faster than the pause, the query runs first.
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var pending = indexQuery(input.value) !== current.query || panel.hidden;
    window.clearTimeout(timer);
    (pending ? run(input.value) : Promise.resolve()).then(function () {
      var first = list.querySelector("a");
      if (first && !panel.hidden && indexQuery(input.value) === current.query) first.click();
    });
  });

  box.addEventListener("keydown", function (event) {
    var targets = links();
    var at = targets.indexOf(document.activeElement);
    if (event.key === "ArrowDown" && (event.target === input || at >= 0)) {
      if (panel.hidden || !targets.length) return;
      event.preventDefault();
      targets[Math.min(at + 1, targets.length - 1)].focus();
    } else if (event.key === "ArrowUp" && at >= 0) {
      event.preventDefault();
      (at === 0 ? input : targets[at - 1]).focus();
    } else if (event.key === "Escape") {
      if (!panel.hidden) {
        event.preventDefault();
        closePanel();
        input.focus();
      } else if (!wide.matches && !form.hidden) {
        event.preventDefault();
        setOpen(false);
        opener.focus();
      }
    }
  });

  more.addEventListener("click", function () {
    var firstNew = current.shown;
    showMore(generation).then(function () {
      var added = list.querySelectorAll("a")[firstNew];
      if (added) added.focus();
    });
  });

  // Leaving the search (by Tab or by a click elsewhere) folds the results away.
  box.addEventListener("focusout", function (event) {
    if (event.relatedTarget && box.contains(event.relatedTarget)) return;
    window.setTimeout(function () {
      if (!box.contains(document.activeElement)) closePanel();
    }, 0);
  });

  // "/" jumps to the search box from anywhere outside a text field, as on many sites.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    if (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
    event.preventDefault();
    if (!wide.matches) setOpen(true);
    input.focus();
  });

  // ---- Narrow screens: a button opens the box --------------------------------------------------
  function setOpen(open) {
    opener.setAttribute("aria-expanded", String(open));
    box.classList.toggle("kb-search--open", open);
    form.hidden = !open;
    if (!open) closePanel();
  }

  opener.addEventListener("click", function () {
    var open = opener.getAttribute("aria-expanded") !== "true";
    setOpen(open);
    if (open) input.focus();
  });

  function layout() {
    opener.hidden = wide.matches;
    if (wide.matches) {
      form.hidden = false;
      box.classList.remove("kb-search--open");
    } else {
      form.hidden = opener.getAttribute("aria-expanded") !== "true";
    }
  }

  wide.addEventListener("change", layout);
  layout();
})();
