"""Where each page comes from and when it last changed: its "edit this page" links and date.

An editor who follows a page's edit link must land in the file that holds the words on the
page, in the page's language: ``x.en.md`` on an English page when that translation exists;
``docs/vokabular.yml`` for a generated topic page; ``docs/glossar.yml`` for the glossary. A page
changes when any source it shows changes, so a catalogue is as new as its newest entry.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from toolkit.content.kinds import TOPIC_KINDS
from toolkit.content.labels import display_date, section
from toolkit.content.model import DEFAULT_LANGUAGE, Entry, KnowledgeBase
from toolkit.content.routes import Role, Route
from toolkit.index import CrossIndex
from toolkit.sources.figures import FIGURES_FILE
from toolkit.sources.load import GLOSSARY_FILE
from toolkit.sources.vocabulary import VOCABULARY_FILE

LABELS = section("provenance")  # {lang: {key: text}}, from labels.py


@dataclass(frozen=True)
class EditLink:
    path: str  # the source file, relative to the repository root: docs/werkzeuge/x.en.md
    role: str  # what editing it changes: a key of LABELS


@dataclass(frozen=True)
class Provenance:
    edit: tuple[EditLink, ...]  # the page's own file first
    changed: date | None  # None: no history and no date in the sources


@dataclass(frozen=True)
class _Input:
    paths: tuple[str, ...]
    fallback: date | None = None  # the source's own date, when the history knows none of the paths


def page_provenance(*, kb: KnowledgeBase, index: CrossIndex, page: Route, lang: str,
                    docs: str, files: frozenset[str], history: dict[str, date]) -> Provenance:
    """The sources of ``page`` (``routes.Route``, of an entry, topic or facet value that exists).

    ``docs`` is the sources folder and ``files`` every file in it, both relative to the
    repository root; ``history`` the last commit date of each file (``{}`` without git).
    """
    path, role = page.path, page.role
    if role is Role.ENTRY:
        entry = kb.collection(page.kind or "")[page.slug or ""]
        own = entry.source.get(lang, entry.source[DEFAULT_LANGUAGE])
        return _provenance([EditLink(own, "page")], [_entry_input(entry, lang)], history)
    vocabulary = f"{docs}/{VOCABULARY_FILE}"
    if role is Role.TOPIC:
        slug = page.slug or ""
        shown = [kb.collection(kind.name)[s] for kind in TOPIC_KINDS for s in index.topic(kind.name, slug)]
        return _provenance([EditLink(vocabulary, "page")],
                           [_Input((vocabulary,)), *(_entry_input(e, lang) for e in shown)], history)
    if not page.lists and f"{docs}/{path}" not in files:
        # Generated from the vocabulary and the tools: a facet value's page or the method finder.
        return _provenance([EditLink(vocabulary, "page")],
                           [_Input((vocabulary,)), *(_entry_input(e, lang) for e in kb.tools.values())], history)
    translated = f"{docs}/{path[:-3]}.{lang}.md"
    own = translated if lang != DEFAULT_LANGUAGE and translated in files else f"{docs}/{path}"
    inputs = [_Input((own,))]
    if not page.lists:
        return _provenance([EditLink(own, "page")], inputs, history)
    if role is Role.GLOSSARY:
        glossary = f"{docs}/{GLOSSARY_FILE}"
        return _provenance([EditLink(glossary, "terms"), EditLink(own, "intro")], [*inputs, _Input((glossary,))],
                           history)
    if role is Role.TOPICS:
        return _provenance([EditLink(own, "page"), EditLink(vocabulary, "topics")],
                           [*inputs, _Input((vocabulary,))], history)
    if role is Role.FIGURES:
        figures = f"{docs}/{FIGURES_FILE}"
        return _provenance([EditLink(own, "page"), EditLink(figures, "figures")], [*inputs, _Input((figures,))],
                           history)
    if role is Role.CATALOGUE:
        listed: list[Entry] = list(kb.collection(page.kind or "").values())
    else:  # the start page lists the newest entries
        listed = [*kb.tools.values(), *kb.projects.values()]
    return _provenance([EditLink(own, "page")], [*inputs, *(_entry_input(e, lang) for e in listed)], history)


def _entry_input(entry: Entry, lang: str) -> _Input:
    # The German file holds every structured field, so it shapes the English page as well.
    paths = [entry.source[DEFAULT_LANGUAGE]]
    if lang != DEFAULT_LANGUAGE and lang in entry.source:
        paths.append(entry.source[lang])
    return _Input(tuple(paths), entry.data.get("geprueft"))


def _provenance(edit: list[EditLink], inputs: list[_Input], history: dict[str, date]) -> Provenance:
    dates = []
    for source in inputs:
        known = [history[p] for p in source.paths if p in history]
        if known:
            dates.append(max(known))
        elif source.fallback is not None:
            dates.append(source.fallback)
    return Provenance(tuple(edit), max(dates) if dates else None)


def page_facts(provenance: Provenance, *, lang: str, edit_base: str) -> dict[str, Any]:
    """What the page template shows: edit links (when the repository is configured) and the date.

    ``edit_base`` is the repository's edit address, to which a source path is appended
    (``https://github.com/<owner>/<repo>/edit/main/``); empty: no edit links.
    """
    words = LABELS[lang]
    edit = [{"href": edit_base + link.path, "text": words[link.role], "path": link.path,
             "file_label": words["file"]} for link in provenance.edit] if edit_base else []
    changed = provenance.changed
    return {
        "edit_url": edit[0]["href"] if edit else None,
        "edit": edit,
        "changed": {"datetime": changed.isoformat(), "text": display_date(changed, lang),
                    "label": words["changed"]} if changed else None,
    }


