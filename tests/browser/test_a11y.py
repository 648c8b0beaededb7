"""Every page type, as a visitor meets it in real Chromium: accessible, private, usable by keyboard.

Each page type is opened in German and English, 375 px and 1280 px wide, in the light and the dark
colour scheme (the scheme a visitor's system asks for; Material's palette follows it until the
visitor picks one with the toggle). Checks:

- axe-core finds no violation of the WCAG 2.0/2.1 A and AA rules (BITV 2.0), the page asks no
  host but the site's own for anything, and its Content-Security-Policy blocks nothing it uses;
- the site search's results pass the same checks;
- a skip link is the first stop of the Tab key and leads into the content;
- every Tab stop shows a visible focus indicator and is on the screen (a closed drawer's links are
  no Tab stops), and Tab walks through the page to the footer without getting stuck, in a browser
  context shared with every page visited before, as a visitor's browser is.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import pytest

from support.serve import serving_as_pages
from support.site_pages import site_path

if TYPE_CHECKING:
    from playwright.sync_api import BrowserContext


WCAG_A_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
WIDTHS = [375, 1280]
SCHEMES = {"light": "default", "dark": "slate"}  # what Material writes into body[data-md-color-scheme]
LANGS = {"de": "", "en": "en/"}

# One page of each type; the tool and project are real entries of the knowledge base.
PAGES = {
    "start": "",
    "tools": "werkzeuge/",
    "projects": "modellvorhaben/",
    "tool": "werkzeuge/zukunftswerkstatt/",
    "project": "modellvorhaben/attraktiv-wohnen-in-der-kleinstadt/",
    "topic": "themen/wohnen/",
    "facet-value": "werkzeuge/formattyp/werkstatt/",
    "events": "veranstaltungen/",
    "event": "veranstaltungen/sondierungsworkshop-digitale-transformation/",
    "media": "medien/",
    "medium": "medien/zukunftswerkstaetten-jungk-muellert/",
    "finder": "methodenfinder/",
    "topics": "themen/",
    "glossary": "glossar/",
    "legal-notice": "impressum/",
    "privacy": "datenschutz/",
    "accessibility": "barrierefreiheit/",
    "easy-read": "leichte-sprache/",
    "search-results": "suche/?q=Beteiligung",
    # Not a file: the host answers every unknown address with the site's 404.html (GitHub Pages).
    "not-found": "gibt-es-nicht/",
}
SEARCH_NAME = re.compile(r"such|search", re.I)
SEARCH_QUERY = "Zukunftswerkstatt"


# -- serving the site as GitHub Pages does ---------------------------------------------------------

@pytest.fixture(scope="module")
def pages_url(built_site: Path) -> Iterator[str]:
    with serving_as_pages(built_site, site_path(built_site)) as address:
        yield address


# -- one browser context per viewport and scheme ---------------------------------------------------

@pytest.fixture(scope="module")
def contexts(browser) -> Iterator[object]:
    made: dict[tuple, BrowserContext] = {}

    def get(width: int, scheme: str, *, fresh: bool = False):
        # fresh: a context of its own, with no history, storage or focus left by earlier pages.
        key = (width, scheme, len(made)) if fresh else (width, scheme)
        if key not in made:
            made[key] = browser.new_context(
                viewport={"width": width, "height": 800}, color_scheme=scheme, reduced_motion="reduce",
            )
        return made[key]

    yield get
    for context in made.values():
        context.close()


class Visit:
    """A page opened in the browser, with every request it made."""

    def __init__(self, context, url: str, *, expect_status: int, wait: str) -> None:
        self.page = context.new_page()
        self.requests: list[str] = []
        self.page.on("request", lambda request: self.requests.append(request.url))
        # What the Content-Security-Policy blocked: something the page needs does not work.
        self.blocked: list[str] = []
        self.page.on("console", lambda message: self.blocked.append(message.text)
                     if "Content Security Policy" in message.text else None)
        response = self.page.goto(url, wait_until=wait)
        assert response is not None and response.status == expect_status, \
            f"{url} answered {response.status if response else 'nothing'}, expected {expect_status}"

    def foreign_requests(self, own: str) -> list[str]:
        origin = "{0.scheme}://{0.netloc}/".format(urlsplit(own))
        return [url for url in self.requests
                if not url.startswith(origin) and not url.startswith(("data:", "blob:", "about:"))]

    def close(self) -> None:
        self.page.close()


@pytest.fixture
def visit(contexts, site_url: str, pages_url: str) -> Iterator:
    opened: list[Visit] = []

    def open_page(kind: str, lang: str, width: int, scheme: str, *, wait: str = "networkidle",
                  fresh: bool = False) -> tuple[Visit, str]:
        base = pages_url if kind == "not-found" else site_url
        url = base + LANGS[lang] + PAGES[kind]
        page = Visit(contexts(width, scheme, fresh=fresh), url, expect_status=404 if kind == "not-found" else 200,
                     wait=wait)
        opened.append(page)
        shown = page.page.evaluate("document.body.getAttribute('data-md-color-scheme')")
        assert shown == SCHEMES[scheme], f"{url}: asked for the {scheme} scheme, the page shows {shown!r}"
        return page, url

    yield open_page
    for page in opened:
        page.close()


def _describe(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        targets = ", ".join(" ".join(node["target"]) for node in v["nodes"][:4])
        more = f" (+{len(v['nodes']) - 4} more)" if len(v["nodes"]) > 4 else ""
        lines.append(f"{v['id']} ({v['impact']}): {v['help']} - {len(v['nodes'])} element(s): {targets}{more}")
    return "\n".join(lines)


@pytest.fixture(scope="module")
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


def axe_violations(axe, page) -> list[dict]:
    return axe.run(page, options=WCAG_A_AA).response["violations"]


COMBINATIONS = [
    pytest.param(kind, lang, width, scheme, id=f"{kind}-{lang}-{width}-{scheme}")
    for kind in PAGES for lang in LANGS for width in WIDTHS for scheme in SCHEMES
]


# -- accessibility and privacy of every page type -------------------------------------------------

@pytest.mark.parametrize("kind, lang, width, scheme", COMBINATIONS)
def test_accessible_and_private(visit, axe, kind: str, lang: str, width: int, scheme: str) -> None:
    """One visit, three findings: WCAG violations, requests that left the site, and what the
    page's Content-Security-Policy had to block."""
    page, url = visit(kind, lang, width, scheme, wait="load")
    # Scroll to the end as a reader does: lazy content may load only then.
    page.page.mouse.wheel(0, 50_000)
    page.page.wait_for_load_state("networkidle")
    page.page.mouse.wheel(0, -50_000)
    violations = axe_violations(axe, page.page)
    assert page.requests, "no request recorded: the recorder is broken"
    foreign = page.foreign_requests(url)
    problems = ([f"WCAG A/AA violations:\n{_describe(violations)}"] if violations else []) + \
               ([f"requests to other hosts: {foreign}"] if foreign else []) + \
               ([f"blocked by the Content-Security-Policy: {page.blocked}"] if page.blocked else [])
    assert not problems, f"{url} ({width}px, {scheme} scheme):\n" + "\n".join(problems)


