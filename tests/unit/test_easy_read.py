"""The easy-read page (Leichte Sprache): its long compounds are split with a mediopunkt."""

from __future__ import annotations

import re

from support.sites import REPO

# Compound words of the page, each shown with a Mediopunkt between its parts (Leichte Sprache).
COMPOUNDS = ["Internet·seite", "Klein·stadt", "Bürger·meister", "Stadt·rat", "Bundes·regierung",
             "Gebärden·sprache", "Modell·vorhaben", "Start·seite", "Stadt·verwaltung", "Pilot·phase"]


def test_compounds_carry_the_mediopunkt() -> None:
    source = (REPO / "docs" / "leichte-sprache.md").read_text(encoding="utf-8")
    text = re.sub(r"\]\([^)]*\)", "]", source)  # link targets are addresses, not words
    for word in COMPOUNDS:
        assert word in text, word
        assert word.replace("·", "") not in text, word
