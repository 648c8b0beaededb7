"""The project's terminology (docs/terminologie.yml): the glossary's English titles follow it, and the filters
keep 'decentralised' and 'local' apart in English."""

from __future__ import annotations

from typing import Any

import yaml

from support.sites import REPO


def terminology() -> list[dict[str, Any]]:
    return yaml.safe_load((REPO / "docs" / "terminologie.yml").read_text(encoding="utf-8"))["begriffe"]


def test_glossary_speaks_the_terminology() -> None:
    from toolkit.sources.load import load

    kb, _ = load(REPO / "docs", REPO)
    for term in terminology():
        if "glossar" in term:
            assert kb.terms[str(term["glossar"])].title("en").lower() == str(term["en"]).lower(), term["de"]


def test_filters_tell_decentralised_from_local() -> None:
    vocab = yaml.safe_load((REPO / "docs" / "vokabular.yml").read_text(encoding="utf-8"))
    english = {t["de"]: t["en"] for t in terminology()}
    assert vocab["organisation"]["werte"]["dezentral"]["en"].lower() == english["dezentral"]
    assert vocab["reichweite"]["werte"]["lokal"]["en"].lower() == english["lokal"]
    assert english["dezentral"] != english["lokal"]
