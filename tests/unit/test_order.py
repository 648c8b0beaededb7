"""The alphabetical order of the lists: umlauts sort beside their base letters."""

from __future__ import annotations

from toolkit.content.order import sort_key


def test_the_rule_puts_umlauts_beside_their_base_letter() -> None:
    words = ["Zukunft", "Ärger", "Bürger", "Apfel", "bar"]
    assert sorted(words, key=sort_key) == ["Apfel", "Ärger", "bar", "Bürger", "Zukunft"]
