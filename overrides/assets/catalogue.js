/* The catalogue's filters: facets, a text filter and sorting, with the state in the URL.
 *
 * The page arrives with every entry listed and the form in place (hidden without JavaScript by
 * catalogue-noscript.css). This script filters the cards in place:
 *   - OR within a facet, AND across facets;
 *   - the count beside an option is the number of entries that have that option and match every
 *     ticked facet except the option's own (and the text filter), as in every faceted search;
 *     an option at 0 stays visible, greyed, and a ticked one can always be unticked;
 *   - the text filter understands German words: umlauts and their spelled-out forms (ü = ue = u,
 *     ß = ss), word forms ("beteiligen" finds "Beteiligung"), compounds ("Bürgerbeteiligung"
 *     finds a card that says "Beteiligung"), and the search words editors give every vocabulary
 *     value in docs/vokabular.yml ("Partizipation" finds the tools on Beteiligung);
 *   - the URL holds the state (?themen=wohnen&themen=mobilitaet&q=...), so a view can be shared,
 *     reloaded, and left and found again with the browser's back and forward buttons.
 * Text from the sources is only ever read from the page and written back as text, never as HTML.
 */
(function () {
  "use strict";

  var root = document.querySelector(".kb-catalogue");
  var form = root && root.querySelector("form.kb-filters");
  if (!form || !window.URLSearchParams || !window.history.pushState) return;

  var list = root.querySelector(".kb-cards");
  var countEl = root.querySelector(".kb-count");
  var textInput = form.querySelector('input[type="search"]');
  var sortSelect = form.querySelector('select[name="sort"]');
  var toggle = form.querySelector(".kb-facets-toggle");
  var facetBox = form.querySelector(".kb-facets");
  var apply = form.querySelector(".kb-apply");
  var applied = root.querySelector(".kb-applied");
  var toggleText = toggle ? toggle.textContent : "";
  var SORTS = ["title", "newest"];
  // Spoken counts wait until typing pauses, so a screen reader is not interrupted on every key.
  var ANNOUNCE_DELAY = 400;

  // ---- Words -------------------------------------------------------------------------------
  // Two spellings of every text: umlauts spelled out (ü -> ue) and umlauts without their dots
  // (ü -> u). The query takes the first form, so "Bürger", "Buerger" and "Burger" all find
  // "Bürger", and "strasse" finds "Straße".
  var MARKS = /[\u0300-\u036f]/g;
  var NON_WORD = /[^\p{L}\p{N}]+/gu;

  function fold(text, spellOut) {
    var t = text.normalize("NFC").toLowerCase().replace(/ß/g, "ss");
    if (spellOut) t = t.replace(/ä/g, "ae").replace(/ö/g, "oe").replace(/ü/g, "ue");
    return t.normalize("NFD").replace(MARKS, "");
  }

  function words(text) {
    return text.split(NON_WORD).filter(Boolean);
  }

  // " w1 w2 w3 ": every word between spaces, so " w" finds a word's start and " w " a whole word.
  function haystack(text, spellOut) {
    return " " + words(fold(text, spellOut)).join(" ") + " ";
  }

  // A small German stemmer: the endings that tell word forms apart ("beteiligen", "Beteiligung",
  // "Beteiligungen" share "beteilig"). Longest ending first; a stem keeps at least STEM_MIN letters.
  var ENDINGS = ["ungen", "innen", "ung", "ern", "en", "er", "es", "em", "in", "e", "n", "s"];
  var STEM_MIN = 4;

  function stem(word) {
    for (var i = 0; i < ENDINGS.length; i++) {
      var end = ENDINGS[i];
      if (word.length - end.length >= STEM_MIN && word.slice(-end.length) === end) {
        return word.slice(0, -end.length);
      }
    }
    return word;
  }

  // A query word matches the start of a word; longer ones also inside a word, because German
  // compounds hide their parts ("werkstatt" finds "Zukunftswerkstatt").
  var INFIX_MIN = 4;
  // And the other way round: a card's word of this length inside a query word is a part of the
  // compound the visitor typed ("Bürgerbeteiligung" finds a card that says "Beteiligung").
  var PART_MIN = 5;

  function findsIn(text, w) {
    if (text.indexOf(w.length >= INFIX_MIN ? w : " " + w) >= 0) return true;
    var s = stem(w);
    return s !== w && text.indexOf(" " + s) >= 0;
  }

  // ---- What is on the page -----------------------------------------------------------------
  var facets = Array.prototype.map.call(form.querySelectorAll("fieldset.kb-facet"), function (fieldset) {
    var options = Array.prototype.map.call(fieldset.querySelectorAll('input[type="checkbox"]'), function (box) {
      var label = box.closest("label");
      return {
        box: box, value: box.value, label: label, count: label.querySelector(".kb-option-count"),
        text: label.querySelector(".kb-option-label").textContent, shownCount: -1, empty: false,
      };
    });
    var legend = fieldset.querySelector("legend");
    return { name: fieldset.getAttribute("data-facet"), options: options, legend: legend ? legend.textContent : "" };
  });

  // The cards of every list: the events' catalogue groups them (upcoming, then past years).
  var entries = Array.prototype.map.call(root.querySelectorAll(".kb-cards > li[data-slug]"), function (li, position) {
    var values = {};
    facets.forEach(function (facet) {
      values[facet.name] = (li.getAttribute("data-" + facet.name) || "").split(" ").filter(Boolean);
    });
    return { el: li, position: position, values: values, shown: true, date: li.getAttribute("data-date") || "",
             spelled: null, plain: null };
  });
  var total = entries.length;
  // A group of cards with a heading hides while a filter hides every card in it.
  var groups = Array.prototype.map.call(root.querySelectorAll(".kb-card-group"), function (group) {
    return { el: group, cards: entries.filter(function (entry) { return group.contains(entry.el); }) };
  }).filter(function (group) { return group.cards.length > 0; });

  // The card's text is read only when a visitor first types: a page that is only looked at or
  // filtered by facets never reads 2,000 cards' text.
  function texts(entry) {
    if (entry.spelled === null) {
      var text = entry.el.textContent + " " + (entry.el.getAttribute("data-keywords") || "");
      entry.spelled = haystack(text, true);
      entry.plain = haystack(text, false);
    }
    return entry;
  }

  // The labels and search words of the values (data-words): facet -> value -> "word | phrase | ...".
  // A query word names a value when it is one of its words, has the same stem, or holds one of
  // them as a part of a compound; a mere prefix is not enough ("Bürger" does not name
  // "Bürgermeister"), or a short query would name half the vocabulary.
  var vocabulary = [];
  try {
    var given = JSON.parse(form.getAttribute("data-words") || "{}");
    Object.keys(given).forEach(function (facet) {
      Object.keys(given[facet]).forEach(function (value) {
        var text = given[facet][value];
        var phrases = text.split(" | ").map(function (p) { return words(fold(p, true)); });
        var all = {}, stems = {};
        words(fold(text, true)).concat(words(fold(text, false))).forEach(function (w) {
          all[w] = true;
          stems[stem(w)] = true;
        });
        vocabulary.push({
          facet: facet, value: value, words: all, stems: stems, text: " " + Object.keys(all).join(" ") + " ",
          // Phrases of several words ("leer stehend") also find a card's text that says them.
          phrases: phrases.filter(function (p) { return p.length > 1; }).map(function (p) { return " " + p.join(" "); }),
        });
      });
    });
  } catch (error) {
    vocabulary = [];
  }

  function names(v, w, parts) {
    if (v.words[w] || v.stems[stem(w)]) return true;
    for (var i = 0; i < parts.length; i++) if (v.words[parts[i]]) return true;
    return false;
  }

  // Every word of the cards and the vocabulary, for finding the parts of a compound query.
  var partWords = null;

  function allPartWords() {
    if (partWords) return partWords;
    var seen = {};
    entries.forEach(function (entry) { words(texts(entry).spelled).forEach(function (w) { seen[w] = true; }); });
    vocabulary.forEach(function (v) { words(v.text).forEach(function (w) { seen[w] = true; }); });
    partWords = Object.keys(seen).filter(function (w) { return w.length >= PART_MIN; });
    return partWords;
  }

  // What one query word asks for: the text it finds, the compound parts inside it, and the values
  // whose labels or search words it names.
  function understand(w) {
    var query = { word: w, parts: [], values: {}, phrases: [] };
    if (w.length >= PART_MIN + 1) {
      query.parts = allPartWords().filter(function (p) { return p !== w && w.indexOf(p) >= 0; });
    }
    vocabulary.forEach(function (v) {
      if (!names(v, w, query.parts)) return;
      (query.values[v.facet] = query.values[v.facet] || {})[v.value] = true;
      query.phrases = query.phrases.concat(v.phrases);
    });
    return query;
  }

  function matches(entry, queries) {
    for (var i = 0; i < queries.length; i++) {
      if (!matchesOne(entry, queries[i])) return false;
    }
    return true;
  }

  function matchesOne(entry, q) {
    for (var facet in q.values) {
      var has = entry.values[facet] || [];
      for (var k = 0; k < has.length; k++) if (q.values[facet][has[k]]) return true;
    }
    texts(entry);
    if (findsIn(entry.spelled, q.word) || findsIn(entry.plain, q.word)) return true;
    for (var p = 0; p < q.parts.length; p++) {
      if (entry.spelled.indexOf(" " + q.parts[p] + " ") >= 0) return true;
    }
    for (var ph = 0; ph < q.phrases.length; ph++) {
      if (entry.spelled.indexOf(q.phrases[ph]) >= 0) return true;
    }
    return false;
  }

  // The last query's understanding, kept while the visitor ticks facets.
  var understood = { q: null, queries: [] };

  function queriesOf(q) {
    if (understood.q !== q) understood = { q: q, queries: words(fold(q, true)).map(understand) };
    return understood.queries;
  }

  // The page lists entries by title already; "newest" is by review date, then by title.
  var orders = {
    title: entries.slice(),
    newest: entries.slice().sort(function (a, b) {
      return a.date < b.date ? 1 : a.date > b.date ? -1 : a.position - b.position;
    }),
  };

  // ---- State: the form <-> the URL ----------------------------------------------------------
  function stateFromForm() {
    var state = { facets: {}, q: textInput.value, sort: sortSelect ? sortSelect.value : "title" };
    facets.forEach(function (facet) {
      state.facets[facet.name] = facet.options.filter(function (o) { return o.box.checked; })
        .map(function (o) { return o.value; });
    });
    return state;
  }

  function stateFromUrl() {
    var params = new URLSearchParams(window.location.search);
    var state = { facets: {}, q: params.get("q") || "", sort: params.get("sort") || "title" };
    if (SORTS.indexOf(state.sort) < 0) state.sort = "title";
    facets.forEach(function (facet) {
      var wanted = params.getAll(facet.name);
      state.facets[facet.name] = facet.options.filter(function (o) { return wanted.indexOf(o.value) >= 0; })
        .map(function (o) { return o.value; });
    });
    return state;
  }

  function showState(state) {
    facets.forEach(function (facet) {
      var chosen = state.facets[facet.name];
      facet.options.forEach(function (o) { o.box.checked = chosen.indexOf(o.value) >= 0; });
    });
    textInput.value = state.q;
    if (sortSelect) sortSelect.value = state.sort;
  }

  function queryOf(state) {
    var params = new URLSearchParams();
    facets.forEach(function (facet) {
      state.facets[facet.name].forEach(function (value) { params.append(facet.name, value); });
    });
    if (state.q.trim()) params.append("q", state.q);
    if (state.sort !== "title") params.append("sort", state.sort);
    return params.toString();
  }

  function urlOf(state) {
    var query = queryOf(state);
    return window.location.pathname + (query ? "?" + query : "") + window.location.hash;
  }

  function remember(state, push) {
    var url = urlOf(state);
    if (url === window.location.pathname + window.location.search + window.location.hash) return;
    window.history[push ? "pushState" : "replaceState"](null, "", url);
  }

  // ---- Drawing -----------------------------------------------------------------------------
  var currentSort = "title";
  var announceTimer = 0;
  var shownCount = total;

  function draw(state, announceLater) {
    var queries = state.q.trim() ? queriesOf(state.q) : [];
    var chosen = facets.map(function (facet) {
      var set = {};
      state.facets[facet.name].forEach(function (v) { set[v] = true; });
      return state.facets[facet.name].length ? set : null;
    });
    var tallies = facets.map(function () { return {}; });
    var changes = [];
    shownCount = 0;

    // Reading and deciding first, writing after: one pass over the entries, no layout in between.
    for (var e = 0; e < entries.length; e++) {
      var entry = entries[e];
      var failed = 0, failedAt = -1;
      for (var f = 0; f < facets.length && failed < 2; f++) {
        if (!chosen[f]) continue;
        var has = entry.values[facets[f].name], ok = false;
        for (var h = 0; h < has.length; h++) if (chosen[f][has[h]]) { ok = true; break; }
        if (!ok) { failed++; failedAt = f; }
      }
      // An entry that fails two facets counts nowhere: its text need not be read.
      var textOk = failed < 2 && (queries.length === 0 || matches(entry, queries));
      var shown = textOk && failed === 0;
      if (shown !== entry.shown) changes.push(entry);
      entry.shown = shown;
      if (!textOk) continue;
      if (shown) {
        shownCount++;
        // Matches every facet: it counts for each of its options.
        for (var t = 0; t < facets.length; t++) tally(tallies[t], entry.values[facets[t].name]);
      } else {
        // Fails only one facet: it counts for that facet's options, as ticking one of them adds it.
        tally(tallies[failedAt], entry.values[facets[failedAt].name]);
      }
    }

    changes.forEach(function (entry) { entry.el.hidden = !entry.shown; });
    groups.forEach(function (group) {
      var empty = !group.cards.some(function (entry) { return entry.shown; });
      if (group.el.hidden !== empty) group.el.hidden = empty;
    });

    var ticked = 0;
    facets.forEach(function (facet, i) {
      facet.options.forEach(function (o) {
        var n = tallies[i][o.value] || 0;
        if (o.box.checked) ticked++;
        if (n !== o.shownCount) { o.count.textContent = "(" + n + ")"; o.shownCount = n; }
        var empty = n === 0 && !o.box.checked;
        if (empty !== o.empty) { o.label.classList.toggle("kb-option-empty", empty); o.empty = empty; }
      });
    });

    if (toggle) toggle.textContent = ticked ? toggleText + " (" + ticked + ")" : toggleText;
    if (state.sort !== currentSort) sortBy(state.sort);
    if (apply) {
      apply.textContent = apply.getAttribute(shownCount === 1 ? "data-one" : "data-other")
        .replace("{n}", String(shownCount));
    }
    showApplied(state);

    var filtered = ticked > 0 || queries.length > 0;
    var message = filtered ? countEl.getAttribute("data-filtered")
      : countEl.getAttribute(total === 1 ? "data-one" : "data-other");
    message = message.replace("{n}", String(shownCount)).replace("{total}", String(total));
    window.clearTimeout(announceTimer);
    if (announceLater) {
      announceTimer = window.setTimeout(function () { countEl.textContent = message; }, ANNOUNCE_DELAY);
    } else {
      countEl.textContent = message;
    }
  }

  function tally(counts, values) {
    for (var i = 0; i < values.length; i++) counts[values[i]] = (counts[values[i]] || 0) + 1;
  }

  function sortBy(sort) {
    var fragment = document.createDocumentFragment();
    orders[sort].forEach(function (entry) { fragment.appendChild(entry.el); });
    list.appendChild(fragment);
    currentSort = sort;
  }

  // "Werkzeuge für: Ideen sammeln · Bürgerschaft · Ein Tag", with a link back to the method
  // finder that carries the same answers.
  function showApplied(state) {
    if (!applied) return;
    var names = [];
    facets.forEach(function (facet) {
      var chosen = facet.options.filter(function (o) { return state.facets[facet.name].indexOf(o.value) >= 0; });
      if (chosen.length) names.push(chosen.map(function (o) { return o.text; }).join(" / "));
    });
    applied.hidden = names.length === 0;
    applied.querySelector(".kb-applied-values").textContent = names.join(" · ");
    var change = applied.querySelector(".kb-applied-change");
    var base = change.getAttribute("href").split("?")[0];
    var query = queryOf({ facets: state.facets, q: "", sort: "title" });
    change.setAttribute("href", base + (query ? "?" + query : ""));
  }

  // ---- Events ------------------------------------------------------------------------------
  form.addEventListener("change", function (event) {
    if (event.target === textInput) return;
    var state = stateFromForm();
    draw(state, false);
    remember(state, true);
  });

  textInput.addEventListener("input", function () {
    var state = stateFromForm();
    draw(state, true);
    // Typing refines one view: it replaces the history entry instead of adding one per key.
    remember(state, false);
  });

  form.addEventListener("submit", function (event) { event.preventDefault(); });

  form.addEventListener("reset", function (event) {
    event.preventDefault();
    var state = { facets: {}, q: "", sort: sortSelect ? sortSelect.value : "title" };
    facets.forEach(function (facet) { state.facets[facet.name] = []; });
    showState(state);
    draw(state, false);
    remember(state, true);
  });

  window.addEventListener("popstate", function () {
    var state = stateFromUrl();
    showState(state);
    draw(state, false);
  });

  // A wide screen shows the filters beside the list (catalogue.css); on a phone the list comes
  // first and the filters open on demand. A closed panel is hidden: out of sight and of the Tab order.
  var wide = window.matchMedia("(min-width: 60em)");

  function layout() {
    facetBox.hidden = !wide.matches && toggle.getAttribute("aria-expanded") !== "true";
  }

  function setOpen(open) {
    toggle.setAttribute("aria-expanded", String(open));
    layout();
  }

  if (toggle && facetBox) {
    toggle.addEventListener("click", function () { setOpen(toggle.getAttribute("aria-expanded") !== "true"); });
    wide.addEventListener("change", layout);
    layout();
  }

  // "N Werkzeuge anzeigen": closes the panel and takes the focus to the count above the list.
  if (apply) {
    apply.addEventListener("click", function () {
      if (toggle) setOpen(false);
      countEl.focus();
      countEl.scrollIntoView({ block: "start" });
    });
  }

  var initial = stateFromUrl();
  showState(initial);
  root.classList.add("kb-catalogue--live");
  draw(initial, false);
})();
