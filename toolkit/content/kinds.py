"""Every kind of entry, declared once.

A kind's declaration says which fields its sources have (``schema.py``), where its sources and
pages live, what the checker calls it, which facets its catalogue filters by, and whether it
goes into the feed and the open data as a table. Every module that loads, routes, lists,
searches or exports entries walks these declarations; a new kind is one more declaration here,
its words in ``labels.py`` and, where its page differs from a tool's, its page template in
``render/entry_pages.py``. The vocabularies the sources need follow from the fields (``VOCABULARIES``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from toolkit.content import events, schema
from toolkit.content.group_size import FACET as GROUP_FACET
from toolkit.content.schema import Field

# The vocabulary of topics (Handlungsfelder), and the field that names an entry's topics.
TOPICS = "themen"


@dataclass(frozen=True)
class Kind:
    name: str  # the key references name (a slug field's ``ref``); its words are labels.py's "kind_<name>"
    fields: tuple[Field, ...]
    # docs/<folder>/<slug>.md (+ .en.md), the pages <folder>/<slug>/ and the catalogue <folder>/;
    # the open data's files are daten/<folder>.json and .csv.
    folder: str
    noun: str  # what the checker's messages call one entry, in English
    title_field: str = "titel"
    # One Markdown source and one page per entry; the glossary's terms share one page instead.
    pages: bool = True
    feed: bool = True  # new and reviewed entries go into the Atom feed
    csv: bool = True  # the open data has a table of it beside the JSON
    # The catalogue's facets, in the order shown: what a visitor wants to achieve first, then who
    # takes part and how, then the details.
    facets: tuple[str, ...] = ()
    # Vocabularies whose labels and search words the catalogue's text filter knows: a query word
    # that matches one finds the entries with that value, though the card does not show it.
    word_facets: tuple[str, ...] = ()
    card_facets: tuple[str, ...] = ()  # facet values shown on each catalogue card
    # Checks across fields, after each field is checked: (valid fields, fields as written,
    # report(key, message)).
    check: Callable[[dict[str, Any], dict[str, Any], Callable[[tuple[str, ...], str], None]], None] | None = None
    # The order of its entries in lists and indexes, from an entry's fields; without it, by title.
    order_key: Callable[[dict[str, Any]], Any] | None = None

    @property
    def has_topics(self) -> bool:
        """Whether its entries name topics (the vocabulary ``themen``): they appear on topic pages."""
        return any(spec.name == TOPICS and (spec.item or spec).vocab == TOPICS for spec in self.fields)


WERKZEUG = Kind(
    "werkzeug", schema.WERKZEUG, "werkzeuge", "tool",
    facets=("ziel", "themen", "zielgruppen", GROUP_FACET, "dauerklasse", "aufwand", "formattyp", "modus",
            "organisation", "reichweite"),
    word_facets=("ziel", "themen", "zielgruppen", "formattyp"),
    card_facets=("formattyp", "modus", "dauerklasse", "aufwand"),
)
MODELLVORHABEN = Kind(
    "modellvorhaben", schema.MODELLVORHABEN, "modellvorhaben", "model project",
    facets=("themen", "bundesland", "lagetyp", "laufzeit", "projektaufruf"),
    word_facets=("themen",),
    card_facets=("bundesland",),
)
# Medien
MEDIUM = Kind(
    "medium", schema.MEDIUM, "medien", "medium",
    facets=("art", "themen", "jahr", "sprachen"),
    word_facets=("art", "themen"),
    card_facets=("art", "jahr"),
)
BEGRIFF = Kind("begriff", schema.BEGRIFF, "glossar", "glossary term", title_field="begriff", pages=False, feed=False,
               csv=False)
# Veranstaltungen
VERANSTALTUNG = Kind(
    "veranstaltung", schema.VERANSTALTUNG, "veranstaltungen", "event",
    facets=("themen", "format", "zielgruppen", "bundesland", events.ATTENDANCE),
    word_facets=("themen", "zielgruppen", "bundesland"),
    check=events.check,
    order_key=events.order_key,  # by first day and time, undated ones last
)

KINDS: dict[str, Kind] = {kind.name: kind for kind in (WERKZEUG, MODELLVORHABEN, VERANSTALTUNG, MEDIUM, BEGRIFF)}
# The kinds with a source file and a page per entry, in the order lists and files name them.
ENTRY_KINDS: tuple[Kind, ...] = tuple(kind for kind in KINDS.values() if kind.pages)
FIELDS: dict[str, tuple[Field, ...]] = {kind.name: kind.fields for kind in KINDS.values()}
# The kinds whose entries a topic's page lists, in the order of KINDS.
TOPIC_KINDS: tuple[Kind, ...] = tuple(kind for kind in ENTRY_KINDS if kind.has_topics)
# The folders under docs/ that hold one source per entry -> their kind's name.
ENTRY_FOLDERS: dict[str, str] = {kind.folder: kind.name for kind in ENTRY_KINDS}


def by_folder(folder: str) -> Kind | None:
    """The kind whose entries live in ``folder`` (``werkzeuge``), if any."""
    name = ENTRY_FOLDERS.get(folder)
    return KINDS[name] if name else None


def _vocabulary_uses(prefix: str, fields: tuple[Field, ...]) -> Iterator[tuple[str, str]]:
    for spec in fields:
        where = f"{prefix}.{spec.name}"
        if spec.vocab:
            yield spec.vocab, where
        if spec.item is not None:
            yield from _vocabulary_uses(prefix, (spec.item,))
        yield from _vocabulary_uses(where, spec.fields)


def _vocabularies() -> dict[str, tuple[str, ...]]:
    uses: dict[str, list[str]] = {}
    for kind in KINDS.values():
        for vocab, where in _vocabulary_uses(kind.name, kind.fields):
            if where not in uses.setdefault(vocab, []):
                uses[vocab].append(where)
    return {vocab: tuple(places) for vocab, places in uses.items()}


# Every vocabulary a declared field takes its values from -> the fields that do ("werkzeug.themen"),
# in the order of the declarations: docs/vokabular.yml must hold exactly these.
VOCABULARIES: dict[str, tuple[str, ...]] = _vocabularies()
