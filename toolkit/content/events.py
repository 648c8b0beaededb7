"""Event notices: what day it is, when an event starts and ends, and whether it is still to come.

An event has a first day (``beginn``), perhaps a last day (``ende``) and times of day
(``uhrzeit``), all in Berlin time; a past event documented without a date has only the years it
took place in (``zeitraum``) and is shown as documentation, never as a date. "Upcoming" is
decided against the build's day (:func:`today`), so two builds of the same sources on the same
day give the same pages.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from typing import Any
from zoneinfo import ZoneInfo

BERLIN = ZoneInfo("Europe/Berlin")
KIND = "veranstaltung"
# The derived facet "on site or online" and its values, in the order the catalogue shows them.
ATTENDANCE = "teilnahme"
ATTENDANCE_VALUES = ("vor-ort", "online")
# The status that makes an event drop out of calendars (RFC 5545 STATUS:CANCELLED).
CANCELLED = "abgesagt"
# How many upcoming events the start page shows.
NEXT_LIMIT = 3


def today() -> dt.date:
    """The build's day in Berlin: from ``SOURCE_DATE_EPOCH`` when it is set, else the real day.

    The Makefile fixes ``SOURCE_DATE_EPOCH`` so that builds are byte for byte the same; the
    publishing workflow sets it to the start of the day it runs on, so the published lists move on.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    now = dt.datetime.fromtimestamp(int(epoch), dt.UTC) if epoch.isdigit() else dt.datetime.now(dt.UTC)
    return now.astimezone(BERLIN).date()


def dated(data: dict[str, Any]) -> bool:
    """Whether the event has a date (and so a place in calendars); else it is documentation only."""
    return isinstance(data.get("beginn"), dt.date)


def last_day(data: dict[str, Any]) -> dt.date:
    day: dt.date = data.get("ende") or data["beginn"]
    return day


def _time(text: str | None) -> dt.time | None:
    if not text:
        return None
    hours, minutes = text.split(":")
    return dt.time(int(hours), int(minutes))


def start(data: dict[str, Any]) -> dt.date | dt.datetime:
    """The first day, or its moment in Berlin time when a time of day is given."""
    clock = _time(data.get("uhrzeit", {}).get("von"))
    return dt.datetime.combine(data["beginn"], clock, BERLIN) if clock else data["beginn"]


def end(data: dict[str, Any]) -> dt.date | dt.datetime | None:
    """The moment it ends in Berlin time, or its last day, or ``None`` for a one-day event without times."""
    clock = _time(data.get("uhrzeit", {}).get("bis"))
    if clock:
        return dt.datetime.combine(last_day(data), clock, BERLIN)
    return data.get("ende")


def upcoming(data: dict[str, Any], day: dt.date) -> bool:
    """Still to come or running on ``day``: an event is upcoming until its last day has passed."""
    return dated(data) and last_day(data) >= day


def year(data: dict[str, Any]) -> int:
    """The year a past event is listed under: of its first day, or the last year of its period."""
    if dated(data):
        first: dt.date = data["beginn"]
        return first.year
    period = data.get("zeitraum", {})
    listed: int = period.get("bis", period.get("von", 0))
    return listed


def order_key(data: dict[str, Any]) -> tuple[int, str]:
    """Soonest first: by first day and starting time; undated events after every dated one."""
    if not dated(data):
        return (dt.date.max.toordinal(), "")
    clock = _time(data.get("uhrzeit", {}).get("von")) or dt.time(0, 0)
    return (data["beginn"].toordinal(), clock.isoformat())


# -- Words ------------------------------------------------------------------------------------

MONTHS = {
    "de": ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
           "November", "Dezember"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"),
}


def day_text(day: dt.date, lang: str) -> str:
    """``5. März 2026`` / ``5 March 2026``."""
    month = MONTHS[lang][day.month - 1]
    return f"{day.day}. {month} {day.year}" if lang == "de" else f"{day.day} {month} {day.year}"


