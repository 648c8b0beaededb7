"""Every text under docs/ is written in the project's own words: no run of eight or more words
is shared with the brochure on the pilot phase, the one source of the facts.

Official names and titles (of ministries, programmes, a model project, a motto) may be quoted
as they are; they are cut out of both texts before runs are compared, as are web addresses.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from support.sites import REPO

# The brochure is not part of the repository (it is not ours to republish): it lies in the
# project's shared folder beside the checkout, or where KB_BROCHURE says.
BROCHURE = Path(os.environ.get("KB_BROCHURE", REPO.parent / "shared" / "seed" / "000_b7679fe22ad07e82.txt"))
RUN = 8
# Names and titles, in the inflected forms the texts use: quoting them is not copying.
NAMES = [
    "Bundesministerium des Innern, für Bau und Heimat", "Bundesministeriums des Innern, für Bau und Heimat",
    "Bundesinstitut für Bau-, Stadt- und Raumforschung", "Bundesinstituts für Bau-, Stadt- und Raumforschung",
    "Bundesministerium für Umwelt, Naturschutz, Bau und Reaktorsicherheit",
    "Bundesministeriums für Umwelt, Naturschutz, Bau und Reaktorsicherheit",
    "Attraktiv wohnen in der Kleinstadt – Wandel durch Digitalisierung und Mobilität",
    "Kleinstadtentwicklung – innovativ, vielfältig, zukunftsfähig",
    "Stadtentwicklung von, mit und für Kleinstädte", "Stadtentwicklung von Kleinstädten, mit Kleinstädten und für Kleinstädte",
    "Potenziale von Kleinstädten in peripheren Lagen", "Leipzig-Charta zur nachhaltigen europäischen Stadt",
    "LEIPZIG CHARTA zur nachhaltigen europäischen Stadt",
    "Deutschen Städte- und Gemeindebundes", "Deutschen Landkreistags", "Deutscher Städte- und Gemeindebund",
    "Sächsischen Landeszentrale für politische Bildung", "Sächsische Landeszentrale für politische Bildung",
    "Bayerischen Staatsministeriums für Wohnen, Bau und Verkehr", "Bayerisches Staatsministerium für Wohnen, Bau und Verkehr",
    "Was ist ein BarCamp? Einfach erklärt!", "Experimenteller Wohnungs- und Städtebau", "Experimentellen Wohnungs- und Städtebaus",
    "Sondierungsworkshop Kleinstädte und digitale Transformation",
    "Gemeinsam über die Kleinstadt von morgen diskutieren",
    "Informationen zur Raumentwicklung",
    "Planungspraxis kleiner und mittlerer Städte in Deutschland", "Neue Materialien zur Planungskultur",
]
URL = re.compile(r"(?:https?://|www\.)\S+")


def words(text: str) -> list[str]:
    """Lower-case words; names become a break (an empty word) that no run can cross."""
    text = re.sub(r"-\s*\n\s*(?=[a-zäöü])", "", text)  # the brochure's hyphenated line breaks
    text = URL.sub(" | ", text)
    text = re.sub(r"\s+", " ", text)
    for name in sorted(NAMES, key=len, reverse=True):
        text = re.sub(r"\s*".join(re.escape(w) for w in name.split()), " | ", text, flags=re.IGNORECASE)
    return [w.lower() if w != "|" else "" for w in re.findall(r"[0-9A-Za-zÄÖÜäöüß]+|\|", text)]


def runs(found: list[str]) -> set[tuple[str, ...]]:
    return {tuple(found[i:i + RUN]) for i in range(len(found) - RUN + 1) if all(found[i:i + RUN])}


def sources() -> list[Path]:
    return sorted(p for p in (REPO / "docs").rglob("*") if p.suffix in {".md", ".yml"})


@pytest.mark.skipif(not BROCHURE.exists(), reason="the brochure is not on this machine")
def test_no_run_of_eight_words_is_shared_with_the_brochure() -> None:
    brochure = runs(words(BROCHURE.read_text(encoding="utf-8")))
    shared = {}
    for path in sources():
        common = runs(words(path.read_text(encoding="utf-8"))) & brochure
        if common:
            shared[path.relative_to(REPO).as_posix()] = sorted(" ".join(r) for r in common)[:3]
    assert shared == {}


def test_names_are_cut_out_but_other_words_stay() -> None:
    found = words("Das Bundesministerium des Innern, für Bau und Heimat (BMI) hat 2018 etwas gestartet.")
    assert found[:2] == ["das", ""] and "gestartet" in found
