"""The site search as a visitor uses it, in real Chromium on the real site.

What to search for comes from the sources (a word of a tool's body text), never from the page.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Iterator
from urllib.parse import urlsplit

import pytest

from toolkit.model import KnowledgeBase

pytestmark = pytest.mark.browser

LANGS = {"de": "", "en": "en/"}
TYPE_LABEL = {"de": "Werkzeug", "en": "Tool"}
BOX = ".kb-search__input"
RESULT_LINKS = ".kb-search__results a"


class Tab:
    """A browser page that records every request and the bytes of every response."""

    def __init__(self, browser, width: int) -> None:  # type: ignore[no-untyped-def]
        self.context = browser.new_context(viewport={"width": width, "height": 900})
        self.page = self.context.new_page()
        self.requests: list[str] = []
        self.page.on("request", lambda request: self.requests.append(request.url))

    def foreign(self, site_url: str) -> list[str]:
        origin = "{0.scheme}://{0.netloc}/".format(urlsplit(site_url))
        return [u for u in self.requests if not u.startswith((origin, "data:", "blob:", "about:"))]


@pytest.fixture
def tab(browser, site_url: str) -> Iterator:  # type: ignore[no-untyped-def]
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


def results(page) -> list[dict[str, str]]:  # type: ignore[no-untyped-def]
    """Every result of the current query: 'more' is pressed until all are listed."""
    for _ in range(50):
        more = page.locator(".kb-search__more")
        if more.is_hidden():
            break
        count = page.locator(RESULT_LINKS).count()
        more.click()
        page.wait_for_function(f"() => document.querySelectorAll('{RESULT_LINKS}').length > {count}")
    return page.eval_on_selector_all(
        RESULT_LINKS, "els => els.map(a => ({href: a.href, type: a.querySelector('.kb-search__type').textContent,"
                      " title: a.querySelector('.kb-search__title').textContent}))")


def search(page, text: str) -> None:  # type: ignore[no-untyped-def]
    page.locator(BOX).fill(text)
    page.wait_for_function("() => document.querySelector('.kb-search [role=status]').textContent.trim() !== ''",
                           timeout=15_000)


@pytest.mark.parametrize("lang", LANGS)
def test_opening_a_page_loads_no_search_index(tab, kb, site_url: str, lang: str) -> None:  # type: ignore[no-untyped-def]
    t = tab()
    slug = sorted(kb.collection("werkzeug"))[0]
    t.page.goto(f"{site_url}{LANGS[lang]}werkzeuge/{slug}/", wait_until="networkidle")
    assert not [u for u in t.requests if "/pagefind/" in u]
    # The first focus of the box fetches the search, and only from this site.
    t.page.locator(BOX).focus()
    t.page.wait_for_load_state("networkidle")
    assert any(u.endswith("/pagefind/pagefind.js") for u in t.requests)


@pytest.mark.parametrize("lang", LANGS)
def test_search_finds_a_tool_by_a_word_of_its_body(tab, kb, site_url: str, lang: str) -> None:  # type: ignore[no-untyped-def]
    slug, word = body_word(kb, lang)
    t = tab()
    t.page.goto(site_url + LANGS[lang])
    search(t.page, word)
    found = results(t.page)
    page_url = f"{site_url}{LANGS[lang]}werkzeuge/{slug}/"
    hits = [r for r in found if r["href"] == page_url]
    assert hits, f"searching {word!r} should find {page_url}; found {[r['href'] for r in found]}"
    assert hits[0]["type"] == TYPE_LABEL[lang]
    assert hits[0]["title"] == kb.collection("werkzeug")[slug].title(lang)
    # Results in the reader's language only.
    english = [r["href"] for r in found if r["href"].startswith(site_url + "en/")]
    assert english == ([r["href"] for r in found] if lang == "en" else [])
    # The count is announced.
    status = t.page.locator(".kb-search [role=status]")
    assert status.get_attribute("aria-live") == "polite"
    assert re.match(rf"{len(found)}\b", status.inner_text()), status.inner_text()


@pytest.mark.parametrize("lang", LANGS)
def test_a_glossary_hit_leads_to_its_term(tab, kb, site_url: str, lang: str) -> None:  # type: ignore[no-untyped-def]
    names = {slug: term.title(lang) for slug, term in kb.terms.items()}
    # A one-word term that no other term's name starts with, so the hit must lead to this one.
    slug, name = next((slug, name) for slug, name in sorted(names.items()) if re.fullmatch(r"[^\W\d_]{6,}", name)
                      and not any(w.lower().startswith(name.lower()) for s, other in names.items() if s != slug
                                  for w in other.split()))
    t = tab()
    t.page.goto(site_url + LANGS[lang])
    search(t.page, name)
    hits = [r for r in results(t.page) if r["href"] == f"{site_url}{LANGS[lang]}glossar/#{slug}"]
    assert hits, f"searching {name!r} should lead to the glossary's term {slug}"
    assert hits[0]["type"] == {"de": "Glossar", "en": "Glossary"}[lang] and hits[0]["title"] == name


# German words in two forms that German stemming takes as one.
FORMS = [("Werkstätten", "Werkstatt"), ("Werkstatt", "Werkstätten"), ("Städte", "Stadt"), ("Gemeinden", "Gemeinde"),
         ("Kommunen", "Kommune"), ("Bürgermeisterinnen", "Bürgermeisterin"), ("Projekte", "Projekt")]


def test_german_search_finds_other_forms_of_a_word(tab, kb, built_site: Path, site_url: str) -> None:  # type: ignore[no-untyped-def]
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
    t.page.goto(site_url)
    search(t.page, typed)
    found = {r["href"] for r in results(t.page)}
    missing = [slug for slug in pages if f"{site_url}werkzeuge/{slug}/" not in found]
    assert not missing, f"searching {typed!r} does not find {missing}"


def test_search_by_keyboard_on_a_wide_screen(tab, kb, site_url: str) -> None:  # type: ignore[no-untyped-def]
    t = tab(1280)
    page = t.page
    page.goto(site_url + "glossar/")
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.matches('.kb-search__input')")
    slug, word = body_word(kb, "de")
    page.keyboard.type(word)
    page.wait_for_selector(RESULT_LINKS)
    first, second = page.eval_on_selector_all(RESULT_LINKS, "els => els.slice(0, 2).map(a => a.href)") + [None] * (
        2 - min(2, page.locator(RESULT_LINKS).count()))
    active = lambda: page.evaluate("document.activeElement.href || document.activeElement.className")  # noqa: E731
    page.keyboard.press("ArrowDown")
    assert active() == first
    if second:
        page.keyboard.press("ArrowDown")
        assert active() == second
        page.keyboard.press("ArrowUp")
        assert active() == first
    page.keyboard.press("ArrowUp")
    assert "kb-search__input" in active()
    page.keyboard.press("Escape")
    assert page.locator(".kb-search__panel").is_hidden()
    page.keyboard.press("ArrowDown")  # nothing to move to while the results are closed
    assert "kb-search__input" in active()
    page.keyboard.type(" ")
    page.wait_for_selector(".kb-search__panel:not([hidden]) " + RESULT_LINKS)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == first


def test_search_by_keyboard_on_a_phone(tab, kb, site_url: str) -> None:  # type: ignore[no-untyped-def]
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
