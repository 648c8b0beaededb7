"""Events: the real site built with invented events (tests/fixtures/events) on the tests' fixed day.

What a visitor notices: every event has its page, card, search entry, feed entry and data row in
both languages; upcoming ones come first, soonest at the top; each dated one has a calendar file
that a calendar library reads back to the same facts; tools, topics and the start page list them.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import xml.etree.ElementTree as ET
from html import unescape
from pathlib import Path

import icalendar
import pytest

from support.built_projects import the_events
from support.htmlscan import page_file, parse
from support.sites import REPO
from toolkit.content import events, urls
from toolkit.content.labels import label
from toolkit.content.model import KnowledgeBase
from toolkit.publish.files import site_settings
from toolkit.render import event_lists, ics, search_words
from toolkit.render.feed import ATOM, feed_url

LANGS = ("de", "en")
SITE_URL = site_settings(REPO / "mkdocs.yml")["de"]["site_url"]


@pytest.fixture(scope="module")
def site(events_project: Path) -> Path:
    return events_project / "site"


@pytest.fixture(scope="module")
def kb(events_kb: KnowledgeBase) -> KnowledgeBase:
    return events_kb


@pytest.fixture(scope="module")
def day(build_day: dt.date) -> dt.date:
    return build_day


def html(site: Path, url: str) -> str:
    return page_file(site, url).read_text(encoding="utf-8")


# -- everywhere an entry goes ----------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_every_event_has_its_page_card_search_entry_feed_entry_and_data_row(site: Path, kb: KnowledgeBase,
                                                                            lang: str) -> None:
    found = the_events(kb)
    catalogue = html(site, urls.catalogue_url(events.KIND, lang))
    indexed = dict(search_words.page_texts(site / "pagefind"))
    feed = ET.parse(site / feed_url(lang)).getroot()
    feed_links = {link.attrib["href"] for link in feed.iter(f"{{{ATOM}}}link")}
    data = json.loads((site / urls.prefix(lang) / "daten" / "veranstaltungen.json").read_text(encoding="utf-8"))
    rows = list(csv.DictReader(io.StringIO(
        (site / urls.prefix(lang) / "daten" / "veranstaltungen.csv").read_text(encoding="utf-8"))))
    for slug, entry in found.items():
        url = urls.entry_url(events.KIND, slug, lang)
        title = entry.title(lang)
        page = html(site, url)
        (heading,) = re.findall(r"<h1[^>]*>(.*?)</h1>", page, re.S)
        assert unescape(re.sub(r"<[^>]+>", "", heading)).strip() == title, url
        assert f'data-slug="{slug}"' in catalogue
        assert "/" + url in indexed, f"{url} is not in the search index"
        assert SITE_URL + url in feed_links
        assert slug in {record["slug"] for record in data["eintraege"]}
        assert {r["slug"]: r["titel"] for r in rows}[slug] == title


# -- the catalogue ---------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_catalogue_shows_upcoming_soonest_first_then_past_by_year(site: Path, kb: KnowledgeBase, day: dt.date,
                                                                   lang: str) -> None:
    found = the_events(kb).values()
    page = html(site, urls.catalogue_url(events.KIND, lang))
    upcoming_part, past_part = page.split('id="kb-past"')
    coming = sorted((e for e in found if events.upcoming(e.data, day)), key=lambda e: events.start(e.data).isoformat())
    assert coming, "the fixtures have no upcoming event on the tests' day"
    assert re.findall(r'data-slug="([^"]+)"', upcoming_part) == [e.slug for e in coming]
    past = [e for e in found if not events.upcoming(e.data, day)]
    years = [int(y) for y in re.findall(r'<h3 id="kb-year-(\d+)"', past_part)]
    assert years == sorted({e.data["beginn"].year for e in past if events.dated(e.data)}, reverse=True)
    # Documented without a date: after every year, under its own heading.
    undated = past_part.split('id="kb-undated"')[1]
    assert re.findall(r'data-slug="([^"]+)"', undated) == sorted(e.slug for e in past if not events.dated(e.data))


def test_catalogue_filters_by_format_bundesland_and_attendance(site: Path, kb: KnowledgeBase) -> None:
    page = html(site, urls.catalogue_url(events.KIND, "de"))
    for slug, entry in the_events(kb).items():
        found = re.search(rf'<li class="kb-card" data-slug="{slug}"[^>]*>', page)
        assert found is not None, f"no card for {slug}"
        card = found.group(0)
        assert f'data-format="{entry.get("format", "")}"' in card
        assert f'data-teilnahme="{" ".join(events.attendance(entry.data))}"' in card
        assert f'data-bundesland="{" ".join(events.state(entry.data))}"' in card
    facets = re.findall(r'<fieldset class="kb-facet" data-facet="([^"]+)"', page)
    assert facets == ["themen", "format", "zielgruppen", "bundesland", events.ATTENDANCE]
    formats = set(re.findall(r'name="format" value="([^"]+)"', page))
    assert formats == {e.data["format"] for e in the_events(kb).values() if "format" in e.data}


def test_the_real_sites_empty_upcoming_list_says_how_to_submit_an_event(built_site: Path) -> None:
    for lang in LANGS:
        page = parse(page_file(built_site, urls.catalogue_url(events.KIND, lang)))
        submit = [a for a in page.links() if a.text.strip() == label(lang, "events_submit")]
        assert submit, f"{lang}: no link to submit an event"
        assert label(lang, "events_none") in html(built_site, urls.catalogue_url(events.KIND, lang))
    form = REPO / ".github" / "ISSUE_TEMPLATE" / "veranstaltung-melden.yml"
    assert form.exists()


# -- calendar files --------------------------------------------------------------------------

def read_calendar(path: Path) -> icalendar.Calendar:
    raw = path.read_bytes()
    assert b"\n" not in raw.replace(b"\r\n", b""), f"{path}: a line not ended by CRLF"
    assert all(len(line) <= 75 for line in raw.split(b"\r\n")), f"{path}: a line longer than 75 octets"
    return icalendar.Calendar.from_ical(raw)


@pytest.mark.parametrize("lang", LANGS)
def test_each_dated_event_has_a_calendar_file_a_calendar_library_reads(site: Path, kb: KnowledgeBase,
                                                                        lang: str) -> None:
    for slug, entry in the_events(kb).items():
        path = site / ics.event_path(entry, lang)
        if not events.dated(entry.data):
            assert not path.exists(), f"{slug} has no date but a calendar file"
            continue
        (event,) = read_calendar(path).walk("VEVENT")
        data = entry.data
        assert str(event["SUMMARY"]) == entry.title(lang)
        assert str(event["URL"]) == SITE_URL + urls.entry_url(events.KIND, slug, lang)
        assert str(event["UID"]) == f"{events.KIND}-{slug}@{SITE_URL.split('/')[2]}"
        assert event.decoded("DTSTAMP") == dt.datetime.combine(data["geprueft"], dt.time(0), dt.UTC)
        assert event.decoded("DTSTART") == events.start(data)
        expected_status = "CANCELLED" if data.get("status") == events.CANCELLED else {"verschoben": "TENTATIVE"}.get(
            data.get("status", ""), "CONFIRMED")
        assert str(event["STATUS"]) == expected_status
        place = data.get("ort")
        if place:
            assert place["name"] in str(event["LOCATION"])
            assert event.decoded("GEO") is not None
        if data.get("online"):
            assert data["online"]["plattform"] in str(event["LOCATION"])
        if not isinstance(events.start(data), dt.datetime):
            # All day: the end is the day after the last day.
            assert event.decoded("DTEND") == events.last_day(data) + dt.timedelta(days=1)
        elif isinstance(events.end(data), dt.datetime):
            assert event.decoded("DTEND") == events.end(data)
        link = f'href="{ics.event_file(slug)}"'
        assert link in html(site, urls.entry_url(events.KIND, slug, lang)), f"{slug}: page does not offer its file"


@pytest.mark.parametrize("lang", LANGS)
def test_one_calendar_holds_every_dated_event_with_the_same_uids(site: Path, kb: KnowledgeBase, lang: str) -> None:
    calendar = read_calendar(site / ics.calendar_path(lang))
    uids = [str(e["UID"]) for e in calendar.walk("VEVENT")]
    dated = [e for e in the_events(kb).values() if events.dated(e.data)]
    assert sorted(uids) == sorted(f"{events.KIND}-{e.slug}@{SITE_URL.split('/')[2]}" for e in dated)
    other = read_calendar(site / ics.calendar_path("en" if lang == "de" else "de"))
    assert uids == [str(e["UID"]) for e in other.walk("VEVENT")], "an event has one UID in both languages"
    assert str(calendar["X-WR-CALNAME"]).endswith(label(lang, "collection_veranstaltung"))
    page = html(site, urls.catalogue_url(events.KIND, lang))
    assert f'href="{ics.CALENDAR_FILE}"' in page


# -- the page --------------------------------------------------------------------------------

def json_ld(page: str) -> list[dict]:
    (script,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    return json.loads(script)["@graph"]


@pytest.mark.parametrize("lang", LANGS)
def test_each_event_page_says_it_is_an_event_in_schema_org(site: Path, kb: KnowledgeBase, lang: str) -> None:
    for slug, entry in the_events(kb).items():
        graph = json_ld(html(site, urls.entry_url(events.KIND, slug, lang)))
        (event,) = [item for item in graph if item["@type"] == "Event"]
        assert event["name"] == entry.title(lang)
        if not events.dated(entry.data):
            assert "startDate" not in event, "no invented date"
            continue
        start = events.start(entry.data)
        assert dt.date.fromisoformat(event["startDate"][:10]) == entry.data["beginn"]
        if isinstance(start, dt.datetime):
            assert dt.datetime.fromisoformat(event["startDate"]) == start
        cancelled = entry.data.get("status") == events.CANCELLED
        assert event["eventStatus"].endswith("EventCancelled") is cancelled
        modes = {(True, False): "Offline", (False, True): "Online", (True, True): "Mixed"}
        mode = modes[(bool(entry.get("ort")), bool(entry.get("online")))]
        assert event["eventAttendanceMode"] == f"https://schema.org/{mode}EventAttendanceMode"


def test_an_undated_event_shows_its_period_as_documentation(site: Path, kb: KnowledgeBase) -> None:
    for entry in the_events(kb).values():
        if events.dated(entry.data):
            continue
        for lang in LANGS:
            page = html(site, urls.entry_url(events.KIND, entry.slug, lang))
            period = events.when_text(entry.data, lang)
            assert label(lang, "zeitraum_doc", period=period) in page
            assert 'href="' + ics.event_file(entry.slug) not in page


def test_a_cancelled_event_says_so_on_its_page_and_card(site: Path, kb: KnowledgeBase) -> None:
    cancelled = [e for e in the_events(kb).values() if e.get("status") == events.CANCELLED]
    assert cancelled
    status = kb.vocab["veranstaltungsstatus"].label(events.CANCELLED, "de")
    catalogue = html(site, urls.catalogue_url(events.KIND, "de"))
    for entry in cancelled:
        assert status in html(site, urls.entry_url(events.KIND, entry.slug, "de"))
        card = catalogue.split(f'data-slug="{entry.slug}"')[1].split("</li>")[0]
        assert status in card


# -- cross-links -----------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_a_tool_lists_the_dates_in_its_format(site: Path, kb: KnowledgeBase, day: dt.date, lang: str) -> None:
    found = the_events(kb)
    formats = {e.data["format"] for e in found.values() if "format" in e.data}
    for slug in kb.tools:
        page = html(site, urls.entry_url("werkzeug", slug, lang))
        heading = label(lang, "events_of_tool")
        if slug not in formats:
            assert heading not in page
            continue
        assert heading in page
        listed = page.split(heading)[-1].split("</ul>")[0]  # the section, not the table of contents
        mine = [e for e in found.values() if e.get("format") == slug]
        coming, past = event_lists.split(mine, day)
        hrefs = re.findall(r'href="\.\./\.\./veranstaltungen/([^/]+)/"', listed)
        assert hrefs == [e.slug for e in coming + past]


@pytest.mark.parametrize("lang", LANGS)
def test_a_topic_lists_its_events(site: Path, kb: KnowledgeBase, lang: str) -> None:
    found = the_events(kb)
    for topic in kb.vocab["themen"].values:
        page = html(site, urls.topic_url(topic, lang))
        mine = {e.slug for e in found.values() if topic in e.data.get("themen", [])}
        listed = set(re.findall(r'href="\.\./\.\./veranstaltungen/([^/]+)/"', page))
        assert listed == mine, topic
        assert (label(lang, "topic_veranstaltung") in page) == bool(mine)


@pytest.mark.parametrize("lang", LANGS)
def test_the_start_page_shows_the_next_three_dates(site: Path, kb: KnowledgeBase, day: dt.date, lang: str) -> None:
    coming, _ = event_lists.split(list(the_events(kb).values()), day)
    coming = [e for e in coming if e.data.get("status") != events.CANCELLED]
    assert len(coming) > events.NEXT_LIMIT, "the fixtures must have more upcoming events than the start page shows"
    page = html(site, urls.prefix(lang))
    section = page.split('id="termine"')[1].split("</ul>")[0]
    assert re.findall(r'href="veranstaltungen/([^/]+)/"', section) == [e.slug for e in coming[:events.NEXT_LIMIT]]


def test_the_start_page_shows_no_dates_when_none_is_announced(built_site: Path) -> None:
    for lang in LANGS:
        assert 'id="termine"' not in html(built_site, urls.prefix(lang))
