/* The site search on Pagefind's JavaScript API: the header's box (partials/search.html) and the
 * results page (/suche/, docs/suche.md).
 *
 * Opening a page loads only this script. Pagefind's own script, its WebAssembly and the index
 * chunks load on the first focus of the box (or on the results page), and then only the chunks a
 * query needs. Results come from the index of the page's language (Pagefind reads <html lang>),
 * labelled with the kind of page (meta "type", set in partials/content.html).
 *
 * How a query is answered:
 * - Every word is searched on its own; a page's rank is first the number of the query's words it
 *   has, then Pagefind's score: pages with all the words come first, pages with some follow, and
 *   the list is never empty while any word finds something. Each result says which words it has.
 * - A long German word is also split into parts that the index holds ("Bürgerbeteiligung":
 *   Bürger + Beteiligung), from the index's word list (toolkit/render/search_words.py), fetched only for
 *   such a word. A page with all the parts counts as having the word; a page with only the last
 *   part (the compound's head: Beteiligung) counts too, ranked below.
 *
 * The header box is a WAI-ARIA 1.2 combobox with a listbox popup: the focus stays in the box,
 * ArrowDown/ArrowUp move the active option (aria-activedescendant), Enter opens it, or without an
 * active option leads to the results page; one Escape closes the list from anywhere in the search
 * and returns the focus to the box. The number of results is announced once typing pauses. Text
 * from the index is inserted as text; only Pagefind's <mark> highlighting is kept.
 */
