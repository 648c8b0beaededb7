"""The theme as a visitor meets it: a tool card on paper, the skip link, the page's security policy,
and the footer's links in the reader's language.

The printed card is checked twice: Chromium's own PDF (A4, as a visitor's "print" makes it) must
have at most two pages, and under print media the page must show the card and its address and
hide everything that only works on a screen.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin

import pytest
from lxml import html as lxml_html

TOOL = "werkzeuge/zukunftswerkstatt/"
LANGS = {"de": "", "en": "en/"}


def _footer_links(page: Path) -> list[str]:
    footer = '//nav[contains(concat(" ", @class, " "), " kb-footer-nav ")]//a/@href'
    return [str(href) for href in lxml_html.document_fromstring(page.read_text(encoding="utf-8")).xpath(footer)]


@pytest.mark.parametrize("lang", LANGS)
def test_footer_links_the_legal_and_accessibility_pages_in_the_readers_language(
        built_site: Path, lang: str) -> None:
    expected = [f"/{LANGS[lang]}{page}/" for page in
                ("impressum", "datenschutz", "barrierefreiheit", "leichte-sprache", "gebaerdensprache")]
    for path in ("", TOOL, "glossar/"):
        links = _footer_links(built_site / LANGS[lang] / path / "index.html")
        here = f"http://site/{LANGS[lang]}{path}"
        assert [urljoin(here, link).removeprefix("http://site") for link in links] == expected, path
    licence = (built_site / LANGS[lang] / "index.html").read_text(encoding="utf-8")
    assert "creativecommons.org/licenses/by/4.0/" in licence
