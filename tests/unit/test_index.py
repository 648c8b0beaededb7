"""Cross-indexing on records built in memory: related tools, topic lists, glossary detection."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from toolkit.content.model import Entry, KnowledgeBase, Vocabulary, VocabValue
from toolkit.index import RELATED_LIMIT, build_index


def vocab(name: str, *keys: str) -> Vocabulary:
    return Vocabulary(name, name, {k: VocabValue(k, {"de": k.title(), "en": k.upper()}) for k in keys})


def tool(slug: str, themen: list[str], zielgruppen: list[str], body: str = "", **extra: object) -> Entry:
    data = {"titel": slug.title(), "kurz": "k", "themen": themen, "zielgruppen": zielgruppen,
            "geprueft": dt.date(2026, 1, 1), **extra}
    return Entry("werkzeug", slug, data, translations={"en": {"titel": slug.upper()}}, body={"de": body, "en": body})


def term(slug: str, de: str, en: str, **extra: object) -> Entry:
    return Entry("begriff", slug, {"begriff": {"de": de, "en": en}, "definition": {"de": "d", "en": "d"}, **extra})


def kb(tools: Iterable[Entry], projects: Iterable[Entry] = (), terms: Iterable[Entry] = ()) -> KnowledgeBase:
    return KnowledgeBase(
        {"themen": vocab("themen", "wohnen", "mobilitaet", "bildung")},
        {"werkzeug": {t.slug: t for t in tools}, "modellvorhaben": {p.slug: p for p in projects},
         "begriff": {t.slug: t for t in terms}},
    )


def test_related_prefers_shared_topics_over_shared_groups() -> None:
    base = kb([
        tool("a", ["wohnen", "mobilitaet"], ["verwaltung"]),
        tool("b", ["wohnen", "mobilitaet"], []),          # two topics: score 4
        tool("c", ["wohnen"], ["verwaltung"]),             # one topic, one group: score 3
        tool("d", [], ["verwaltung"]),                     # one group: score 1
        tool("e", ["bildung"], ["politik"]),               # nothing shared
    ])
    assert build_index(base).related["a"] == ["b", "c", "d"]


def test_editor_choice_comes_first_and_list_is_capped() -> None:
    tools = [tool(f"t{i}", ["wohnen"], []) for i in range(10)]
    tools.append(tool("x", ["wohnen"], [], verwandt=["t9"]))
    related = build_index(kb(tools)).related["x"]
    assert related[0] == "t9" and len(related) == RELATED_LIMIT and "x" not in related


def test_projects_by_tool_and_by_topic() -> None:
    project = Entry("modellvorhaben", "p", {"titel": "P", "themen": ["wohnen"], "werkzeuge": ["a"]})
    index = build_index(kb([tool("a", ["bildung"], []), tool("b", ["wohnen"], [])], [project]))
    assert index.projects_by_tool == {"a": ["p"], "b": []}
    assert index.topic("werkzeug", "wohnen") == ["b"] and index.topic("modellvorhaben", "wohnen") == ["p"]
    assert index.topic("werkzeug", "mobilitaet") == []


def test_every_kind_with_topics_is_listed_per_topic_in_its_own_order() -> None:
    # Events by date (the later one by title would come first), media by title.
    base = kb([tool("a", ["wohnen"], [])])
    base.entries["veranstaltung"] = {
        "a-later": Entry("veranstaltung", "a-later", {"titel": "A", "themen": ["wohnen"], "beginn": dt.date(2027, 5, 1)}),
        "b-sooner": Entry("veranstaltung", "b-sooner", {"titel": "B", "themen": ["wohnen"], "beginn": dt.date(2027, 2, 1)}),
    }
    base.entries["medium"] = {s: Entry("medium", s, {"titel": t, "themen": ["wohnen", "bildung"]})
                              for s, t in (("m1", "Zeitung"), ("m2", "Atlas"))}
    index = build_index(base)
    assert index.topic("veranstaltung", "wohnen") == ["b-sooner", "a-later"]
    assert index.topic("medium", "bildung") == ["m2", "m1"]
    assert index.topic("veranstaltung", "bildung") == [] and index.topic("werkzeug", "bildung") == []


def test_glossary_terms_detected_per_language_and_usage_recorded() -> None:
    terms = [term("bbsr", "Bundesinstitut", "Federal Institute", abkuerzung="BBSR"),
             term("charta", "Leipzig-Charta", "Leipzig Charter"),
             term("neue-charta", "Neue Leipzig-Charta", "New Leipzig Charter")]
    a = tool("a", [], [], body="Das BBSR und die Neue Leipzig-Charta. BBSRX zählt nicht.")
    a.body["en"] = "The Federal Institute wrote it."
    index = build_index(kb([a], terms=terms))
    # the longer name wins over the shorter one inside it; a word that merely starts alike does not count
    assert index.terms_of[("werkzeug", "a", "de")] == ["bbsr", "neue-charta"]
    assert index.terms_of[("werkzeug", "a", "en")] == ["bbsr"]
    assert index.term_used_in["bbsr"] == [("werkzeug", "a")] and index.term_used_in["charta"] == []


def test_listed_terms_come_first_even_when_not_mentioned() -> None:
    terms = [term("x", "Ixe", "Ix"), term("y", "Ypsilon", "Upsilon")]
    index = build_index(kb([tool("a", [], [], body="Ypsilon", begriffe=["x"])], terms=terms))
    assert index.terms_of[("werkzeug", "a", "de")] == ["x", "y"]