(function () {
  "use strict";

  var box = document.querySelector("[data-kb-search]");
  if (!box) return;

  var bundle = new URL(box.getAttribute("data-bundle"), document.baseURI).href;
  var lang = document.documentElement.lang || "de";
  var splitting = box.getAttribute("data-split") === "true";

  // The index comes in chunks by word; a word of one or two letters would fetch the chunks of
  // every word it begins. Queries wait for a pause in typing and for words of three letters.
  var TYPING_PAUSE = 250;
  var MIN_WORD = 3;
  // A word this long may be a compound; shorter ones are rarely ("Werkstatt" is not split).
  var MIN_COMPOUND = 11;
  // Parts of a compound: the head (last part) at least four letters, the others at least three.
  var MIN_HEAD = 4;
  var MIN_PART = 3;
  // A compound's score on a page mixes its head (the last part, what the compound is: a kind of
  // Beteiligung) and all its parts together; the word as typed, where a page has it, counts whole.
  var HEAD = 0.6;
  var PARTS = 0.4;
  // Linking letters between the parts of a German compound (Leerstand-s-management).
  var LINKS = ["", "s", "es", "n", "en", "e", "er"];

  function words(key, values) {
    var text = box.getAttribute("data-" + key) || "";
    Object.keys(values || {}).forEach(function (name) { text = text.split("{" + name + "}").join(values[name]); });
    return text;
  }

  // ---- The engine ----------------------------------------------------------------------------
  var pagefind = null;
  var loading = null;
  var known = null;

  function load() {
    if (!loading) {
      loading = import(bundle + "pagefind.js").then(function (module) {
        // Without Pagefind's web worker: one script less to fetch (12 KB), and a search over
        // index chunks of a few dozen kilobytes takes milliseconds on the main thread. A match
        // in a page's title (meta "title", its <h1>) or in a glossary term's name (the glossary's
        // meta "begriffe", toolkit/render/lists.py) counts above one in the text; the search
        // words of a page's tags (meta "suchwoerter", toolkit/render/search.py) count less: a page is about its text more than about its tags.
        return module.options({ excerptLength: 22, noWorker: true, ranking: { metaWeights: { title: 10, begriffe: 10, suchwoerter: 0.5, type: 0 } } })
          .then(function () { return module.init(); })
          .then(function () { pagefind = module; return module; });
      });
      loading.catch(function () { loading = null; });
    }
    return loading;
  }

  function loadWords() {
    if (!known) {
      known = fetch(bundle + "woerter." + lang + ".txt").then(function (response) {
        return response.ok ? response.text() : "";
      }).then(function (text) { return text ? text.split("\n") : []; }, function () { return []; });
    }
    return known;
  }

  function lower(text) {
    return text.toLocaleLowerCase(lang);
  }

  // Sorted word list: is there a word that is `part`, or (for a part of five letters or more)
  // starts with it? Pagefind finds words by their beginning, so either can be found.
  function holds(list, part) {
    var lo = 0;
    var hi = list.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (list[mid] < part) lo = mid + 1; else hi = mid;
    }
    var word = list[lo];
    return word !== undefined && (word === part || (part.length >= 5 && word.indexOf(part) === 0));
  }

  // The parts of a compound, or null. Of all ways to cut it, the one whose shortest part is
  // longest: "innenstadt|entwicklung" rather than "innen|stadtentwicklung".
  function split(list, word, depth) {
    var best = null;
    var bestShortest = 0;
    for (var cut = MIN_PART; cut <= word.length - MIN_HEAD; cut++) {
      var head = word.slice(cut);
      if (!holds(list, head)) continue;
      var rest = word.slice(0, cut);
      for (var i = 0; i < LINKS.length; i++) {
        var link = LINKS[i];
        if (link && rest.slice(-link.length) !== link) continue;
        var stem = rest.slice(0, rest.length - link.length);
        var parts = null;
        if (stem.length >= MIN_PART && holds(list, stem)) parts = [stem, head];
        else if (depth === 0 && stem.length >= 2 * MIN_PART + 2) {
          var inner = split(list, stem, 1);
          if (inner) parts = inner.concat([head]);
        }
        if (!parts) continue;
        var shortest = Math.min.apply(null, parts.map(function (p) { return p.length; }));
        if (shortest > bestShortest) { best = parts; bestShortest = shortest; }
        break;
      }
    }
    return best;
  }

  function queryWords(query) {
    var seen = {};
    return query.split(/[^\p{L}\p{N}]+/u).filter(function (w) {
      var key = lower(w);
      if (w.length < MIN_WORD || seen[key]) return false;
      seen[key] = true;
      return true;
    });
  }

  // What to ask Pagefind for each query word: the word, and for a compound its parts together
  // and its head alone.
  function plan(typed) {
    var list = queryWords(typed);
    var long = splitting && list.some(function (w) { return w.length >= MIN_COMPOUND; });
    return (long ? loadWords() : Promise.resolve([])).then(function (dictionary) {
      return list.map(function (word) {
        var asks = [{ text: word, kind: "whole", label: word }];
        var parts = word.length >= MIN_COMPOUND && dictionary.length ? split(dictionary, lower(word), 0) : null;
        if (parts) {
          asks.push({ text: parts.join(" "), kind: "parts", label: word });
          var head = parts[parts.length - 1];
          asks.push({ text: head, kind: "head", label: word.slice(word.length - head.length) });
        }
        return { word: word, asks: asks };
      });
    });
  }

  // A word's score on a page: the word as typed, or its parts together and its head alone.
  function wordScore(got) {
    return Math.max(got.whole || 0, HEAD * (got.head || 0) + PARTS * (got.parts || 0));
  }

  // Resolves to { words: [...], all: bool, results: [{ result, matched: [labels], count, score }] }.
  function find(typed) {
    return Promise.all([load(), plan(typed)]).then(function (both) {
      var planned = both[1];
      var asks = [];
      planned.forEach(function (entry, n) {
        entry.asks.forEach(function (ask) { asks.push({ n: n, ask: ask }); });
      });
      return Promise.all(asks.map(function (a) { return pagefind.search(a.ask.text); })).then(function (searches) {
        var pages = {};
        searches.forEach(function (search, i) {
          var a = asks[i];
          ((search && search.results) || []).forEach(function (result) {
            var page = pages[result.id] || (pages[result.id] = { result: result, top: 0, got: {} });
            var got = page.got[a.n] || (page.got[a.n] = {});
            got[a.ask.kind] = result.score;
            if (a.ask.kind === "head") got.headLabel = a.ask.label;
            // The excerpt comes from the search that found the page best.
            if (result.score > page.top) { page.top = result.score; page.result = result; }
          });
        });
        var results = Object.keys(pages).map(function (id) {
          var page = pages[id];
          var ns = Object.keys(page.got).map(Number).sort(function (a, b) { return a - b; });
          return {
            result: page.result,
            count: ns.length,
            matched: ns.map(function (n) {
              var got = page.got[n];
              return got.whole || got.parts ? planned[n].word : got.headLabel;
            }),
            // Words found as typed: a page with the word itself comes before pages with only its
            // head ("Abendveranstaltung" before every page that says "Veranstaltung").
            whole: ns.filter(function (n) { return page.got[n].whole; }).length,
            score: ns.reduce(function (sum, n) { return sum + wordScore(page.got[n]); }, 0),
          };
        });
        results.sort(function (a, b) { return b.count - a.count || b.whole - a.whole || b.score - a.score; });
        var all = planned.length > 0 && results.length > 0 && results[0].count === planned.length;
        return { words: planned.map(function (p) { return p.word; }), all: all, results: results };
      });
    });
  }

  // ---- One result, as the box and the results page show it -------------------------------
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

  // The glossary is one page with an anchor (<dt id>) per term. Its hit leads to the term the
  // query names, else to the term before the first hit, with that term's own text as excerpt.
  function plain(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/ß/g, "ss");
  }

  function names(word, wanted, loosely) {
    return wanted.some(function (w) { return word.indexOf(w) === 0 || (loosely && word.length > 4 && w.indexOf(word) === 0); });
  }

  function glossaryTerm(data, wanted) {
    var terms = (data.anchors || []).filter(function (a) { return a.element === "dt" && a.id; });
    for (var loosely = 0; loosely < 2; loosely++) {
      var named = terms.filter(function (a) {
        return plain(a.text).split(/[\s-]+/).some(function (w) { return names(w, wanted, loosely); });
      });
      if (named.length) {
        // The term that names most of the query's words; of two alike, the one with fewer other
        // words ("Pilotphase" before "Broschüre zur Pilotphase" for "Pilotphase").
        named.sort(function (a, b) {
          return coverage(b, wanted) - coverage(a, wanted) || length(a) - length(b);
        });
        return named[0];
      }
    }
    var first = (data.locations || [])[0];
    var before = terms.filter(function (a) { return first !== undefined && a.location <= first; });
    return before.length ? before[before.length - 1] : null;
  }

  function length(term) {
    return plain(term.text).split(/[\s-]+/).length;
  }

  function coverage(term, wanted) {
    var ws = plain(term.text).split(/[\s-]+/);
    return wanted.filter(function (w) { return ws.some(function (x) { return x.indexOf(w) === 0; }); }).length;
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

  // What a result shows: { href, type, title, excerpt (nodes), matched (labels) }.
  function describe(found, data, query) {
    var wanted = queryWords(query).map(plain);
    found.matched.forEach(function (m) { wanted.push(plain(m)); });
    var term = glossaryTerm(data, wanted);
    return {
      href: term ? data.url + "#" + term.id : data.url,
      type: (data.meta && data.meta.type) || "",
      title: term ? term.text : (data.meta && data.meta.title) || data.url,
      excerpt: term ? termExcerpt(data, term, wanted) : excerptNodes(data.excerpt || ""),
      matched: found.matched,
    };
  }

  function countText(n) {
    return n === 0 ? words("none") : words(n === 1 ? "one" : "other", { n: String(n) });
  }

  // "Nicht alle Wörter gefunden": said when no page has every word and the list shows some.
  function matchedText(shown, total) {
    return shown.length < total ? words("matched", { words: shown.join(", ") }) : "";
  }

  function resultsUrl(query, page) {
    var url = new URL(box.getAttribute("data-results-page"), document.baseURI);
    url.searchParams.set("q", query);
    if (page > 1) url.searchParams.set("seite", String(page));
    return url.href;
  }

  // ---- The header box: a combobox ----------------------------------------------------------
  var opener = box.querySelector(".kb-search__open");
  var form = box.querySelector(".kb-search__form");
  var input = box.querySelector(".kb-search__input");
  var panel = box.querySelector(".kb-search__panel");
  var summary = box.querySelector(".kb-search__summary");
  var list = box.querySelector(".kb-search__results");
  var allLink = box.querySelector(".kb-search__all");
  var live = box.querySelector('[role="status"]');
  var PAGE_SIZE = 8;
  // A narrow header has room for a button only; the box opens below the header.
  var wide = window.matchMedia("(min-width: 60em)");

  var current = { query: "", shown: [] };
  var generation = 0;
  var timer = 0;
  var active = -1;
  var returning = false;

  function options() {
    return Array.prototype.slice.call(list.querySelectorAll('[role="option"]'));
  }

  function setActive(index) {
    var all = options();
    active = index;
    all.forEach(function (option, i) { option.setAttribute("aria-selected", String(i === index)); });
    if (index >= 0 && all[index]) {
      input.setAttribute("aria-activedescendant", all[index].id);
      all[index].scrollIntoView({ block: "nearest" });
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  }

  function openPanel() {
    panel.hidden = false;
    input.setAttribute("aria-expanded", "true");
  }

  function closePanel() {
    panel.hidden = true;
    input.setAttribute("aria-expanded", "false");
    setActive(-1);
  }

  // An option holds no link (a listbox's options are not to contain controls); Enter or a click
  // opens the page it names. The results page lists real links.
  function option(shown, i) {
    var item = document.createElement("li");
    item.id = "kb-search-option-" + i;
    item.setAttribute("role", "option");
    item.setAttribute("aria-selected", "false");
    item.setAttribute("data-href", new URL(shown.href, document.baseURI).href);
    var head = document.createElement("span");
    head.className = "kb-search__link";
    var type = document.createElement("span");
    type.className = "kb-search__type";
    type.textContent = shown.type;
    var title = document.createElement("span");
    title.className = "kb-search__title";
    title.textContent = shown.title;
    head.appendChild(type);
    head.appendChild(document.createTextNode(" "));
    head.appendChild(title);
    item.appendChild(head);
    var excerpt = document.createElement("span");
    excerpt.className = "kb-search__excerpt";
    excerpt.appendChild(shown.excerpt);
    item.appendChild(excerpt);
    return item;
  }

  function go(item) {
    window.location.assign(item.getAttribute("data-href"));
  }

  // Runs the query; resolves once its results are on the screen (or it was overtaken).
  function run(typed) {
    var mine = ++generation;
    var query = typed.trim();
    if (!queryWords(query).length) {
      list.textContent = "";
      summary.textContent = "";
      live.textContent = "";
      current = { query: "", shown: [] };
      closePanel();
      return Promise.resolve();
    }
    openPanel();
    if (!pagefind) summary.textContent = words("loading");
    return find(query).then(function (answer) {
      if (mine !== generation) return;
      var first = answer.results.slice(0, PAGE_SIZE);
      return Promise.all(first.map(function (f) { return f.result.data(); })).then(function (datas) {
        if (mine !== generation) return;
        list.textContent = "";
        setActive(-1);
        var shown = datas.map(function (data, i) { return describe(first[i], data, query); });
        shown.forEach(function (s, i) { list.appendChild(option(s, i)); });
        current = { query: query, shown: shown };
        var n = answer.results.length;
        var some = answer.all || !n ? "" : matchedText(answer.results.length ? answer.results[0].matched : [], answer.words.length);
        summary.textContent = countText(n) + (some ? " · " + some : "");
        live.textContent = summary.textContent;
        allLink.hidden = n === 0;
        allLink.href = resultsUrl(query, 1);
        allLink.textContent = words("all", { n: String(n) });
      });
    }).catch(function () {
      if (mine === generation) { summary.textContent = words("failed"); live.textContent = summary.textContent; }
    });
  }

  input.addEventListener("focus", function () {
    load();
    // Back in the box after Escape the list stays closed; on coming back from elsewhere it opens.
    if (!returning && input.value.trim() && options().length) openPanel();
  });

  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    var query = input.value;
    timer = window.setTimeout(function () { run(query); }, TYPING_PAUSE);
  });

  // Enter: the active option opens; without one, the form leads to the results page (a plain
  // GET to /suche/?q=…, so the query is in the address and Back returns here).
  form.addEventListener("submit", function (event) {
    var all = options();
    if (active >= 0 && all[active] && !panel.hidden) {
      event.preventDefault();
      go(all[active]);
    }
  });

  box.addEventListener("keydown", function (event) {
    var all = options();
    if (event.key === "ArrowDown" && event.target === input) {
      if (panel.hidden) {
        if (all.length) { openPanel(); event.preventDefault(); }
        return;
      }
      if (!all.length) return;
      event.preventDefault();
      setActive(Math.min(active + 1, all.length - 1));
    } else if (event.key === "ArrowUp" && event.target === input && !panel.hidden && all.length) {
      event.preventDefault();
      setActive(active <= 0 ? -1 : active - 1);
    } else if (event.key === "Escape") {
      if (!panel.hidden) {
        event.preventDefault();
        closePanel();
        returning = true;
        input.focus();
        returning = false;
      } else if (!wide.matches && !form.hidden) {
        event.preventDefault();
        setOpen(false);
        opener.focus();
      }
    }
  });

  // A click (or tap) on an option opens its page.
  list.addEventListener("click", function (event) {
    var item = event.target.closest('[role="option"]');
    if (item) go(item);
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

  // ---- The results page ------------------------------------------------------------------------
  var page = document.querySelector("[data-kb-results]");
  if (!page) return;
  var RESULTS_PER_PAGE = 10;
  var params = new URLSearchParams(window.location.search);
  var query = (params.get("q") || "").trim();
  var number = Math.max(1, parseInt(params.get("seite") || "1", 10) || 1);
  var pageForm = page.querySelector(".kb-results__form");
  var pageInput = pageForm.querySelector('input[type="search"]');
  var pageStatus = page.querySelector(".kb-results__status");
  var pageList = page.querySelector(".kb-results__list");
  var pager = page.querySelector(".kb-results__pages");
  page.querySelector(".kb-results__nojs").hidden = true;
  pageForm.hidden = false;
  pageInput.value = query;
  if (!query) return;
  document.title = words("title", { q: query }) + " – " + document.title;

  pageStatus.textContent = words("loading");
  find(query).then(function (answer) {
    var total = answer.results.length;
    var pages = Math.max(1, Math.ceil(total / RESULTS_PER_PAGE));
    number = Math.min(number, pages);
    var slice = answer.results.slice((number - 1) * RESULTS_PER_PAGE, number * RESULTS_PER_PAGE);
    return Promise.all(slice.map(function (f) { return f.result.data(); })).then(function (datas) {
      var heading = countText(total) + " · " + words("for", { q: query });
      if (total && !answer.all) heading += " · " + matchedText(answer.results[0].matched, answer.words.length);
      pageStatus.textContent = heading;
      pageList.textContent = "";
      pageList.start = (number - 1) * RESULTS_PER_PAGE + 1;
      datas.forEach(function (data, i) {
        var shown = describe(slice[i], data, query);
        var item = document.createElement("li");
        var title = document.createElement("a");
        title.href = shown.href;
        title.className = "kb-results__title";
        var type = document.createElement("span");
        type.className = "kb-search__type";
        type.textContent = shown.type;
        item.appendChild(type);
        item.appendChild(document.createTextNode(" "));
        title.textContent = shown.title;
        item.appendChild(title);
        var excerpt = document.createElement("p");
        excerpt.className = "kb-search__excerpt";
        excerpt.appendChild(shown.excerpt);
        item.appendChild(excerpt);
        if (shown.matched.length < answer.words.length) {
          var has = document.createElement("p");
          has.className = "kb-results__matched";
          has.textContent = words("has", { words: shown.matched.join(", ") });
          item.appendChild(has);
        }
        pageList.appendChild(item);
      });
      pager.textContent = "";
      if (pages > 1) {
        pager.hidden = false;
        var label = document.createElement("p");
        label.textContent = words("page", { n: String(number), m: String(pages) });
        pager.appendChild(label);
        [["prev", number - 1], ["next", number + 1]].forEach(function (step) {
          if (step[1] < 1 || step[1] > pages) return;
          var a = document.createElement("a");
          a.href = resultsUrl(query, step[1]);
          a.rel = step[0];
          a.textContent = words(step[0]);
          pager.appendChild(a);
          pager.appendChild(document.createTextNode(" "));
        });
      }
    });
  }).catch(function () { pageStatus.textContent = words("failed"); });
})();
