"""Media and literature: citations that reference managers read, and the links between media and
the tools and projects that cite them, on the real site in both languages.

The BibTeX and RIS files are read with independent parsers (bibtexparser, rispy), as a reference
manager would read them; expected values come from the sources.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
import rispy

from support.htmlscan import page_file
from support.media_records import media, read_bibtex
from toolkit.content.model import Entry, KnowledgeBase
from toolkit.render import citation

LANGS = {"de": "", "en": "en/"}


def unbraced(value: str) -> str:
    return value.replace("{", "").replace("}", "")


def people(entry: Entry, field: str) -> list[str]:
    return [f"{p['name']}, {p['vorname']}" if p.get("vorname") else p["name"] for p in entry.get(field, [])]


def test_every_medium_has_a_bibtex_file_a_parser_reads(built_site: Path, kb: KnowledgeBase) -> None:
    everything = read_bibtex((built_site / "daten" / "medien.bib").read_text(encoding="utf-8"))
    assert set(everything) == set(media(kb))
    for slug, medium in media(kb).items():
        own = read_bibtex((built_site / "medien" / slug / f"{slug}.bib").read_text(encoding="utf-8"))
        assert list(own) == [slug]
        record = own[slug]
        assert record == everything[slug]
        assert unbraced(record["title"]) == medium.data["titel"]
        assert record.get("year") == (str(medium.data["jahr"]) if medium.get("jahr") else None)
        for field, key in (("autoren", "author"), ("herausgeber", "editor")):
            names = [unbraced(n).strip() for n in record[key].split(" and ")] if key in record else []
            assert names == people(medium, field), f"{slug}: {key}"
        assert record.get("url") == medium.get("webadresse")


def test_every_medium_has_a_ris_file_a_parser_reads(built_site: Path, kb: KnowledgeBase) -> None:
    raw = (built_site / "daten" / "medien.ris").read_bytes()
    assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b""), "RIS lines end in CR LF"
    everything = {r["id"]: r for r in rispy.loads(raw.decode("utf-8"))}
    assert set(everything) == set(media(kb))
    for slug, medium in media(kb).items():
        own = rispy.loads((built_site / "medien" / slug / f"{slug}.ris").read_text(encoding="utf-8"))
        assert len(own) == 1 and own[0] == everything[slug]
        record = own[0]
        assert record["title"] == medium.data["titel"]
        assert record["type_of_reference"] == citation.TYPES[medium.data["art"]][1]
        assert record.get("authors", []) == people(medium, "autoren")
        assert record.get("secondary_authors", []) == people(medium, "herausgeber")
        assert record.get("year") == (str(medium.data["jahr"]) if medium.get("jahr") else None)
        assert record.get("urls", []) == ([medium.data["webadresse"]] if medium.get("webadresse") else [])
        assert record.get("language") == (medium.data["sprachen"][0] if len(medium.data["sprachen"]) == 1 else record.get("language"))


@pytest.mark.parametrize("lang", LANGS)
def test_each_medium_page_offers_its_reference_and_downloads(built_site: Path, kb: KnowledgeBase, lang: str) -> None:
    for slug, medium in media(kb).items():
        url = f"{LANGS[lang]}medien/{slug}/"
        page = page_file(built_site, url).read_text(encoding="utf-8")
        reference = re.search(rf'<p class="kb-citation" id="zitat-{slug}">(.*?)</p>', page)
        assert reference, url
        text = html.unescape(reference.group(1))
        assert medium.data["titel"].rstrip(".") in text
        for name in (p["name"] for field in ("autoren", "herausgeber") for p in medium.get(field, [])):
            assert name in text
        if medium.get("jahr"):
            assert f"({medium.data['jahr']})" in text
        for suffix in (citation.BIBTEX_SUFFIX, citation.RIS_SUFFIX):
            link = re.search(rf'href="([^"]*{re.escape(slug + suffix)})" download', page)
            assert link, f"{url}: no {suffix} download"
            assert (page_file(built_site, url).parent / link.group(1)).resolve().is_file()
        block = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
        assert block is not None, f"{url} has no JSON-LD"
        data = json.loads(block.group(1))
        main = data["@graph"][0]
        assert main["@type"] == citation.TYPES[medium.data["art"]][2] and main["name"] == medium.data["titel"]


@pytest.mark.parametrize("lang", LANGS)
def test_tools_and_media_link_each_other(built_site: Path, kb: KnowledgeBase, lang: str) -> None:
    """A tool that names a medium links to it; the medium lists the tool among the pages that cite
    it. A medium that names a tool or project is listed on that page too."""
    prefix = LANGS[lang]
    links = [(kind, slug, medium) for kind in ("werkzeug", "modellvorhaben")
             for slug, entry in kb.collection(kind).items() for medium in entry.get("medien", [])]
    assert links, "no tool or project names a medium"
    folder = {"werkzeug": "werkzeuge", "modellvorhaben": "modellvorhaben"}
    for kind, slug, medium in links:
        entry_page = page_file(built_site, f"{prefix}{folder[kind]}/{slug}/").read_text(encoding="utf-8")
        assert f'href="../../medien/{medium}/"' in entry_page, f"{slug} does not link {medium}"
        medium_page = page_file(built_site, f"{prefix}medien/{medium}/").read_text(encoding="utf-8")
        assert f'href="../../{folder[kind]}/{slug}/"' in medium_page, f"{medium} does not list {slug}"
    for slug, medium in media(kb).items():
        for kind, field in (("werkzeug", "werkzeuge"), ("modellvorhaben", "modellvorhaben")):
            for other in medium.get(field, []):
                page = page_file(built_site, f"{prefix}{folder[kind]}/{other}/").read_text(encoding="utf-8")
                assert f'href="../../medien/{slug}/"' in page, f"{other} does not list {slug}"
