"""German inside English pages is marked lang="de" (WCAG 3.1.2), and the checker knows how."""

from __future__ import annotations

import re
from pathlib import Path

from support.langtext import pages, pieces
from support.sites import REPO
from toolkit.sources.language_checks import german_terms
from toolkit.sources.load import load


def _terms() -> list[str]:
    kb, _ = load(REPO / "docs", REPO)
    return german_terms(REPO / "docs", kb.terms)


def _unmarked(site: Path) -> dict[str, list[str]]:
    terms = _terms()
    word = re.compile(r"(?<!\w)(" + "|".join(map(re.escape, terms)) + r")\w*")
    found: dict[str, list[str]] = {}
    for page in pages(site, "en"):
        for lang, text in pieces(page):
            if lang != "en":
                continue
            hits = [m[0] for m in word.finditer(text)] + (["„"] if "„" in text else [])
            if hits:
                found.setdefault(page.relative_to(site).as_posix(), []).extend(hits)
    return found


def test_german_terms_on_english_pages_are_marked_as_german(built_site: Path) -> None:
    assert _terms()
    assert _unmarked(built_site) == {}


def test_marked_words_reach_the_page_with_their_language(built_site: Path) -> None:
    page = built_site / "en" / "foerderung" / "index.html"
    marked = [text for lang, text in pieces(page) if lang == "de"]
    assert "Beirat" in marked and "Projektaufruf" in marked


def test_glossary_definitions_carry_the_mark(built_site: Path) -> None:
    page = built_site / "en" / "glossar" / "index.html"
    assert '<em lang="de">Geschäftsstelle</em>' in page.read_text(encoding="utf-8")
