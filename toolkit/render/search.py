"""Site search: which pages say what kind of thing they are, and how the search index is built.

The index is Pagefind's (https://pagefind.app): it reads each page's finished HTML as the build
writes it (``toolkit.site.search_index``), takes the page's language from ``<html lang>`` (one index
per language, German with German stemming) and writes the index in small chunks that the browser
fetches per query. Opening a page fetches nothing of it. Pagefind indexes only what a page
marks with ``data-pagefind-body`` (the theme marks the main content) and skips what is marked
``data-pagefind-ignore`` (lists of entries that have pages of their own).
"""

from __future__ import annotations

from pathlib import Path

from toolkit.content.kinds import FIELDS
from toolkit.content.labels import label
from toolkit.content.markup import esc
from toolkit.content.model import Entry, KnowledgeBase
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


def addresses(url: str) -> list[str]:
    """Where a page is on the site (``url`` relative to the site root, as MkDocs gives it): its
    own address, and for the results page also the address of its copy (``copy_results_aliases``)."""
    copies = [prefix(lang) + alias for lang, alias in RESULTS_ALIASES.items() if url == prefix(lang) + RESULTS_PAGE]
    return [url, *copies]


def copy_results_aliases(site_dir: Path) -> None:
    """The results page at its English address: a copy of en/suche/ at en/search/."""
    for lang, alias in RESULTS_ALIASES.items():
        assert alias.count("/") == RESULTS_PAGE.count("/"), "an alias at another depth breaks relative links"
        source = site_dir / prefix(lang) / RESULTS_PAGE / "index.html"
        if source.is_file():
            target = site_dir / prefix(lang) / alias / "index.html"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(source.read_bytes())


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
