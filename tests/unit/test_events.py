"""Events without a build: calendar text escaped and folded as RFC 5545 asks, and the build's day
taken in Berlin from SOURCE_DATE_EPOCH."""

from __future__ import annotations

import datetime as dt

import icalendar
import pytest

from toolkit.content import events
from toolkit.render import ics


def test_text_with_commas_semicolons_and_long_lines_comes_back_unchanged() -> None:
    title = "Sprechstunde, Teil 1; Fragen\\Antworten – " + "Fördermittel für Kleinstädte " * 4
    line = "SUMMARY:" + ics.text(title + "\nzweite Zeile")
    folded = ics.fold(line)
    assert all(len(part.encode("utf-8")) <= 75 for part in folded.split("\r\n"))
    raw = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTAMP:20260101T000000Z\r\n"
           f"{folded}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n").encode()
    (event,) = icalendar.Calendar.from_ical(raw).walk("VEVENT")
    assert str(event["SUMMARY"]) == title + "\nzweite Zeile"


# -- the day ---------------------------------------------------------------------------------

def test_today_is_the_day_in_berlin_of_source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    late = dt.datetime(2026, 3, 14, 23, 30, tzinfo=dt.UTC)  # already the 15th in Berlin
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(late.timestamp())))
    assert events.today() == dt.date(2026, 3, 15)
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    before = dt.datetime.now(events.BERLIN).date()
    found = events.today()
    assert found in {before, dt.datetime.now(events.BERLIN).date()}  # the real day, even across midnight
