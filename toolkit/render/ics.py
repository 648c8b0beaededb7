"""Calendar files (iCalendar, RFC 5545): one per dated event, and all of them in one per language.

Written by hand, as the format is small: lines end in CRLF and are folded at 75 octets, text
escapes backslash, comma, semicolon and line breaks. Nothing depends on the build's clock: the
UID is the event's slug at the site's host, DTSTAMP its review date, so two builds give the same
bytes and a calendar that imported an event recognises it again. Times are written in UTC,
converted from Berlin time, so no VTIMEZONE is needed; an all-day event keeps plain dates.
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from urllib.parse import urlsplit

from toolkit.content import events, urls
from toolkit.content.labels import label
from toolkit.content.model import Entry, KnowledgeBase

CALENDAR_FILE = "kalender.ics"
PRODUCT = "-//Kleinstadtakademie//Wissensbasis//DE"
# Source status -> RFC 5545 STATUS; a postponed event without its new date is tentative.
STATUS = {"geplant": "CONFIRMED", "ausgebucht": "CONFIRMED", "abgesagt": "CANCELLED", "verschoben": "TENTATIVE"}
LINE_OCTETS = 75


def event_file(slug: str) -> str:
    """The event's calendar file, beside its page: ``veranstaltungen/<slug>/<slug>.ics``."""
    return f"{slug}.ics"


def event_path(entry: Entry, lang: str) -> str:
    return urls.entry_url(entry.kind, entry.slug, lang) + event_file(entry.slug)


def calendar_path(lang: str) -> str:
    return urls.catalogue_url(events.KIND, lang) + CALENDAR_FILE


def calendar_files(*, kb: KnowledgeBase, lang: str, site_url: str, site_name: str) -> dict[str, bytes]:
    """Path below the site root -> content: each dated event's file and the whole calendar."""
    dated = sorted((e for e in kb.collection(events.KIND).values() if events.dated(e.data)),
                   key=lambda e: (events.order_key(e.data), e.slug))
    files = {event_path(e, lang): calendar(kb=kb, entries=[e], lang=lang, site_url=site_url, name=e.title(lang))
             for e in dated}
    name = f"{site_name}: {label(lang, 'collection_veranstaltung')}"
    files[calendar_path(lang)] = calendar(kb=kb, entries=dated, lang=lang, site_url=site_url, name=name)
    return files


def calendar(*, kb: KnowledgeBase, entries: list[Entry], lang: str, site_url: str, name: str) -> bytes:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODUCT}", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
             f"X-WR-CALNAME:{text(name)}", "X-WR-TIMEZONE:Europe/Berlin"]
    for entry in entries:
        lines += _event(kb, entry, lang, site_url)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines).encode("utf-8")


def _event(kb: KnowledgeBase, entry: Entry, lang: str, site_url: str) -> list[str]:
    data = entry.data
    address = site_url + urls.entry_url(entry.kind, entry.slug, lang)
    host = urlsplit(site_url).hostname or "localhost"
    reviewed = data["geprueft"]
    lines = [
        "BEGIN:VEVENT",
        f"UID:{events.KIND}-{entry.slug}@{host}",
        f"DTSTAMP:{reviewed.strftime('%Y%m%d')}T000000Z",
        f"LAST-MODIFIED:{reviewed.strftime('%Y%m%d')}T000000Z",
        _moment("DTSTART", events.start(data)),
    ]
    finish = events.end(data)
    if isinstance(finish, dt.datetime) or isinstance(events.start(data), dt.datetime):
        if finish is not None:
            lines.append(_moment("DTEND", finish if isinstance(finish, dt.datetime)
                                 else dt.datetime.combine(finish, dt.time(23, 59), events.BERLIN)))
    else:
        # An all-day event ends at the start of the day after its last day (RFC 5545, 3.6.1).
        lines.append(_moment("DTEND", events.last_day(data) + dt.timedelta(days=1)))
    lines.append(f"SUMMARY:{text(entry.title(lang))}")
    description = [entry.text("kurz", lang)]
    if data.get("veranstalter"):
        description.append(f"{label(lang, 'veranstalter')}: {data['veranstalter']}")
    if data.get("kosten"):
        description.append(f"{label(lang, 'kosten')}: {entry.text('kosten', lang)}")
    registration = data.get("anmeldung", {})
    if registration.get("url") or registration.get("frist"):
        deadline = (" " + label(lang, "anmeldung_frist", day=events.day_text(registration["frist"], lang))
                    if registration.get("frist") else "")
        description.append(f"{label(lang, 'anmeldung')}: {registration.get('url', '')}{deadline}".rstrip())
    description.append(address)
    lines.append(f"DESCRIPTION:{text(chr(10).join(description))}")
    location = _location(kb, data, lang)
    if location:
        lines.append(f"LOCATION:{text(location)}")
    place = data.get("ort")
    if place:
        lines.append(f"GEO:{place['breite']:.4f};{place['laenge']:.4f}")
    lines.append(f"URL:{address}")
    lines.append(f"STATUS:{STATUS[data.get('status', 'geplant')]}")
    topics = [kb.vocab["themen"].label(t, lang) for t in data.get("themen", []) if t in kb.vocab["themen"].values]
    if topics:
        lines.append("CATEGORIES:" + ",".join(text(t) for t in topics))
    lines.append("END:VEVENT")
    return lines


def _location(kb: KnowledgeBase, data: dict[str, Any], lang: str) -> str:
    parts = []
    place = data.get("ort")
    if place:
        state = kb.vocab["bundesland"].label(place["bundesland"], lang)
        parts.append(", ".join(p for p in (place.get("adresse"), place["name"], state) if p))
    online = data.get("online")
    if online:
        parts.append(f"{label(lang, 'online')}: {online['plattform']}" + (f" ({online['url']})" if online.get("url") else ""))
    return " / ".join(parts)


def _moment(name: str, value: dt.date | dt.datetime) -> str:
    if isinstance(value, dt.datetime):
        return f"{name}:{value.astimezone(dt.UTC).strftime('%Y%m%dT%H%M%SZ')}"
    return f"{name};VALUE=DATE:{value.strftime('%Y%m%d')}"


def text(value: str) -> str:
    """A TEXT value (RFC 5545, 3.3.11): backslash, semicolon, comma and line breaks escaped."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")


def fold(line: str) -> str:
    """Lines longer than 75 octets go on in lines that start with a space, never inside a character."""
    out: list[str] = []
    current, size = "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        limit = LINE_OCTETS if not out else LINE_OCTETS - 1  # a continuation's leading space counts
        if size + width > limit:
            out.append(current)
            current, size = "", 0
        current += char
        size += width
    out.append(current)
    return "\r\n ".join(out)
