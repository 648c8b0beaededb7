"""The site search as a visitor uses it, in real Chromium on the real site.

What to search for comes from the sources (a word of a tool's body text), never from the page.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, quote, urlsplit

import pytest

from toolkit.content.model import KnowledgeBase

LANGS = {"de": "", "en": "en/"}
TYPE_LABEL = {"de": "Werkzeug", "en": "Tool"}
BOX = ".kb-search__input"
RESULT_LINKS = ".kb-search__results [role=option]"


class Tab:
    """A browser page that records every request and the bytes of every response."""

    def __init__(self, browser, width: int) -> None:
        self.context = browser.new_context(viewport={"width": width, "height": 900})
        self.page = self.context.new_page()
        self.requests: list[str] = []
        self.page.on("request", lambda request: self.requests.append(request.url))

    def foreign(self, site_url: str) -> list[str]:
        origin = "{0.scheme}://{0.netloc}/".format(urlsplit(site_url))
        return [u for u in self.requests if not u.startswith((origin, "data:", "blob:", "about:"))]


@pytest.fixture
def tab(browser, site_url: str) -> Iterator:
    opened: list[Tab] = []

    def open_tab(width: int = 1280) -> Tab:
        opened.append(Tab(browser, width))
        return opened[-1]

    yield open_tab
    for t in opened:
        foreign = t.foreign(site_url)
        t.context.close()
        assert foreign == [], f"requests to other hosts: {foreign}"


def body_word(kb: KnowledgeBase, lang: str) -> tuple[str, str]:
    """A tool and a word that only its body text has: the rarest long word of any tool's body."""
    def words(text: str) -> set[str]:
        return {w.lower() for w in re.findall(r"[^\W\d_]{9,}", text)}

    tools = kb.collection("werkzeug")
    bodies = {slug: words(e.body.get(lang, "")) for slug, e in tools.items() if e.translated(lang)}
    everywhere = Counter(w for slug, e in tools.items() for w in words(
        " ".join([e.body.get(lang, ""), e.title(lang), str(e.text("kurz", lang)), str(e.text("zweck", lang) or "")])))
    candidates = sorted((everywhere[w], w, slug) for slug, found in bodies.items() for w in found
                        if w not in words(tools[slug].title(lang)))
    assert candidates, f"no tool has a body text in {lang}"
    _, word, slug = candidates[0]
    return slug, word


def results(page) -> list[dict[str, str]]:
    """The options the header box lists for the current query."""
    return page.eval_on_selector_all(
        RESULT_LINKS, "els => els.map(a => ({href: a.dataset.href, type: a.querySelector('.kb-search__type').textContent,"
                      " title: a.querySelector('.kb-search__title').textContent}))")


RESULTS_PAGE = {"de": "suche/", "en": "en/search/"}


def all_results(page, site_url: str, lang: str, query: str) -> list[dict[str, str]]:
    """Every result of a query, from the results page, following its pages."""
    found: list[dict[str, str]] = []
    page.goto(f"{site_url}{RESULTS_PAGE[lang]}?q={quote(query)}")
    for _ in range(100):
        page.wait_for_function("() => /\\d/.test((document.querySelector('.kb-results__status') || {}).textContent)")
        found += page.eval_on_selector_all(
            ".kb-results__list > li", "els => els.map(li => ({href: li.querySelector('a').href,"
            " type: li.querySelector('.kb-search__type').textContent, title: li.querySelector('a').textContent}))")
        following = page.locator(".kb-results__pages a[rel=next]")
        if not following.count():
            return found
        # Followed as a visitor's click would, once the page has loaded: Back then returns here.
        with page.expect_navigation(wait_until="load"):
            following.click()
    raise AssertionError("the results page never ends")


def search(page, text: str) -> None:
    page.locator(BOX).fill(text)
    page.wait_for_function("() => document.querySelector('.kb-search [role=status]').textContent.trim() !== ''",
                           timeout=15_000)


