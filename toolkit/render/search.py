"""Site search: which pages say what kind of thing they are, and how the search index is built.

The index is Pagefind's (https://pagefind.app): it reads the finished HTML, takes each page's
language from ``<html lang>`` (one index per language, German with German stemming) and writes
the index in small chunks that the browser fetches per query. Opening a page fetches nothing of
it. Pagefind indexes only what a page marks with ``data-pagefind-body`` (the theme marks the main
content) and skips what is marked ``data-pagefind-ignore`` (lists of entries that have pages of
their own).
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from toolkit.content.kinds import FIELDS
from toolkit.content.labels import label
from toolkit.content.markup import esc
from toolkit.content.model import LANGUAGES, Entry, KnowledgeBase
from toolkit.content.routes import Role, route
from toolkit.content.urls import prefix
from toolkit.render import search_words

# The bundle's folder under the site root: the header's search box loads pagefind/pagefind.js.
BUNDLE_FOLDER = "pagefind"
# Pagefind leaves out the element that carries this attribute and all inside it: page furniture
# (fact-box labels, lists of other pages, notices) that every page of a kind repeats.
SEARCH_IGNORE = 'data-pagefind-ignore="all"'

# Words of the search box; the box is on every page, the 404 page included.
UI_LABELS = ("search", "search_label", "search_open", "search_placeholder", "search_none", "search_one",
             "search_other", "search_loading", "search_failed", "search_all", "search_results", "search_matched",
             "search_has", "search_for", "search_title", "search_page", "search_prev", "search_next")
# The results page (docs/suche.md, docs/suche.en.md): /suche/?q=…, and /en/suche/ like every
# English page. English visitors get it at an English address too: the build copies the page
# there (same depth, so its relative links hold) and the English box leads there.
RESULTS_PAGE = "suche/"
RESULTS_ALIASES = {"en": "search/"}


class SearchIndexError(Exception):
    """Pagefind failed; the message holds what it said."""


@dataclass(frozen=True)
class IndexReport:
    command: list[str]
    output: str


def result_type(*, src_uri: str, lang: str) -> str:
    """The label a search result carries: Werkzeug, Modellvorhaben, Glossar, Thema or Seite (in ``lang``).

    ``src_uri`` is the page's source path, German or English (``werkzeuge/x.en.md``). Every file
    in a collection's folder but its index is an entry: the sources' checker sees to that.
    """
    page = route(src_uri)
    if page.role is Role.ENTRY:
        return label(lang, f"kind_{page.kind}")
    if page.role is Role.GLOSSARY:
        return label(lang, "kind_begriff")
    if page.role is Role.TOPIC:
        return label(lang, "kind_thema")
    return label(lang, "kind_seite")


def searched(*, src_uri: str) -> bool:
    """Whether a page goes into the search index: not the pages that only list the entries with
    one facet value (werkzeuge/<facet>/<value>): a query should lead to the entries themselves,
    and their tags' words are in the entries' index (``tag_words``)."""
    return route(src_uri).role is not Role.FACET


def ui_labels(*, lang: str) -> dict[str, str]:
    return {key: label(lang, key) for key in UI_LABELS}


def box_settings(*, lang: str) -> dict[str, str]:
    """What the header's box needs besides words: the results page, and whether to split compounds."""
    return {"results": prefix(lang) + RESULTS_ALIASES.get(lang, RESULTS_PAGE),
            "split": str(lang in search_words.SPLIT_LANGUAGES).lower()}


def copy_results_aliases(site_dir: Path) -> None:
    """The results page at its English address: a copy of en/suche/ at en/search/."""
    for lang, alias in RESULTS_ALIASES.items():
        assert alias.count("/") == RESULTS_PAGE.count("/"), "an alias at another depth breaks relative links"
        source = site_dir / prefix(lang) / RESULTS_PAGE / "index.html"
        if source.is_file():
            target = site_dir / prefix(lang) / alias / "index.html"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(source.read_bytes())


def index_command(*, site_dir: Path, python: str = sys.executable) -> list[str]:
    """Pagefind over the whole built site: every language at once, into ``pagefind/``."""
    return [python, "-m", "pagefind", "--site", str(site_dir), "--output-subdir", BUNDLE_FOLDER]


def build_index(*, site_dir: Path) -> IndexReport:
    """Index the finished site. Run it once, after every language has been written (and after
    ``copy_results_aliases``, so the copy is indexed as its original is)."""
    command = index_command(site_dir=site_dir)
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    output = (result.stdout + result.stderr).strip()
    if result.returncode != 0:
        raise SearchIndexError(f"Pagefind could not index {site_dir} (exit status {result.returncode}):\n{output}")
    bundle = site_dir / BUNDLE_FOLDER
    _sort_entry_file(bundle / "pagefind-entry.json")
    try:
        sizes = search_words.write_word_lists(bundle, languages={lang: prefix(lang) for lang in LANGUAGES})
    except search_words.FragmentFormatError as error:
        raise SearchIndexError(f"{error}; the word list for compound splitting could not be written") from error
    words = ", ".join(f"{lang} {size / 1000:.0f} KB" for lang, size in sizes.items())
    return IndexReport(command=command, output=f"{output}\nWord lists for compound splitting: {words}")


def _sort_entry_file(path: Path) -> None:
    # Pagefind lists the languages in its entry file in no fixed order; sorted, two builds of
    # the same sources are byte-identical. The browser reads the file as JSON: order is no matter.
    entry = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps(entry, sort_keys=True, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


# The metadata field that carries a page's search words: Pagefind matches a query against it and
# ranks the page by it (overrides/assets/search.js weighs it), but never shows it in an excerpt.
WORDS_META = "suchwoerter"


def tag_words(kb: KnowledgeBase, entry: Entry, lang: str) -> list[str]:
    """The vocabulary's search words of every value an entry is tagged with (docs/vokabular.yml).

    "Bürgerbeteiligung" then finds a tool tagged *beteiligung* whose text never says it.
    """
    words: list[str] = []
    for field in FIELDS[entry.kind]:
        vocab = field.vocab or (field.item.vocab if field.item else None)
        if vocab is None or vocab not in kb.vocab:
            continue
        value = entry.get(field.name)
        for key in value if isinstance(value, list) else [value] if value else []:
            words += [w for w in kb.vocab[vocab].search_words(str(key), lang) if w not in words]
    return words


def words_html(words: list[str] | tuple[str, ...]) -> str:
    """A page's search words as its metadata: found by search, never shown."""
    if not words:
        return ""
    # Pagefind separates metadata fields by commas: the words are joined without one.
    # Taken from an attribute of an empty element: text inside would be indexed as the page's own.
    joined = esc(" · ".join(w.replace(",", " ") for w in words))
    return f'<span data-{WORDS_META}="{joined}" data-pagefind-meta="{WORDS_META}[data-{WORDS_META}]"></span>'
