"""Each kind's schema.org data, made without a build."""

from __future__ import annotations

import pytest

from toolkit.content.kinds import ENTRY_KINDS
from toolkit.content.model import Entry, KnowledgeBase, Vocabulary, VocabValue
from toolkit.render import head

TOPICS = Vocabulary("themen", "t", {"wohnen": VocabValue("wohnen", {"de": "Wohnen", "en": "Housing"})})


def _data(kind: str) -> dict[str, object]:
    entry = Entry(kind, "x", {"titel": "Titel", "themen": ["wohnen"]}, translations={"en": {"titel": "Title"}})
    kb = KnowledgeBase({"themen": TOPICS}, {kind: {"x": entry}})
    return head._entry_data(kb, entry, "en", "https://example.org/en/x/", "What it is.", None)


def test_the_kinds_with_data_of_their_own_carry_their_topics() -> None:
    for kind in ENTRY_KINDS:
        if kind.name not in head.ENTRY_DATA:
            continue
        data = _data(kind.name)
        # (a medium keeps its title as published, untranslated)
        assert data["name"] in ("Title", "Titel") and data["keywords"] == "Housing", kind.name


def test_each_kind_is_described_as_schema_org_knows_it() -> None:
    assert {name: _data(name)["@type"] for name in ("werkzeug", "modellvorhaben", "veranstaltung")} == {
        "werkzeug": "HowTo", "modellvorhaben": "Project", "veranstaltung": "Event"}


def test_a_kind_without_data_of_its_own_is_a_creative_work(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delitem(head.ENTRY_DATA, "modellvorhaben")  # as a newly declared kind would be
    data = _data("modellvorhaben")
    assert data["@type"] == "CreativeWork" and data["name"] == "Title" and data["keywords"] == "Housing"
    assert data["url"] == "https://example.org/en/x/"
