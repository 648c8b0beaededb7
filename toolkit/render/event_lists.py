"""Lists of events on other pages: a tool's dates in its format, a topic's events, the next dates.

Upcoming events come first, soonest at the top; past ones follow, newest first. What counts as
upcoming is decided against the build's day (``events.today``).
"""

from __future__ import annotations

import datetime as dt

from toolkit.content import events, urls
from toolkit.content.labels import label
from toolkit.content.markup import esc, link, ul
from toolkit.content.model import Entry, KnowledgeBase
from toolkit.render.map import MapTown


def split(entries: list[Entry], day: dt.date) -> tuple[list[Entry], list[Entry]]:
    """(upcoming, soonest first; past and undated, newest first)."""
    ordered = sorted(entries, key=lambda e: (events.order_key(e.data), e.slug))
    coming = [e for e in ordered if events.upcoming(e.data, day)]
    past = [e for e in ordered if not events.upcoming(e.data, day)]
    past.sort(key=lambda e: (-events.year(e.data), -(e.data["beginn"].toordinal() if events.dated(e.data) else 0),
                             e.slug))
    return coming, past


def when_html(entry: Entry, lang: str) -> str:
    """The date as a <time> element, or the period of an undated event in words."""
    data = entry.data
    if not events.dated(data):
        return esc(label(lang, "events_period", period=events.when_text(data, lang)))
    return f'<time datetime="{data["beginn"].isoformat()}">{esc(events.when_text(data, lang))}</time>'


def item(kb: KnowledgeBase, entry: Entry, lang: str, here: str) -> str:
    """One event in a list: its date, its title as a link, its place and a status other than planned."""
    href = urls.relative(here, urls.entry_url(entry.kind, entry.slug, lang))
    attr = "" if entry.translated(lang) else ' lang="de"'
    extra = place_text(kb, entry, lang)
    status = entry.data.get("status")
    if status and status != "geplant":
        extra = ", ".join(p for p in (extra, kb.vocab["veranstaltungsstatus"].label(status, lang)) if p)
    return (f'{when_html(entry, lang)}: <span{attr}>{link(href, entry.title(lang))}</span>'
            + (f' <span class="kb-muted">({esc(extra)})</span>' if extra else ""))


def place_text(kb: KnowledgeBase, entry: Entry, lang: str) -> str:
    """``Neustadt, Sachsen`` / ``online`` / both."""
    parts = []
    place = entry.data.get("ort")
    if place:
        parts.append(f'{place["name"]}, {kb.vocab["bundesland"].label(place["bundesland"], lang)}')
    if entry.data.get("online"):
        parts.append(label(lang, "teilnahme_online"))
    return " · ".join(parts)


def listing(kb: KnowledgeBase, slugs: list[str], lang: str, here: str, day: dt.date) -> str:
    """Upcoming, then past events as one list; empty without events."""
    found = kb.collection(events.KIND)
    coming, past = split([found[s] for s in slugs if s in found], day)
    return ul([item(kb, e, lang, here) for e in coming + past], "kb-list kb-events")


def next_html(kb: KnowledgeBase, lang: str, day: dt.date) -> str:
    """The start page's next upcoming dates, cancelled ones left out; nothing when none is announced."""
    here = urls.prefix(lang)
    coming, _ = split(list(kb.collection(events.KIND).values()), day)
    # A cancelled event stays in the catalogue, marked; it is no "next date".
    coming = [e for e in coming if e.data.get("status") != events.CANCELLED]
    if not coming:
        return ""
    items = [item(kb, e, lang, here) for e in coming[:events.NEXT_LIMIT]]
    more = link(urls.relative(here, urls.catalogue_url(events.KIND, lang)), label(lang, "events_all"))
    return (f'<h2 id="termine">{esc(label(lang, "events_next"))}</h2>' + ul(items, "kb-list kb-events")
            + f"<p>{more}</p>")


def event_towns(kb: KnowledgeBase, entries: list[Entry], lang: str, here: str) -> list[MapTown]:
    """The places of ``entries`` on site as dots for a map on the page at ``here``, dated in the list."""
    towns = []
    for entry in entries:
        place = entry.data.get("ort")
        if not place:
            continue
        towns.append(MapTown(
            name=place["name"], region=kb.vocab["bundesland"].label(place["bundesland"], lang),
            lon=place["laenge"], lat=place["breite"],
            project=f"{entry.title(lang)} ({events.when_text(entry.data, lang)})",
            href=urls.relative(here, urls.entry_url(entry.kind, entry.slug, lang)),
            project_lang=None if entry.translated(lang) else "de",
        ))
    return towns