def when_text(data: dict[str, Any], lang: str) -> str:
    """When it takes place, in words: ``5. März 2026, 10:00 bis 16:00 Uhr``; for an undated
    event its period: ``in der Pilotphase 2019 bis 2022`` is the page's business, here ``2019–2022``."""
    if not dated(data):
        period = data.get("zeitraum", {})
        first, last = period.get("von"), period.get("bis")
        return f"{first}–{last}" if last and last != first else str(first or "")
    to = " bis " if lang == "de" else " to "
    first, last = data["beginn"], last_day(data)
    times = data.get("uhrzeit", {})
    clock_from, clock_to = times.get("von"), times.get("bis")
    suffix = " Uhr" if lang == "de" else ""
    if first == last:
        text = day_text(first, lang)
        if clock_from and clock_to:
            return f"{text}, {clock_from}{to}{clock_to}{suffix}"
        if clock_from:
            return f"{text}, {clock_from}{suffix}"
        return text
    left = day_text(first, lang) + (f", {clock_from}{suffix}" if clock_from else "")
    right = day_text(last, lang) + (f", {clock_to}{suffix}" if clock_to else "")
    return left + to + right


# -- Facets the catalogue derives ---------------------------------------------------------------

def attendance(data: dict[str, Any]) -> list[str]:
    """On site, online or both."""
    return [value for value, field in zip(ATTENDANCE_VALUES, ("ort", "online"), strict=True) if data.get(field)]


def state(data: dict[str, Any]) -> list[str]:
    return [data["ort"]["bundesland"]] if data.get("ort", {}).get("bundesland") else []


FACETS: dict[str, Callable[[dict[str, Any]], list[str]]] = {
    ATTENDANCE: attendance,
    "bundesland": state,
}


# -- Checks across fields ------------------------------------------------------------------------

def check(data: dict[str, Any], meta: dict[str, Any], error: Callable[[tuple[str, ...], str], None]) -> None:
    """What single fields cannot say: an event needs a date or a period, a place, and an order in
    its days. ``data`` holds the valid fields, ``meta`` everything written (a field written but
    wrong is reported already); ``error(key, message)`` reports at the line of ``key``."""
    written = [name for name in ("beginn", "ende", "zeitraum", "uhrzeit", "anmeldung")
               if meta.get(name) not in (None, "", [], {})]
    if any(name not in data for name in written):
        return
    if "beginn" in data and "zeitraum" in data:
        error(("zeitraum",), "'zeitraum' is for a past event documented without a date; this event has "
                             "'beginn', so remove 'zeitraum'")
    if "beginn" not in data:
        if "zeitraum" not in data:
            error(("beginn",) if "beginn" in meta else (), "an event needs 'beginn' (its first day, YYYY-MM-DD), or, for a past event documented "
                      "without a date, 'zeitraum' with the years it took place in")
        for name in ("ende", "uhrzeit", "anmeldung"):
            if name in data:
                error((name,), f"'{name}' needs 'beginn', the first day of the event; add it")
        return
    first = data["beginn"]
    if "ende" in data and data["ende"] < first:
        error(("ende",), f"'ende' ({data['ende'].isoformat()}) is before 'beginn' ({first.isoformat()}); "
                         f"swap them or correct the date")
    times = data.get("uhrzeit", {})
    start, end = _time(times.get("von") or ""), _time(times.get("bis") or "")
    if last_day(data) == first and start is not None and end is not None and end <= start:
        error(("uhrzeit", "bis"), f"'bis' ({times['bis']}) is not after 'von' ({times['von']}) on the same day; "
                                  f"correct the times, or give 'ende' if it ends on a later day")
    deadline = data.get("anmeldung", {}).get("frist")
    if deadline is not None and deadline > first:
        error(("anmeldung", "frist"), f"the registration deadline ({deadline.isoformat()}) is after the first day "
                                      f"({first.isoformat()}); set it on or before 'beginn'")
    if not data.get("ort") and not data.get("online"):
        error((), "a dated event needs a place: 'ort' (town, Bundesland and coordinates), 'online' "
                  "(its platform), or both")
