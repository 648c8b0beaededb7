"""Nothing an editor writes is silently dropped: every source entry reaches every place it belongs.

For each tool, model project and glossary term of the real sources, in German and English: its
page (or, for a term, its place on the glossary page), its card in the catalogue, its place on
the pages of its topics, its record in the search index and its record in the open data.
Addresses are the site's public ones (toolkit/content/urls.py); a change to them would break every link to the site.
"""

from __future__ import annotations

import csv
import html
import io
import json
from functools import cache
from pathlib import Path

from support.htmlscan import page_file, parse, resolve
from support.search_records import search_records
from toolkit.content.kinds import ENTRY_KINDS, KINDS
from toolkit.content.model import KnowledgeBase

LANGS = {"de": "", "en": "en/"}
# Every kind with a page per entry: tools, model projects, media.
FOLDER = {kind.name: kind.folder for kind in ENTRY_KINDS}


def entries(kb: KnowledgeBase) -> list:
    return [e for kind in ENTRY_KINDS for e in kb.collection(kind.name).values()]


@cache
def _page(file: Path):
    return parse(file)


def test_every_entry_has_its_page_in_both_languages(built_site: Path, kb: KnowledgeBase) -> None:
    missing = []
    for entry in entries(kb):
        for lang, prefix in LANGS.items():
            file = page_file(built_site, f"{prefix}{FOLDER[entry.kind]}/{entry.slug}/")
            if not file.is_file():
                missing.append(f"{prefix}{FOLDER[entry.kind]}/{entry.slug}/ (no page)")
            elif entry.title(lang) not in html.unescape(file.read_text(encoding="utf-8")):
                missing.append(f"{prefix}{FOLDER[entry.kind]}/{entry.slug}/ (does not show its title {entry.title(lang)!r})")
    assert not missing, "\n".join(missing)


def test_every_entry_has_its_card_in_the_catalogue(built_site: Path, kb: KnowledgeBase) -> None:
    missing = []
    for prefix in LANGS.values():
        for kind, folder in FOLDER.items():
            catalogue = _page(page_file(built_site, f"{prefix}{folder}/"))
            shown = {e.attrs["data-slug"] for e in catalogue.elements if "data-slug" in e.attrs}
            expected = set(kb.collection(kind))
            missing += [f"{prefix}{folder}/: no card for {slug}" for slug in sorted(expected - shown)]
            missing += [f"{prefix}{folder}/: a card for {slug}, which has no source" for slug in sorted(shown - expected)]
    assert not missing, "\n".join(missing)


def test_every_entry_is_on_the_pages_of_its_topics(built_site: Path, kb: KnowledgeBase) -> None:
    missing = []
    for entry in entries(kb):
        for prefix in LANGS.values():
            target = page_file(built_site, f"{prefix}{FOLDER[entry.kind]}/{entry.slug}/").resolve()
            for topic in entry.get("themen", []):
                url = f"{prefix}themen/{topic}/"
                file = page_file(built_site, url)
                if not file.is_file():
                    missing.append(f"{url}: no topic page")
                    continue
                linked = {found[0].resolve() for link in _page(file).links()
                          if (found := resolve(built_site, url, link.attrs["href"]))}
                if target not in linked:
                    missing.append(f"{url}: does not link {entry.slug}")
    assert not missing, "\n".join(missing)


def test_every_glossary_term_has_its_place_in_both_languages(built_site: Path, kb: KnowledgeBase) -> None:
    missing = []
    for prefix in LANGS.values():
        glossary = _page(page_file(built_site, f"{prefix}glossar/"))
        missing += [f"{prefix}glossar/: no #{slug}" for slug in sorted(set(kb.terms) - glossary.ids())]
    assert not missing, "\n".join(missing)


# -- the search index (Pagefind) -------------------------------------------------------------------

def test_every_entry_and_term_is_in_the_search_index(built_site: Path, kb: KnowledgeBase) -> None:
    records = search_records(built_site)
    missing = []
    for lang, prefix in LANGS.items():
        found = records.get(lang, {})
        if not found:
            missing.append(f"no search index for {lang}")
            continue
        for entry in entries(kb):
            url = f"/{prefix}{FOLDER[entry.kind]}/{entry.slug}/"
            if url not in found:
                missing.append(f"{lang}: no search record for {url}")
        glossary = found.get(f"/{prefix}glossar/")
        anchors = {a["id"] for a in glossary["anchors"]} if glossary else set()
        missing += [f"{lang}: the glossary's search record has no #{slug}" for slug in sorted(set(kb.terms) - anchors)]
    assert not missing, "\n".join(missing)


# -- the open data ---------------------------------------------------------------------------------

OPEN_DATA = {kind.name: kind.folder for kind in KINDS.values()}


def test_every_entry_and_term_is_in_the_open_data(built_site: Path, kb: KnowledgeBase) -> None:
    missing = []
    for prefix in LANGS.values():
        for kind, name in OPEN_DATA.items():
            expected = set(kb.collection(kind))
            path = built_site / f"{prefix}daten/{name}.json"
            if not path.is_file():
                missing.append(f"{prefix}daten/{name}.json is missing")
                continue
            records = json.loads(path.read_text(encoding="utf-8"))["eintraege"]
            slugs = [record["slug"] for record in records]
            missing += [f"{prefix}daten/{name}.json: no record for {s}" for s in sorted(expected - set(slugs))]
            missing += [f"{prefix}daten/{name}.json: {s} twice" for s in sorted({s for s in slugs if slugs.count(s) > 1})]
            table = built_site / f"{prefix}daten/{name}.csv"
            if kind != "begriff" or table.exists():
                if not table.is_file():
                    missing.append(f"{prefix}daten/{name}.csv is missing")
                    continue
                rows = list(csv.DictReader(io.StringIO(table.read_text(encoding="utf-8-sig"))))
                missing += [f"{prefix}daten/{name}.csv: no row for {s}"
                            for s in sorted(expected - {row.get("slug") for row in rows})]
    assert not missing, "\n".join(missing)
