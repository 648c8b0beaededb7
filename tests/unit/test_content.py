"""The shipped content: complete, translated, and clean in the checker."""

from __future__ import annotations

from support.sites import REPO
from toolkit.sources.load import load


def shipped():
    return load(REPO / "docs", REPO)


def test_content_has_no_problem_at_all() -> None:
    # Except the operator's facts not yet entered in docs/betreiber.yml: one warning each, which
    # block publishing, not pull requests (tests/unit/test_operator.py).
    kb, problems = shipped()
    assert [p.format() for p in problems if p not in kb.operator.gaps] == []


def test_counts_of_the_knowledge_base() -> None:
    kb, _ = shipped()
    assert len(kb.tools) >= 18
    assert len(kb.terms) >= 25
    assert "attraktiv-wohnen-in-der-kleinstadt" in kb.projects


def test_every_entry_is_translated() -> None:
    kb, _ = shipped()
    untranslated = [e.source["de"] for e in [*kb.tools.values(), *kb.projects.values()] if not e.translated("en")]
    assert untranslated == []


def test_every_topic_has_an_introduction_in_both_languages() -> None:
    kb, _ = shipped()
    missing = [k for k, v in kb.vocab["themen"].values.items() if set(v.intro) != {"de", "en"}]
    assert missing == []


def test_model_project_names_its_four_towns() -> None:
    kb, _ = shipped()
    towns = {t["name"]: t["bundesland"] for t in kb.projects["attraktiv-wohnen-in-der-kleinstadt"].data["orte"]}
    assert towns == {"Mücheln (Geiseltal)": "sachsen-anhalt", "Laucha an der Unstrut": "sachsen-anhalt",
                     "Bad Lobenstein": "thueringen", "Rodewisch": "sachsen"}
