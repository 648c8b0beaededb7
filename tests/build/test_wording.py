"""Wording the built site must hold to, in both languages: the academy's status as the brochure
on the pilot phase reports it, the BBSR's count of municipalities, and one English word per term.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from support.langtext import pages, text_in
from support.sites import REPO

# Statements that present the planned academy as an existing federal body, or in the present tense.
FORBIDDEN_STATUS = {
    "de": [r"Akademie des Bundes", r"Bundesakademie", r"Kleinstadtakademie des Bundes", r"Initiative des Bundes",
           r"Die (Kleinstadt)?[Aa]kademie (ist|hilft|unterstützt|will|setzt|bietet)\b"],
    "en": [r"federal academy", r"federal initiative", r"federal programme",
           r"\bthe (Kleinstadtakademie|academy|Small Town Academy)( \(Small Town Academy\))? "
           r"(is|helps|supports|wants|offers|provides|relies)\b"],
}
# "Fast jede zweite Gemeinde": Germany has about 11,000 municipalities; the BBSR's 4,507 units
# are municipalities *and municipal associations*.
FORBIDDEN_COUNT = {
    "de": [r"jede zweite (Stadt|Gemeinde)\b", r"4\.507 (Städte|Städten)\b"],
    "en": [r"every second (town|municipality)\b", r"4,507 (towns|cities)\b"],
}
COUNT_WORDS = {"de": "Gemeinden und Gemeindeverbände", "en": "municipalities and municipal associations"}


def _hits(site: Path, lang: str, patterns: list[str]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for page in pages(site, lang):
        text = re.sub(r"\s+", " ", text_in(page, lang))
        for pattern in patterns:
            for match in re.finditer(pattern, text, flags=re.IGNORECASE if lang == "en" else 0):
                found.setdefault(page.relative_to(site).as_posix(), []).append(match.group(0))
    return found


def test_no_page_presents_the_academy_as_an_existing_federal_body(built_site: Path) -> None:
    for lang, patterns in FORBIDDEN_STATUS.items():
        assert _hits(built_site, lang, patterns) == {}, lang


def test_the_bbsr_count_names_municipalities_and_municipal_associations(built_site: Path) -> None:
    figures = yaml.safe_load((REPO / "docs" / "zahlen.yml").read_text(encoding="utf-8"))
    total = sum(t["anzahl"] for t in figures["siedlungstypen"])
    for lang, patterns in FORBIDDEN_COUNT.items():
        assert _hits(built_site, lang, patterns) == {}, lang
        number = f"{total:,}".replace(",", "." if lang == "de" else ",")
        page = built_site / ("en/" if lang == "en" else "") / "kleinstaedte" / "index.html"
        text = re.sub(r"\s+", " ", text_in(page, lang))
        assert f"{number} {COUNT_WORDS[lang]}" in text, lang


def test_the_gap_between_the_location_counts_and_the_total_is_stated(built_site: Path) -> None:
    figures = yaml.safe_load((REPO / "docs" / "zahlen.yml").read_text(encoding="utf-8"))
    small = next(t["anzahl"] for t in figures["siedlungstypen"] if t["key"] == "kleinstaedte")
    by_location = 925 + 1187  # peripheral + central small towns, as the brochure gives them
    assert by_location != small
    for lang, sep in (("de", "."), ("en", ",")):
        page = built_site / ("en/" if lang == "en" else "") / "kleinstaedte" / "index.html"
        text = re.sub(r"\s+", " ", text_in(page, lang))
        assert f"{by_location:,}".replace(",", sep) in text and f"{small:,}".replace(",", sep) in text


def terminology() -> list[dict[str, Any]]:
    return yaml.safe_load((REPO / "docs" / "terminologie.yml").read_text(encoding="utf-8"))["begriffe"]


def test_english_pages_use_one_word_per_term(built_site: Path) -> None:
    patterns = [r"\b" + re.escape(w) + r"\b" for t in terminology() for w in t.get("nicht", [])]
    assert patterns
    assert _hits(built_site, "en", patterns) == {}


BROCHURE_MEDIUM = "broschuere-pilotphase-kleinstadtakademie"
BROCHURE = {"de": r"Broschüre (von BMI und BBSR )?zur Pilotphase", "en": r"brochure (of the BMI and the BBSR )?on the pilot phase"}


def test_every_page_that_names_the_brochure_leads_to_its_citation(built_site: Path) -> None:
    """The brochure's citation is its glossary entry (publishers, subject, period) or its page among
    the media, which links that entry; a page that names the brochure leads to one of them."""
    from toolkit.sources.load import load

    kb, _ = load(REPO / "docs", REPO)
    citation = kb.terms["broschuere-pilotphase"]
    for lang in ("de", "en"):
        assert all(word in citation.text("definition", lang) for word in ("BMI", "BBSR", "2019", "2022"))
    naming = 0
    for lang, pattern in BROCHURE.items():
        for page in pages(built_site, lang):
            if re.search(pattern, " ".join(text_in(page, lang).split()), flags=re.IGNORECASE):
                naming += 1
                text = page.read_text(encoding="utf-8")
                assert ('glossar/#broschuere-pilotphase"' in text or f'{BROCHURE_MEDIUM}/"' in text
                        or page.parent.name == "glossar"), page
    assert naming > 10
    medium = (built_site / "medien" / BROCHURE_MEDIUM / "index.html").read_text(encoding="utf-8")
    assert 'glossar/#broschuere-pilotphase"' in medium
