"""When a generated page last changed: the newest of the sources it shows."""

from __future__ import annotations

import datetime as dt

from toolkit.content.model import Entry, KnowledgeBase, Vocabulary, VocabValue
from toolkit.content.routes import route
from toolkit.index import build_index
from toolkit.site.provenance import page_provenance

TOPICS = Vocabulary("themen", "t", {"wohnen": VocabValue("wohnen", {"de": "Wohnen", "en": "Housing"})})


def _entry(kind: str, folder: str, slug: str, **data: object) -> Entry:
    return Entry(kind, slug, {"titel": slug, "themen": ["wohnen"], **data}, source={"de": f"docs/{folder}/{slug}.md"})


def test_a_topic_page_is_as_new_as_the_newest_entry_it_lists_of_any_kind() -> None:
    # The event changed last: the topic page that lists it changed then too.
    kb = KnowledgeBase({"themen": TOPICS}, {
        "werkzeug": {"w": _entry("werkzeug", "werkzeuge", "w")},
        "medium": {"m": _entry("medium", "medien", "m")},
        "veranstaltung": {"v": _entry("veranstaltung", "veranstaltungen", "v", beginn=dt.date(2027, 3, 1))},
    })
    history = {"docs/vokabular.yml": dt.date(2026, 1, 1), "docs/werkzeuge/w.md": dt.date(2026, 2, 1),
               "docs/medien/m.md": dt.date(2026, 3, 1), "docs/veranstaltungen/v.md": dt.date(2026, 11, 30)}
    found = page_provenance(kb=kb, index=build_index(kb), page=route("themen/wohnen.md"), lang="de", docs="docs",
                            files=frozenset(history), history=history)
    assert found.changed == dt.date(2026, 11, 30)
    assert found.edit[0].path == "docs/vokabular.yml"
