/* The catalogue's filters: facets, a text filter and sorting, with the state in the URL.
 *
 * The page arrives with every entry listed and the form hidden, so it works without JavaScript.
 * This script shows the form and filters the cards in place:
 *   - OR within a facet, AND across facets;
 *   - each option shows how many entries the list would show if it were ticked;
 *   - the text filter matches word prefixes in title, summary and keywords, ignoring case and
 *     accents, with umlauts and their spelled-out forms (ü = ue = u, ß = ss) taken as the same;
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
  var toggleText = toggle ? toggle.textContent : "";
  var SORTS = ["title", "newest"];
  // Spoken counts wait until typing pauses, so a screen reader is not interrupted on every key.
  var ANNOUNCE_DELAY = 400;

  // ---- Text folding ------------------------------------------------------------------------
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

  function haystack(text, spellOut) {
    return " " + words(fold(text, spellOut)).join(" ");
  }

  // A query word matches the start of a word; longer ones also inside a word, because German
  // compounds hide their parts ("werkstatt" finds "Zukunftswerkstatt").
  var INFIX_MIN = 4;

  function matches(entry, queryWords) {
    for (var i = 0; i < queryWords.length; i++) {
      var w = queryWords[i];
      var needle = w.length >= INFIX_MIN ? w : " " + w;
      if (entry.spelled.indexOf(needle) < 0 && entry.plain.indexOf(needle) < 0) return false;
    }
    return true;
  }

  // ---- What is on the page -----------------------------------------------------------------
  var facets = Array.prototype.map.call(form.querySelectorAll("fieldset.kb-facet"), function (fieldset) {
    var options = Array.prototype.map.call(fieldset.querySelectorAll('input[type="checkbox"]'), function (box) {
      var label = box.closest("label");
      return { box: box, value: box.value, label: label, count: label.querySelector(".kb-option-count") };
    });
    return { name: fieldset.getAttribute("data-facet"), options: options };
  });

  var entries = Array.prototype.map.call(list.querySelectorAll(":scope > li[data-slug]"), function (li, position) {
    var text = li.textContent + " " + (li.getAttribute("data-keywords") || "");
    var values = {};
    facets.forEach(function (facet) {
      values[facet.name] = (li.getAttribute("data-" + facet.name) || "").split(" ").filter(Boolean);
    });
    return {
      el: li, position: position, values: values, shown: true,
      date: li.getAttribute("data-date") || "",
      spelled: haystack(text, true), plain: haystack(text, false),
    };
  });
  var total = entries.length;

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

  function urlOf(state) {
    var params = new URLSearchParams();
    facets.forEach(function (facet) {
      state.facets[facet.name].forEach(function (value) { params.append(facet.name, value); });
    });
    if (state.q.trim()) params.append("q", state.q);
    if (state.sort !== "title") params.append("sort", state.sort);
    var query = params.toString();
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

  function draw(state, announceLater) {
    var queryWords = words(fold(state.q, true));
    var chosen = facets.map(function (facet) { return state.facets[facet.name]; });
    var tallies = facets.map(function () { return {}; });
    var shownCount = 0;

    entries.forEach(function (entry) {
      var textOk = queryWords.length === 0 || matches(entry, queryWords);
      var failed = 0, failedAt = -1;
      for (var f = 0; f < facets.length; f++) {
        var want = chosen[f];
        if (!want.length) continue;
        var has = entry.values[facets[f].name];
        if (!has.some(function (v) { return want.indexOf(v) >= 0; })) { failed++; failedAt = f; }
      }
      var shown = textOk && failed === 0;
      if (shown !== entry.shown) { entry.el.hidden = !shown; entry.shown = shown; }
      if (!textOk) return;
      if (shown) {
        shownCount++;
        // A facet with nothing ticked: ticking an option keeps the shown entries that have it.
        facets.forEach(function (facet, i) {
          if (!chosen[i].length) tally(tallies[i], entry.values[facet.name]);
        });
      } else if (failed === 1) {
        // Fails only one facet: ticking one of its values in that facet would add it.
        tally(tallies[failedAt], entry.values[facets[failedAt].name]);
      }
    });

    var ticked = 0;
    facets.forEach(function (facet, i) {
      var open = chosen[i].length > 0;
      facet.options.forEach(function (o) {
        var n = open ? (o.box.checked ? shownCount : shownCount + (tallies[i][o.value] || 0))
                     : (tallies[i][o.value] || 0);
        if (o.box.checked) ticked++;
        o.count.textContent = "(" + n + ")";
        o.label.classList.toggle("kb-option-empty", n === 0 && !o.box.checked);
      });
    });

    if (toggle) toggle.textContent = ticked ? toggleText + " (" + ticked + ")" : toggleText;
    if (state.sort !== currentSort) sortBy(state.sort);

    var filtered = ticked > 0 || queryWords.length > 0;
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
  // first and the filters open on demand.
  var wide = window.matchMedia("(min-width: 60em)");

  function layout() {
    toggle.hidden = wide.matches;
    facetBox.hidden = !wide.matches && toggle.getAttribute("aria-expanded") !== "true";
  }

  if (toggle && facetBox) {
    toggle.addEventListener("click", function () {
      toggle.setAttribute("aria-expanded", String(toggle.getAttribute("aria-expanded") !== "true"));
      layout();
    });
    wide.addEventListener("change", layout);
    layout();
  }

  var initial = stateFromUrl();
  showState(initial);
  form.hidden = false;
  root.classList.add("kb-catalogue--live");
  draw(initial, false);
})();