# -- the site search -------------------------------------------------------------------------------

def _search_box(page):
    """The site search's text box, found by its accessible name as a visitor's screen reader does."""
    for role in ("searchbox", "combobox", "textbox"):
        boxes = page.get_by_role(role, name=SEARCH_NAME)
        for i in range(boxes.count()):
            if boxes.nth(i).is_visible():
                return boxes.nth(i)
    return None


def open_search(page):
    """Open the site search the way a visitor does: the box itself, or the button that shows it."""
    box = _search_box(page)
    if box is None:
        for role in ("button", "link"):
            openers = page.get_by_role(role, name=SEARCH_NAME)
            if openers.count() and openers.first.is_visible():
                openers.first.click()
                box = _search_box(page)
                break
    assert box is not None, "the page has no visible site search box named 'Suche'/'Search' (nor a button opening it)"
    return box


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("scheme", SCHEMES)
def test_search_results_are_accessible_and_stay_on_the_site(visit, axe, lang: str, width: int, scheme: str) -> None:
    page, url = visit("start", lang, width, scheme)
    # A link, or a listbox option that names the page (options hold no links).
    links = page.page.locator("a[href*='zukunftswerkstatt']:visible, [role=option][data-href*='zukunftswerkstatt']:visible")
    before = links.count()
    box = open_search(page.page)
    box.fill(SEARCH_QUERY)
    page.page.wait_for_function(
        "([n]) => [...document.querySelectorAll(\"a[href*='zukunftswerkstatt'], [role=option][data-href*='zukunftswerkstatt']\")]"
        ".filter(a => a.offsetParent !== null).length > n",
        arg=[before], timeout=10_000,
    )
    page.page.wait_for_load_state("networkidle")
    violations = axe_violations(axe, page.page)
    assert not violations, f"search results on {url} ({width}px, {scheme}):\n{_describe(violations)}"
    assert page.foreign_requests(url) == []
    assert page.blocked == [], "the Content-Security-Policy blocked part of the search"


# -- keyboard --------------------------------------------------------------------------------------