@pytest.mark.parametrize("lang", LANGS)
def test_opening_a_page_loads_no_search_index(tab, kb, site_url: str, lang: str) -> None:
    t = tab()
    slug = sorted(kb.collection("werkzeug"))[0]
    t.page.goto(f"{site_url}{LANGS[lang]}werkzeuge/{slug}/", wait_until="networkidle")
    assert not [u for u in t.requests if "/pagefind/" in u]
    # The first focus of the box fetches the search, and only from this site.
    t.page.locator(BOX).focus()
    t.page.wait_for_load_state("networkidle")
    assert any(u.endswith("/pagefind/pagefind.js") for u in t.requests)


@pytest.mark.parametrize("lang", LANGS)
def test_search_finds_a_tool_by_a_word_of_its_body(tab, kb, site_url: str, lang: str) -> None:
    slug, word = body_word(kb, lang)
    t = tab()
    t.page.goto(site_url + LANGS[lang])
    search(t.page, word)
    shown = results(t.page)
    status = t.page.locator(".kb-search [role=status]")
    announced = status.inner_text()
    found = all_results(t.page, site_url, lang, word)
    page_url = f"{site_url}{LANGS[lang]}werkzeuge/{slug}/"
    hits = [r for r in found if r["href"] == page_url]
    assert hits, f"searching {word!r} should find {page_url}; found {[r['href'] for r in found]}"
    assert hits[0]["type"] == TYPE_LABEL[lang]
    assert hits[0]["title"] == kb.collection("werkzeug")[slug].title(lang)
    # Results in the reader's language only.
    english = [r["href"] for r in found if r["href"].startswith(site_url + "en/")]
    assert english == ([r["href"] for r in found] if lang == "en" else [])
    # The box shows the first of them, in the same order; the count of all is announced.
    assert [r["href"] for r in shown] == [r["href"] for r in found][: len(shown)]
    assert status.get_attribute("aria-live") == "polite"
    assert re.match(rf"{len(found)}\b", announced), announced


@pytest.mark.parametrize("lang", LANGS)
def test_a_glossary_hit_leads_to_its_term(tab, kb, site_url: str, lang: str) -> None:
    names = {slug: term.title(lang) for slug, term in kb.terms.items()}
    # A one-word term that no other term's name starts with, so the hit must lead to this one.
    slug, name = next((slug, name) for slug, name in sorted(names.items()) if re.fullmatch(r"[^\W\d_]{6,}", name)
                      and not any(w.lower().startswith(name.lower()) for s, other in names.items() if s != slug
                                  for w in other.split()))
    t = tab()
    t.page.goto(site_url + LANGS[lang])
    search(t.page, name)
    hits = [r for r in all_results(t.page, site_url, lang, name) if r["href"] == f"{site_url}{LANGS[lang]}glossar/#{slug}"]
    assert hits, f"searching {name!r} should lead to the glossary's term {slug}"
    assert hits[0]["type"] == {"de": "Glossar", "en": "Glossary"}[lang] and hits[0]["title"] == name


# German words in two forms that German stemming takes as one.
FORMS = [("Werkstätten", "Werkstatt"), ("Werkstatt", "Werkstätten"), ("Städte", "Stadt"), ("Gemeinden", "Gemeinde"),
         ("Kommunen", "Kommune"), ("Bürgermeisterinnen", "Bürgermeisterin"), ("Projekte", "Projekt")]


def test_german_search_finds_other_forms_of_a_word(tab, kb, built_site: Path, site_url: str) -> None:
    """E.g. 'Werkstätten' finds a tool page that says 'Werkstatt' but never 'Werkstätten'."""
    def page_text(slug: str) -> str:
        html = (built_site / "werkzeuge" / slug / "index.html").read_text(encoding="utf-8")
        return re.sub(r"<[^>]+>", " ", html.split("data-pagefind-body", 1)[1])

    texts = {slug: page_text(slug) for slug in kb.collection("werkzeug")}
    pairs = [(typed, {slug for slug, text in texts.items()
                      if re.search(rf"\b{said}\b", text) and not re.search(rf"\b{typed}\b", text)})
             for typed, said in FORMS]
    typed, pages = next(((typed, pages) for typed, pages in pairs if pages), (None, set()))
    assert typed, f"no tool page has just one of the forms {FORMS}"
    t = tab()
    found = {r["href"] for r in all_results(t.page, site_url, "de", typed)}
    missing = [slug for slug in pages if f"{site_url}werkzeuge/{slug}/" not in found]
    assert not missing, f"searching {typed!r} does not find {missing}"


