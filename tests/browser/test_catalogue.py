"""The catalogues' filters as a visitor uses them, in real Chromium on the real site.

Expected results come from the sources (loaded with the toolkit, read field by field), never from
the page: ticking options must show exactly the entries the sources say, with OR within a facet
and AND across facets, and every option must show how many entries have it and match every ticked
facet but its own (the rule of every faceted search).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from toolkit.content.model import KnowledgeBase

LANGS = {"de": "", "en": "en/"}
CATALOGUES = {"werkzeug": "werkzeuge/", "modellvorhaben": "modellvorhaben/", "medium": "medien/"}


@pytest.fixture
def page(browser, site_url: str) -> Iterator:
    """A fresh page (1280 px wide) that records every request it makes."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.requests = []
    tab.on("request", lambda request: tab.requests.append(request.url))
    yield tab
    origin = "{0.scheme}://{0.netloc}/".format(urlsplit(site_url))
    foreign = [u for u in tab.requests if not u.startswith((origin, "data:", "blob:", "about:"))]
    context.close()
    assert foreign == [], f"requests to other hosts: {foreign}"


def values(entry, facet: str) -> set[str]:
    """An entry's keys in a facet, read from its fields."""
    if facet in ("bundesland", "lagetyp"):
        return {town[facet] for town in entry.get("orte", []) if facet in town}
    if facet == "gruppe":
        # The group-size classes a participant range touches (bounds from the one table).
        from toolkit.content.group_size import CLASSES

        people = entry.get("teilnehmende")
        return {key for key, (low, high) in CLASSES.items()
                if people and people["max"] >= low and (high is None or people["min"] <= high)}
    if facet == "laufzeit":
        runtime = entry.get("laufzeit", {})
        return {str(y) for y in range(runtime["von"], runtime.get("bis", runtime["von"]) + 1)} if runtime else set()
    value = entry.get(facet)
    if value is None:
        return set()
    # A medium's year is a number in its source and a value like any other in the catalogue.
    return {str(v) for v in value} if isinstance(value, list) else {str(value)}


def expected(kb: KnowledgeBase, kind: str, chosen: dict[str, set[str]]) -> set[str]:
    """Slugs shown for a selection: OR within a facet, AND across facets."""
    return {slug for slug, entry in kb.collection(kind).items()
            if all(values(entry, facet) & keys for facet, keys in chosen.items() if keys)}