# A form control that is drawn by a label instead of itself: Material's colour-scheme radios are
# hidden and the label beside the checked one is the button a reader sees (and where its focus ring
# is drawn, with ".md-option:focus-visible + label").
_DRAWN_BY = """
const drawnBy = (el) => {
  const next = el.nextElementSibling;
  return [...(el.labels || []), ...(next && next.tagName === 'LABEL' ? [next] : [])];
};
"""

# How elements look: outline, shadow, background and stroke (a change of the text colour alone is
# too faint to count) of the element, of what draws it and of a few ancestors (a card shows the
# focus of the link inside it with :focus-within).
_LOOK = _DRAWN_BY + """
const look = (el) => {
  const one = (e) => { const s = getComputedStyle(e);
    const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0
      ? `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}` : 'none';
    return `${outline} | ${s.boxShadow} | ${s.backgroundColor} | ${s.stroke} ${s.strokeWidth}`; };
  const parts = [el, ...drawnBy(el)];
  // An SVG link is drawn by its shapes: a ring around a map dot is the stroke of a child.
  if (el instanceof SVGElement) parts.push(...[...el.querySelectorAll('*')].slice(0, 5));
  for (let e = el.parentElement, i = 0; e && i < 3; e = e.parentElement, i++) parts.push(e);
  return parts.map(one);
};
"""

# One Tab stop: what has focus, whether a reader can see it, and how it looks; the element is
# marked with its number so that a second visit is recognised.
_STOP = "(i) => {" + _LOOK + """
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const seen = el.getAttribute('data-kb-stop');
  if (seen === null) el.setAttribute('data-kb-stop', String(i));
  const shown = [el, ...drawnBy(el)].some(e => { const r = e.getBoundingClientRect();
    const s = getComputedStyle(e);
    return r.width > 1 && r.height > 1 && s.visibility !== 'hidden' && s.opacity !== '0'; });
  // On the screen: a closed drawer moved aside (x = -242 px) would take the focus out of sight.
  const onScreen = [el, ...drawnBy(el)].some(e => { const r = e.getBoundingClientRect();
    return r.right > 0 && r.left < innerWidth && r.bottom > 0 && r.top < innerHeight; });
  const path = []; for (let e = el; e && e.nodeType === 1; e = e.parentElement)
    path.unshift(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') +
      (e.classList.length ? '.' + [...e.classList].filter(c => c !== 'focus-visible').join('.') : ''));
  return {seen: seen === null ? null : Number(seen), path: path.slice(-3).join(' > '),
          text: (el.innerText || el.getAttribute('aria-label') || el.getAttribute('title') || '').trim().slice(0, 40),
          shown, onScreen, inFooter: !!el.closest('footer'), look: look(el)};
}
"""

# The same elements after focus has left them.
_UNFOCUSED = "() => {" + _LOOK + """
  if (document.activeElement) document.activeElement.blur();
  return [...document.querySelectorAll('[data-kb-stop]')].map(el => [Number(el.dataset.kbStop), look(el)]);
}
"""


class Walk:
    """What pressing Tab again and again does on a page."""

    def __init__(self, page) -> None:
        self.stops: list[dict] = []
        self.stuck: dict | None = None  # Tab left focus where it was
        self.loop: tuple[dict, dict] | None = None  # Tab came back to an earlier element before the end
        budget = page.evaluate(
            "document.querySelectorAll('a[href], area[href], button, input, select, textarea, summary, iframe,"
            " [tabindex], [contenteditable]').length"
        ) + 10
        for _ in range(budget):
            page.keyboard.press("Tab")
            stop = page.evaluate(_STOP, len(self.stops))
            if stop is None:
                break  # focus left the page's elements: the walk is complete
            if stop["seen"] is not None:
                if stop["seen"] == len(self.stops) - 1:
                    self.stuck = stop
                elif not self.reached_footer:
                    self.loop = (self.stops[-1], stop)
                break  # back at the start (or caught): every element has had its turn
            self.stops.append(stop)
        self.unfocused = dict(page.evaluate(_UNFOCUSED))

    @property
    def reached_footer(self) -> bool:
        return any(stop["inFooter"] for stop in self.stops)

    def without_indicator(self) -> list[dict]:
        return [stop for i, stop in enumerate(self.stops) if self.unfocused.get(i) == stop["look"]]


def _name(stop: dict) -> str:
    return f"{stop['path']} '{stop['text']}'"


KEYBOARD = [
    pytest.param(kind, lang, width, id=f"{kind}-{lang}-{width}")
    for kind in PAGES for lang in LANGS for width in WIDTHS
]