def test_search_by_keyboard_on_a_wide_screen(tab, kb, site_url: str) -> None:
    """The WAI-ARIA combobox pattern: the focus stays in the box, the arrows move the active
    option, Enter opens it, Escape closes the list; Enter without an option leads to all results."""
    t = tab(1280)
    page = t.page
    page.goto(site_url + "glossar/")
    page.keyboard.press("/")
    box = page.locator(BOX)
    assert page.evaluate("document.activeElement.matches('.kb-search__input')")
    assert box.get_attribute("aria-expanded") == "false"
    _slug, word = body_word(kb, "de")
    page.keyboard.type(word)
    page.wait_for_selector(RESULT_LINKS)
    assert box.get_attribute("aria-expanded") == "true"
    options = page.locator(".kb-search__results [role=option]")
    ids = options.evaluate_all("els => els.map(e => e.id)")
    in_box = lambda: page.evaluate("document.activeElement.matches('.kb-search__input')")  # noqa: E731
    page.keyboard.press("ArrowDown")
    assert in_box() and box.get_attribute("aria-activedescendant") == ids[0]
    assert options.nth(0).get_attribute("aria-selected") == "true"
    if len(ids) > 1:
        page.keyboard.press("ArrowDown")
        assert box.get_attribute("aria-activedescendant") == ids[1]
        page.keyboard.press("ArrowUp")
        assert box.get_attribute("aria-activedescendant") == ids[0]
    # One Escape closes the list, wherever the active option was; the focus is in the box.
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Escape")
    assert page.locator(".kb-search__panel").is_hidden() and in_box()
    assert box.get_attribute("aria-expanded") == "false" and box.get_attribute("aria-activedescendant") is None
    # ArrowDown opens it again; Enter on the active option opens that page.
    page.keyboard.press("ArrowDown")
    assert box.get_attribute("aria-expanded") == "true"
    page.keyboard.press("ArrowDown")
    first = page.locator(f"#{ids[0]}").get_attribute("data-href")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == first
    # Enter without a chosen option: the results page, the query in its address; Back returns.
    page.go_back()
    page.locator(BOX).fill(word)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == f"{site_url}suche/?q={quote(word)}"
    page.wait_for_selector(".kb-results__list > li")
    page.go_back()
    assert page.url.startswith(site_url + "werkzeuge/") or page.url.startswith(site_url + "glossar/")


def test_an_escape_from_anywhere_in_the_search_closes_the_list(tab, kb, site_url: str) -> None:
    t = tab(1280)
    page = t.page
    page.goto(site_url)
    _, word = body_word(kb, "de")
    search(page, word)
    page.locator(".kb-search__all").focus()  # the last thing in the list's panel
    page.keyboard.press("Escape")
    assert page.locator(".kb-search__panel").is_hidden()
    assert page.evaluate("document.activeElement.matches('.kb-search__input')")


def test_screen_readers_meet_a_combobox_with_a_named_listbox(tab, kb, site_url: str) -> None:
    """Chromium's accessibility tree, as a screen reader gets it."""
    t = tab(1280)
    page = t.page
    page.goto(site_url + "en/")
    _, word = body_word(kb, "en")
    search(page, word)
    page.keyboard.press("ArrowDown")
    tree = page.locator(".kb-search").aria_snapshot()
    assert re.search(r'- search "Search the site":', tree), tree
    assert re.search(r'- combobox "Search the site" \[expanded\]', tree), tree
    assert re.search(r'- listbox "Search results":', tree), tree
    assert re.search(r'- option ".+" \[selected\]', tree), tree
    count = page.locator(".kb-search [role=status]").inner_text()
    assert re.match(r"\d+ results?$", count) and page.locator(".kb-search [role=status]").get_attribute("aria-live") == "polite"


def test_search_by_keyboard_on_a_phone(tab, kb, site_url: str) -> None:
    t = tab(375)
    page = t.page
    page.goto(site_url + "en/")
    assert page.locator(BOX).is_hidden()
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('.kb-search__open')"):
            break
    else:
        raise AssertionError("Tab never reaches the button that opens the search")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.matches('.kb-search__input')")
    assert page.locator(".kb-search__open").get_attribute("aria-expanded") == "true"
    slug, word = body_word(kb, "en")
    page.keyboard.type(word)
    page.wait_for_selector(RESULT_LINKS)
    assert f"{site_url}en/werkzeuge/{slug}/" in {r["href"] for r in results(page)}
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    assert page.locator(BOX).is_hidden()
    assert page.evaluate("document.activeElement.matches('.kb-search__open')")


