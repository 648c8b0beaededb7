"""Events in a browser: the event pages and the catalogue with dates pass axe at both widths and in
both languages, and a filter hides the year groups it empties."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from support.built_projects import the_events
from support.serve import serving
from toolkit.content import events, urls
from toolkit.content.model import KnowledgeBase

LANGS = ("de", "en")


@pytest.fixture(scope="module")
def site(events_project: Path) -> Path:
    return events_project / "site"


@pytest.fixture(scope="module")
def kb(events_kb: KnowledgeBase) -> KnowledgeBase:
    return events_kb


@pytest.fixture(scope="module")
def day(build_day: dt.date) -> dt.date:
    return build_day


@pytest.fixture(scope="module")
def served(site: Path) -> Iterator[str]:
    with serving(site) as address:
        yield address


def dated_event(kb: KnowledgeBase) -> str:
    """The event with the most facts: a time, a place, registration and accessibility notes."""
    return max((e for e in the_events(kb).values() if events.dated(e.data)), key=lambda e: len(e.data)).slug


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("lang", LANGS)
def test_event_pages_and_the_catalogue_with_dates_pass_axe(browser, served: str, kb: KnowledgeBase,
                                                          lang: str, width: int) -> None:
    from axe_playwright_python.sync_playwright import Axe

    context = browser.new_context(viewport={"width": width, "height": 900})
    try:
        for url in (urls.catalogue_url(events.KIND, lang), urls.entry_url(events.KIND, dated_event(kb), lang)):
            page = context.new_page()
            page.goto(served + url, wait_until="networkidle")
            found = Axe().run(page, options={"runOnly": {"type": "tag", "values": [
                "wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}).response["violations"]
            assert not found, f"{url} at {width}px: {[(v['id'], [n['target'] for n in v['nodes']]) for v in found]}"
            page.close()
    finally:
        context.close()


def test_filtering_hides_the_groups_it_empties(browser, served: str, kb: KnowledgeBase, day: dt.date) -> None:
    """Ticking "online" keeps the online events; a year whose events are all on site disappears."""
    found = the_events(kb).values()
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        page.goto(served + urls.catalogue_url(events.KIND, "de") + f"?{events.ATTENDANCE}=online",
                  wait_until="networkidle")
        shown = page.eval_on_selector_all(".kb-cards > li[data-slug]:not([hidden])", "els => els.map(e => e.dataset.slug)")
        assert sorted(shown) == sorted(e.slug for e in found if e.get("online"))
        past = [e for e in found if not events.upcoming(e.data, day) and events.dated(e.data)]
        for year in {e.data["beginn"].year for e in past}:
            online = any(e.get("online") for e in past if e.data["beginn"].year == year)
            group = page.locator(f'section[aria-labelledby="kb-year-{year}"]')
            assert group.is_visible() is online, year
        undated = page.locator('section[aria-labelledby="kb-undated"]')
        assert undated.is_visible() is any(e.get("online") for e in found if not events.dated(e.data))
    finally:
        page.close()