@pytest.mark.parametrize("kind, lang, width", KEYBOARD)
def test_skip_link_leads_into_the_content(visit, kind: str, lang: str, width: int) -> None:
    page, url = visit(kind, lang, width, "light", wait="load")
    page.page.keyboard.press("Tab")
    first = page.page.evaluate(
        "() => { const a = document.activeElement; const r = a.getBoundingClientRect();"
        " return {tag: a.tagName, href: a.getAttribute('href') || '', text: a.innerText.trim(),"
        " visible: r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight"
        " && getComputedStyle(a).opacity !== '0'}; }"
    )
    assert first["tag"] == "A" and first["href"].startswith("#"), f"{url}: the first Tab stop is no skip link: {first}"
    assert first["visible"], f"{url}: the skip link is not visible when focused: {first}"
    page.page.keyboard.press("Enter")
    page.page.keyboard.press("Tab")
    landed = page.page.evaluate(
        """() => {
          const target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
          const a = document.activeElement;
          // The page's own content: Material's main element also holds the sidebars.
          const content = document.querySelector('.md-content, article, main, [role=main]');
          return {target: !!target, inContent: !!(target && content && content.contains(target)),
                  after: !!(target && (target === a || target.contains(a) ||
                            (target.compareDocumentPosition(a) & Node.DOCUMENT_POSITION_FOLLOWING))),
                  navigation: !content.contains(a) && !!a.closest('header, nav, .md-sidebar')};
        }"""
    )
    assert landed["target"] and landed["inContent"], f"{url}: the skip link's target is not in the content: {landed}"
    assert landed["after"] and not landed["navigation"], \
        f"{url}: after the skip link, Tab goes back into the navigation instead of the content: {landed}"


@pytest.mark.parametrize("kind, lang, width", KEYBOARD)
def test_tab_shows_focus_and_reaches_the_footer(visit, kind: str, lang: str, width: int) -> None:
    # In the context shared with every earlier page, as a visitor's browser is.
    page, url = visit(kind, lang, width, "light", wait="load")
    if kind == "search-results":
        # The results arrive after the page has loaded; a walk begun earlier measures the footer
        # before the list pushes it down, and finds focus "off screen" where it no longer is.
        page.page.locator(".kb-results__list > li").first.wait_for()
    walk = Walk(page.page)
    assert len(walk.stops) > 3, f"{url}: Tab reaches only {len(walk.stops)} element(s)"
    assert walk.stuck is None, f"{url}: Tab leaves focus on {_name(walk.stuck or {})}"
    assert walk.loop is None, \
        f"{url}: Tab goes from {_name(walk.loop[0])} back to {_name(walk.loop[1])}, never reaching the footer"
    assert walk.reached_footer, \
        f"{url}: Tab never reaches the footer: after {[_name(s) for s in walk.stops[-3:]]} focus is lost"
    hidden = [_name(stop) for stop in walk.stops if not stop["shown"]]
    assert not hidden, f"{url}: focus lands on elements the reader cannot see: {hidden[:5]}"
    away = [_name(stop) for stop in walk.stops if not stop["onScreen"]]
    assert not away, f"{url}: focus lands on elements outside the screen: {away[:5]}"
    plain = [_name(stop) for stop in walk.without_indicator()]
    assert not plain, f"{url}: no visible focus indicator (outline, shadow, background or stroke) on: {plain[:8]}"


@pytest.mark.parametrize("lang", LANGS)
def test_the_back_to_top_control_never_takes_the_focus(visit, lang: str) -> None:
    """Why the keyboard walk on a short catalogue lost its focus now and then: when Tab scrolled the
    page up (through the map), the theme showed its back-to-top button and made it focusable; a Tab
    that reached it before the theme hid it again (and blurred it) dropped the focus to the page's
    start. Here the button is shown on purpose, and Tab from the last link of the content must go
    on to the next link and stay there."""
    page, url = visit("tool", lang, 1280, "light", wait="load")
    tab = page.page
    tab.mouse.wheel(0, 4000)
    tab.wait_for_timeout(400)
    tab.mouse.wheel(0, -600)
    tab.wait_for_function("() => { const t = document.querySelector('[data-md-component=top]'); return t && !t.hidden; }")
    tab.evaluate("() => document.querySelector('.kb-page-edit a, .md-content a:last-of-type').focus({preventScroll: true})")
    tab.keyboard.press("Tab")
    where = "() => { const a = document.activeElement; return {top: !!a.closest('[data-md-component=top]'), tag: a.tagName}; }"
    landed = tab.evaluate(where)
    assert not landed["top"] and landed["tag"] != "BODY", f"{url}: Tab after the content went to {landed}"
    tab.wait_for_timeout(500)  # the theme hides its control 250 ms after showing it
    assert tab.evaluate(where)["tag"] != "BODY", f"{url}: the focus was lost after Tab"