def test_several_words_rank_pages_with_all_first_and_never_leave_the_list_empty(tab, kb, built_site: Path, site_url: str) -> None:
    """A word no page has beside one that some have: the pages with the one follow, and the
    results say which of the words they have."""
    _, word = body_word(kb, "de")
    missing = "Quarkxylophon"
    assert not any(missing.lower() in p.read_text(encoding="utf-8").lower() for p in built_site.rglob("*.html"))
    t = tab(1280)
    t.page.goto(site_url)
    search(t.page, f"{word} {missing}")
    assert results(t.page), "one word finds pages: the list must not be empty"
    summary = t.page.locator(".kb-search__summary").inner_text()
    assert word.lower() in summary.lower() and missing.lower() not in summary.lower(), summary
    found = all_results(t.page, site_url, "de", f"{word} {missing}")
    assert found
    said = t.page.locator(".kb-results__matched").all_inner_texts()
    # Each names the word, or the part of it a page has when the word is a compound (its end).
    named = [w.strip().lower() for s in said for w in s.split(":", 1)[1].split(",")]
    assert named and all(word.lower().endswith(w) for w in named), said


@pytest.mark.parametrize("lang", LANGS)
def test_the_results_page_lists_every_result_in_pages(tab, kb, site_url: str, lang: str) -> None:
    # The word most tools' texts have: more results than one page shows.
    counts = Counter(w for e in kb.collection("werkzeug").values() if e.translated(lang)
                     for w in {w.lower() for w in re.findall(r"[^\W\d_]{6,}", e.body.get(lang, ""))})
    # Ties broken by the word itself: a set's order changes from run to run (hash seeds), and so
    # did the word this test searched for.
    word, tools = min(counts.items(), key=lambda item: (-item[1], item[0]))
    t = tab(375)
    found = all_results(t.page, site_url, lang, word)
    status = re.match(r"\d+", t.page.locator(".kb-results__status").inner_text())
    assert status, "the status names no number of results"
    total = int(status[0])
    assert len(found) == total >= tools > 10
    assert len({r["href"] for r in found}) == total, "a result is listed twice"
    assert {r["type"] for r in found} >= {TYPE_LABEL[lang]}
    # The query and the page number are in the address: Back leads to the previous page.
    assert "seite=" in t.page.url and f"q={quote(word)}" in t.page.url
    last = t.page.url
    t.page.go_back()
    t.page.wait_for_selector(".kb-results__list > li")
    number = int(parse_qs(urlsplit(t.page.url).query).get("seite", ["1"])[0])
    assert t.page.url != last and number < int(parse_qs(urlsplit(last).query)["seite"][0])
    assert t.page.locator(".kb-results__list").get_attribute("start") == str((number - 1) * 10 + 1)


@pytest.mark.parametrize("lang", LANGS)
def test_without_javascript_the_results_page_says_why_and_where_to_go(browser, site_url: str, lang: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}{RESULTS_PAGE[lang]}?q=Beteiligung")
    note = page.locator(".kb-results__nojs")
    assert note.is_visible() and "JavaScript" in note.inner_text()
    targets = set(note.locator("a").evaluate_all("els => els.map(a => a.href)"))
    assert {f"{site_url}{LANGS[lang]}werkzeuge/", f"{site_url}{LANGS[lang]}glossar/"} <= targets
    assert page.locator(".kb-results__form").is_hidden()
    context.close()


def test_enter_in_the_english_box_leads_to_the_english_results_page(tab, kb, site_url: str) -> None:
    t = tab(1280)
    page = t.page
    page.goto(site_url + "en/glossar/")
    _, word = body_word(kb, "en")
    page.locator(BOX).fill(word)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == f"{site_url}en/search/?q={quote(word)}"
    page.wait_for_selector(".kb-results__list > li")
    assert page.locator("html").get_attribute("lang") == "en"