def eventually(check, page, timeout_ms: int = 5000):
    """The value of ``check()`` once it is true: history steps and spoken counts settle a little later."""
    for _ in range(timeout_ms // 50):
        value = check()
        if value:
            return value
        page.wait_for_timeout(50)
    return check()


def shown(page) -> set[str]:
    return set(page.eval_on_selector_all(".kb-cards > [data-slug]:not([hidden])", "els => els.map(e => e.dataset.slug)"))


def option(page, facet: str, key: str):
    return page.locator(f"fieldset[data-facet='{facet}'] input[type=checkbox][value='{key}']")


def option_count(page, facet: str, key: str) -> int:
    text = option(page, facet, key).locator("xpath=ancestor::label").inner_text()
    count = re.search(r"\((\d+)\)", text)
    assert count, f"{facet}={key}: the option shows no count ({text!r})"
    return int(count[1])


def announced(page) -> str:
    return page.locator("[aria-live=polite].kb-count").inner_text()


def query(page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def common_keys(kb: KnowledgeBase, kind: str, facet: str, n: int) -> list[str]:
    counts: dict[str, int] = {}
    for entry in kb.collection(kind).values():
        for key in values(entry, facet):
            counts[key] = counts.get(key, 0) + 1
    ranked = sorted(counts, key=lambda k: (-counts[k], k))
    assert len(ranked) >= n, f"the sources use fewer than {n} keys of {facet}: {ranked}"
    return ranked[:n]


# A selection per catalogue: two values of one facet (OR) and one of another (AND).
SELECTIONS = {"werkzeug": ("themen", "modus"), "modellvorhaben": ("themen", "bundesland"), "medium": ("themen", "art")}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", CATALOGUES)
def test_ticked_options_show_what_the_sources_say(page, kb, site_url: str, kind: str, lang: str) -> None:
    page.goto(site_url + LANGS[lang] + CATALOGUES[kind])
    everything = set(kb.collection(kind))
    assert shown(page) == everything
    assert str(len(everything)) in announced(page)

    first, second = SELECTIONS[kind]
    a, b = common_keys(kb, kind, first, 2)
    c = common_keys(kb, kind, second, 1)[0]
    chosen: dict[str, set[str]] = {first: set(), second: set()}
    for facet, key in ((first, a), (first, b), (second, c)):
        option(page, facet, key).check()
        chosen[facet].add(key)
        want = expected(kb, kind, chosen)
        assert shown(page) == want, f"after ticking {chosen}"
        assert re.search(rf"\b{len(want)}\b.*\b{len(everything)}\b", announced(page)), announced(page)

    # Every option of every facet: the entries that have it and match every ticked facet but its own.
    facets = page.eval_on_selector_all("fieldset[data-facet]", "els => els.map(e => e.dataset.facet)")
    empty_seen = 0
    for facet in facets:
        keys = page.eval_on_selector_all(f"fieldset[data-facet='{facet}'] input", "els => els.map(e => e.value)")
        for key in keys:
            if_ticked = {f: set(k) for f, k in chosen.items()}
            if_ticked[facet] = {key}
            count = len(expected(kb, kind, if_ticked))
            assert option_count(page, facet, key) == count, f"{facet}={key} with {chosen}"
            label = option(page, facet, key).locator("xpath=ancestor::label")
            assert ("kb-option-empty" in (label.get_attribute("class") or "")) == (count == 0 and key not in chosen.get(facet, ()))
            if count == 0:
                empty_seen += 1
                # Shown as empty, not hidden and not disabled: a visitor can still reach and tick it.
                assert option(page, facet, key).is_visible() and option(page, facet, key).is_enabled()
    assert empty_seen, "the selection should leave some options empty; pick another one"

    # A ticked option can always be unticked, whatever the others show.
    for facet, key in ((second, c), (first, b), (first, a)):
        option(page, facet, key).uncheck()
        chosen[facet].discard(key)
        assert shown(page) == expected(kb, kind, chosen)
    assert shown(page) == everything


@pytest.mark.parametrize("lang", LANGS)
def test_counts_in_the_ticked_facet_are_not_what_the_list_would_show(page, kb, site_url: str, lang: str) -> None:
    """After ticking one topic, another topic's count is the number of tools on that topic alone."""
    page.goto(site_url + LANGS[lang] + CATALOGUES["werkzeug"])
    topic = common_keys(kb, "werkzeug", "themen", 1)[0]
    option(page, "themen", topic).check()
    tools = kb.collection("werkzeug").values()
    for key in kb.vocab["themen"].values:
        assert option_count(page, "themen", key) == sum(1 for t in tools if key in t.get("themen", [])), key
    # The other facets count within the ticked topic.
    for key in kb.vocab["ziel"].values:
        want = sum(1 for t in tools if key in t.get("ziel", []) and topic in t.get("themen", []))
        assert option_count(page, "ziel", key) == want, key

def test_state_lives_in_the_url(page, kb, site_url: str) -> None:
    url = site_url + CATALOGUES["werkzeug"]
    page.goto(url)
    a, b = common_keys(kb, "werkzeug", "themen", 2)
    option(page, "themen", a).check()
    assert query(page) == {"themen": [a]}
    option(page, "themen", b).check()
    modus = common_keys(kb, "werkzeug", "modus", 1)[0]
    option(page, "modus", modus).check()
    assert query(page) == {"themen": [a, b], "modus": [modus]}
    filtered = expected(kb, "werkzeug", {"themen": {a, b}, "modus": {modus}})
    assert shown(page) == filtered

    page.reload()
    assert option(page, "themen", a).is_checked() and option(page, "themen", b).is_checked()
    assert option(page, "modus", modus).is_checked()
    assert shown(page) == filtered

    page.go_back()
    assert query(page) == {"themen": [a, b]}
    assert eventually(lambda: shown(page) == expected(kb, "werkzeug", {"themen": {a, b}}), page)
    assert not option(page, "modus", modus).is_checked()
    page.go_back()
    page.go_back()
    assert query(page) == {}
    assert eventually(lambda: shown(page) == set(kb.collection("werkzeug")), page)
    page.go_forward()
    assert query(page) == {"themen": [a]}
    assert eventually(lambda: shown(page) == expected(kb, "werkzeug", {"themen": {a}}), page)
    assert option(page, "themen", a).is_checked()

    # A shared link opens the same view, text and sorting included.
    page.goto(f"{url}?themen={a}&q=a&sort=newest")
    assert option(page, "themen", a).is_checked()
    assert page.locator(".kb-filters input[type=search]").input_value() == "a"
    assert page.locator(".kb-filters select[name=sort]").input_value() == "newest"

    page.locator(".kb-reset").click()
    assert query(page) in ({}, {"sort": ["newest"]})
    assert shown(page) == set(kb.collection("werkzeug"))


def test_sorting_by_title_and_by_newest(page, kb, site_url: str) -> None:
    page.goto(site_url + CATALOGUES["werkzeug"])
    order = lambda: page.eval_on_selector_all(".kb-cards > [data-slug]", "els => els.map(e => e.dataset.slug)")  # noqa: E731
    by_title = order()
    page.locator("select[name=sort]").select_option("newest")
    dates = {slug: entry.get("geprueft") for slug, entry in kb.collection("werkzeug").items()}
    newest = order()
    assert [dates[s] for s in newest] == sorted((dates[s] for s in newest), reverse=True)
    assert query(page) == {"sort": ["newest"]}
    page.locator("select[name=sort]").select_option("title")
    assert order() == by_title


def fold(text: str) -> str:
    """Umlauts spelled out, ß as ss, accents dropped, lower case: as a visitor may type."""
    text = text.casefold().replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def test_text_filter_ignores_case_and_umlauts(page, kb, site_url: str) -> None:
    page.goto(site_url + CATALOGUES["werkzeug"])
    box = page.locator(".kb-filters input[type=search]")
    tools = kb.collection("werkzeug")
    # Every tool whose German title or summary has "Bürger" in it must be found by each spelling.
    with_buerger = {slug for slug, e in tools.items() if "bürger" in (e.title("de") + " " + e.text("kurz", "de")).lower()}
    assert with_buerger, "no tool mentions 'Bürger' in its title or summary"
    results = {}
    for spelling in ("Bürger", "Buerger", "BUERGER", "Burger", "bürger"):
        box.fill(spelling)
        results[spelling] = shown(page)
        assert with_buerger <= results[spelling], spelling
    assert len({frozenset(r) for r in results.values()}) == 1, results
    assert results["Bürger"] != set(tools), "the filter should leave some tools out"
    assert "?" in page.url and query(page)["q"] == ["bürger"]

    # ß: a word with ß from a summary, typed with ss, finds that tool.
    words = {w: slug for slug, e in tools.items() for w in re.findall(r"\w*ß\w*", e.text("kurz", "de"))}
    assert words, "no tool summary has a word with ß"
    word, slug = sorted(words.items())[0]
    box.fill(word.replace("ß", "ss"))
    assert slug in shown(page)

    # Word prefixes match: the start of a word in a title finds its tool.
    title_word, title_slug = next((w, s) for s, e in sorted(tools.items()) for w in e.title("de").split() if len(w) >= 6)
    box.fill(fold(title_word[:3]))
    assert title_slug in shown(page)
    box.fill("zzzqqq")
    assert shown(page) == set()
    assert eventually(lambda: re.search(r"\b0\b", announced(page)), page), announced(page)


def test_everything_works_by_keyboard(browser, kb, site_url: str) -> None:
    """A phone-sized screen, no mouse: find the text filter, the filters' button, tick, reset."""
    context = browser.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    page.goto(site_url + CATALOGUES["werkzeug"])

    def tab_to(selector: str, limit: int = 150) -> None:
        for _ in range(limit):
            page.keyboard.press("Tab")
            if page.evaluate("(s) => document.activeElement && document.activeElement.matches(s)", selector):
                return
        raise AssertionError(f"Tab never reaches {selector}")

    tab_to(".kb-filters input[type=search]")
    page.keyboard.type("zzzqqq")
    page.wait_for_function("() => document.querySelectorAll('.kb-cards > li:not([hidden])').length === 0")
    page.keyboard.press("Control+A")
    page.keyboard.press("Backspace")
    tab_to(".kb-facets-toggle")
    assert page.locator(".kb-facets").is_hidden()
    page.keyboard.press("Enter")
    assert page.locator(".kb-facets").is_visible()
    assert page.locator(".kb-facets-toggle").get_attribute("aria-expanded") == "true"
    key = common_keys(kb, "werkzeug", "themen", 1)[0]
    tab_to(f"input[name=themen][value='{key}']")
    page.keyboard.press("Space")
    assert shown(page) == expected(kb, "werkzeug", {"themen": {key}})
    assert query(page) == {"themen": [key]}
    tab_to(".kb-reset")
    page.keyboard.press("Enter")
    assert shown(page) == set(kb.collection("werkzeug"))
    assert not option(page, "themen", key).is_checked()
    context.close()


def test_without_javascript_the_full_list_stays(browser, kb, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "en/" + CATALOGUES["modellvorhaben"])
    assert shown(page) == set(kb.collection("modellvorhaben"))
    assert page.locator("form.kb-filters").is_hidden()
    context.close()


# -- German words ------------------------------------------------------------------------------

def with_value(kb: KnowledgeBase, facet: str, key: str) -> set[str]:
    return {slug for slug, e in kb.collection("werkzeug").items() if key in values(e, facet)}


def value_named_by(kb: KnowledgeBase, word: str) -> list[tuple[str, str]]:
    """The (facet, key) whose editors' search words in docs/vokabular.yml hold ``word``."""
    return [(facet, key) for facet in ("ziel", "themen", "zielgruppen", "formattyp")
            for key in kb.vocab[facet].values
            if any(word.casefold() == w.casefold() for lang in ("de", "en") for w in kb.vocab[facet].search_words(key, lang))]


@pytest.mark.parametrize("lang", LANGS)
def test_german_compounds_word_forms_and_search_words_find_their_tools(page, kb, site_url: str, lang: str) -> None:
    page.goto(site_url + LANGS[lang] + CATALOGUES["werkzeug"])
    box = page.locator(".kb-filters input[type=search]")
    participation = with_value(kb, "themen", "beteiligung")
    assert participation and participation != set(kb.collection("werkzeug"))
    # Compounds and a verb form: none of these words is on a card, each means the topic.
    for word in ("Bürgerbeteiligung", "Jugendbeteiligung", "Beteiligungsformate", "beteiligen", "Beteiligungen"):
        box.fill(word)
        assert participation <= shown(page), f"{word!r} misses {sorted(participation - shown(page))}"
    # A search word an editor gave the value finds its tools.
    box.fill("Partizipation")
    assert ("themen", "beteiligung") in value_named_by(kb, "Partizipation")
    assert participation <= shown(page)
    # "Leerstand": every tool whose value has it as a search word, and none that has nothing to do with it.
    box.fill("Leerstand")
    vacancy = set().union(*(with_value(kb, f, k) for f, k in value_named_by(kb, "Leerstand")))
    assert vacancy and vacancy <= shown(page)
    box.fill("Jugend")
    youth = set().union(*(with_value(kb, f, k) for f, k in value_named_by(kb, "Jugend")))
    assert youth and youth <= shown(page)
    assert shown(page) != set(kb.collection("werkzeug")) or youth == set(kb.collection("werkzeug"))


def test_search_words_are_given_once_per_page_not_per_card(built_site: Path, kb) -> None:
    """The catalogue must stay within its budget (250 KB gzipped at 2,000 tools, bench/run.py's BUDGETS): the
    vocabulary's labels and search words are in the page once, whatever the number of cards."""
    html = (built_site / "werkzeuge" / "index.html").read_text(encoding="utf-8")
    assert html.count('data-words="') == 1
    given = html.split('data-words="', 1)[1].split('"', 1)[0]
    word = kb.vocab["themen"].search_words("beteiligung", "de")[0]
    cards = html.split('<ul class="kb-cards">', 1)[1]
    assert word in given and html.count(word) == given.count(word) + cards.count(word)
    assert "data-keywords=" not in html.split('<ul class="kb-cards">', 1)[1], "tool cards carry no hidden keywords"


# -- the method finder ------------------------------------------------------------------------

FINDER = {"de": "methodenfinder/", "en": "en/methodenfinder/"}


@pytest.mark.parametrize("lang", LANGS)
def test_the_finder_leads_to_a_short_list_in_three_answers(page, kb, site_url: str, lang: str) -> None:
    page.goto(site_url + LANGS[lang])
    page.locator(".kb-ways a.kb-way").first.click()
    assert page.url.endswith(FINDER[lang])
    tools = kb.collection("werkzeug")
    answers = {"ziel": "ideen-sammeln", "zielgruppen": "buergerschaft", "dauerklasse": "ein-tag"}
    chosen: dict[str, set[str]] = {}
    output = page.locator(".kb-finder-count")
    for facet, key in answers.items():
        page.locator(f"form.kb-finder input[name={facet}][value='{key}']").check()
        chosen[facet] = {key}
        count = len(expected(kb, "werkzeug", chosen))
        assert re.search(rf"\b{count}\b", output.inner_text()), (chosen, output.inner_text())
    want = expected(kb, "werkzeug", chosen)
    assert 0 < len(want) < len(tools)
    page.locator("form.kb-finder button[type=submit]").click()
    page.wait_for_url(re.compile(r"werkzeuge/\?"))
    assert shown(page) == want
    # The catalogue names the answers in words, with a link back that keeps them.
    applied = page.locator(".kb-applied")
    assert applied.is_visible()
    for facet, key in answers.items():
        assert kb.vocab[facet].label(key, lang) in applied.inner_text()
    applied.locator("a").click()
    page.wait_for_url(re.compile(r"methodenfinder/\?"))
    for facet, key in answers.items():
        assert page.locator(f"form.kb-finder input[name={facet}][value='{key}']").is_checked()


def test_the_finder_submits_without_javascript(browser, kb, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + FINDER["de"])
    page.locator("form.kb-finder input[name=ziel][value='lernen']").check()
    page.locator("form.kb-finder button[type=submit]").click()
    page.wait_for_url(re.compile(r"werkzeuge/\?ziel=lernen$"))
    assert shown(page) == set(kb.collection("werkzeug"))  # a static page cannot filter: it says so
    assert page.locator("noscript").count() and "JavaScript" in page.content()
    context.close()


def test_the_english_address_of_the_finder_leads_to_it(page, site_url: str) -> None:
    page.goto(site_url + "en/method-finder/")
    page.wait_for_url(re.compile(r"en/methodenfinder/$"))
    assert page.locator("form.kb-finder").is_visible()


# -- a page per facet value, without JavaScript --------------------------------------------------

def test_fact_box_chips_lead_to_pages_that_list_their_tools_without_javascript(browser, kb, built_site: Path, site_url: str) -> None:
    from toolkit.content.kinds import KINDS

    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    titles: set[str] = set()
    for lang in LANGS:
        tool = sorted(kb.collection("werkzeug"))[0]
        page.goto(site_url + LANGS[lang] + f"werkzeuge/{tool}/")
        chips = page.eval_on_selector_all(".kb-steckbrief a.kb-chip", "els => els.map(e => e.href)")
        assert chips
        for href in chips:
            path = urlsplit(href).path
            if "/themen/" in path:
                continue
            assert "?" not in href, f"a chip leads to a filtered address: {href}"
            facet, key = path.rstrip("/").split("/")[-2:]
            assert facet in KINDS["werkzeug"].facets
            page.goto(href)
            listed = set(page.eval_on_selector_all(".kb-list a", "els => els.map(e => e.getAttribute('href'))"))
            slugs = {h.rstrip("/").split("/")[-1] for h in listed}
            assert slugs == with_value(kb, facet, key), href
            title = page.title()
            description = page.locator("meta[name=description]").get_attribute("content")
            assert title not in titles and description and str(len(slugs)) in description
            titles.add(title)
            assert path.split("/", 2)[-1] in sitemap or path.lstrip("/") in sitemap, f"{path} is not in the sitemap"
    context.close()


# -- a phone ------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_on_a_phone_the_filter_panel_ends_in_a_button_that_shows_the_list(browser, kb, site_url: str, lang: str) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 700})
    page = context.new_page()
    page.goto(site_url + LANGS[lang] + CATALOGUES["werkzeug"])
    # The skip link comes before the facets and leads to the results.
    skip = page.locator(".kb-skip-results")
    assert page.evaluate("() => { const s = document.querySelector('.kb-skip-results');"
                         " return !!(s.compareDocumentPosition(document.querySelector('.kb-facets')) & 4); }")
    page.locator(".kb-filters input[type=search]").focus()
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("document.activeElement.classList.contains('kb-skip-results')")
    assert skip.is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.classList.contains('kb-count')")

    page.locator(".kb-facets-toggle").click()
    key = common_keys(kb, "werkzeug", "ziel", 1)[0]
    option(page, "ziel", key).check()
    want = expected(kb, "werkzeug", {"ziel": {key}})
    button = page.locator(".kb-apply")
    assert button.is_visible() and re.search(rf"\b{len(want)}\b", button.inner_text())
    box = button.bounding_box()
    assert box and box["y"] + box["height"] <= 700, "the button stays on the screen (sticky)"
    button.click()
    assert page.locator(".kb-facets").is_hidden()
    assert page.evaluate("document.activeElement.classList.contains('kb-count')")
    assert shown(page) == want
    context.close()


def test_the_filters_do_not_move_the_list_when_they_appear(browser, site_url: str) -> None:
    """No layout shift: the form is in the page before the script runs (CLS from the browser)."""
    for width in (375, 1280):
        context = browser.new_context(viewport={"width": width, "height": 800})
        page = context.new_page()
        page.add_init_script("""
          window.__cls = 0;
          new PerformanceObserver(list => { for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value; })
            .observe({type: 'layout-shift', buffered: true});
        """)
        page.goto(site_url + CATALOGUES["werkzeug"], wait_until="networkidle")
        page.wait_for_timeout(300)
        assert page.evaluate("window.__cls") <= 0.02, f"layout shift at {width} px"
        context.close()
