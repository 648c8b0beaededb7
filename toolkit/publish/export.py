"""The knowledge base as open data: JSON and CSV files per language, under CC BY 4.0.

Files, per language (German at the site root, English under ``en/``):
``daten/werkzeuge.json``, ``daten/werkzeuge.csv``, ``daten/modellvorhaben.json``,
``daten/modellvorhaben.csv``, ``daten/glossar.json``.

One file per language rather than one file with both: a CSV table holds one language's labels,
and a re-user of the JSON reads one language without picking through pairs. The field names are
the sources' own (German) names in both languages, so a program written for one language reads
the other; ``slug`` joins the two. Every record has every field (``null`` or empty when a source
leaves one out). The fields follow the declarations in ``schema.py``; ``docs/daten.md`` describes
each of them.

Everything here is deterministic: sorted keys, entries by slug, no build time, only the sources'
own dates. Two builds of the same sources give the same bytes.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from toolkit.content import urls
from toolkit.content.conventions import LICENCE_URL, LIST_SEPARATOR
from toolkit.content.kinds import ENTRY_KINDS, FIELDS, KINDS
from toolkit.content.labels import label
from toolkit.content.markup import plain
from toolkit.content.model import DEFAULT_LANGUAGE, LANGUAGES, Entry, KnowledgeBase
from toolkit.content.schema import Field
from toolkit.index import CrossIndex

DATA_FOLDER = "daten"
# kind -> name of its files (daten/werkzeuge.json, .csv): the folder of its sources.
DATASETS = {kind.name: kind.folder for kind in ENTRY_KINDS}
GLOSSARY_DATASET = KINDS["begriff"].folder
# Suffix of the CSV column that holds a vocabulary key's label in the file's language.
LABEL_SUFFIX = "_bezeichnung"

LICENCE_NAME = {lang: label(lang, "licence") for lang in LANGUAGES}
# dataset -> its title, per language
TITLES = {lang: {kind.folder: label(lang, f"collection_{kind.name}") for kind in KINDS.values()} for lang in LANGUAGES}


def data_files(*, kb: KnowledgeBase, index: CrossIndex, lang: str, site_url: str, site_name: str) -> dict[str, bytes]:
    """Every open-data file of one language: path below the site root -> content."""
    base = urls.prefix(lang) + DATA_FOLDER + "/"
    files: dict[str, bytes] = {}
    for kind, name in DATASETS.items():
        records = [entry_record(kb=kb, index=index, entry=e, lang=lang, site_url=site_url)
                   for e in sorted(kb.collection(kind).values(), key=lambda e: e.slug)]
        header = _header(kind=kind, name=name, kb=kb, lang=lang, site_url=site_url, site_name=site_name)
        files[base + name + ".json"] = _json({**header, "eintraege": records})
        files[base + name + ".csv"] = entry_csv(kb=kb, kind=kind, records=records, lang=lang)
    terms = [term_record(kb=kb, index=index, term=t, lang=lang, site_url=site_url)
             for t in sorted(kb.terms.values(), key=lambda t: t.slug)]
    header = _header(kind="begriff", name=GLOSSARY_DATASET, kb=kb, lang=lang, site_url=site_url, site_name=site_name)
    files[base + GLOSSARY_DATASET + ".json"] = _json({**header, "eintraege": terms})
    return files


def licence(*, lang: str, site_name: str, site_url: str) -> dict[str, str]:
    """The content licence, as each file states it: CC BY 4.0, naming the knowledge base."""
    return {"name": LICENCE_NAME[lang], "url": LICENCE_URL,
            "namensnennung": f"{site_name}, {site_url}" if site_url else site_name}


def entry_record(*, kb: KnowledgeBase, index: CrossIndex, entry: Entry, lang: str, site_url: str) -> dict[str, Any]:
    """One entry in ``lang``: every declared field, then what the index adds."""
    record: dict[str, Any] = {
        "slug": entry.slug,
        "url": site_url + urls.entry_url(entry.kind, entry.slug, lang),
        # The language of the texts: German while an entry has no English translation.
        "sprache": lang if entry.translated(lang) else DEFAULT_LANGUAGE,
    }
    for spec in FIELDS[entry.kind]:
        value = entry.text(spec.name, lang) if spec.translatable else entry.get(spec.name)
        record[spec.name] = _plain(value, spec)
    # What the pages show besides the declared fields: computed cross-references and the body.
    if entry.kind == "werkzeug":
        record["verwandt"] = list(index.related.get(entry.slug, record["verwandt"]))
        record["modellvorhaben"] = list(index.projects_by_tool.get(entry.slug, []))
    if "begriffe" in record:  # the listed terms and those found in the text
        record["begriffe"] = list(index.terms_of.get((entry.kind, entry.slug, lang), record["begriffe"]))
    record["text"] = ((entry.body.get(lang) if entry.translated(lang) else None) or entry.body.get("de", "")).strip()
    return record


def term_record(*, kb: KnowledgeBase, index: CrossIndex, term: Entry, lang: str, site_url: str) -> dict[str, Any]:
    """One glossary term in ``lang``."""
    return {
        "slug": term.slug,
        "url": site_url + urls.glossary_url(lang, term.slug),
        "begriff": term.text("begriff", lang),
        "abkuerzung": term.get("abkuerzung"),
        "definition": plain(term.text("definition", lang)),
        "varianten": list(term.get("varianten", {}).get(lang, [])),
        "siehe_auch": list(term.get("siehe_auch", [])),
        "links": [dict(link) for link in term.get("links", [])],
        "verwendet_in": [{"art": kind, "slug": slug, "url": site_url + urls.entry_url(kind, slug, lang)}
                         for kind, slug in index.term_used_in.get(term.slug, [])],
    }


def entry_csv(*, kb: KnowledgeBase, kind: str, records: list[dict[str, Any]], lang: str) -> bytes:
    """The records as one table: nested fields become columns, list items lines of a cell.

    Vocabulary keys get a second column with their label in ``lang``, the file's language.
    """
    columns = _columns(kind, kb=kb, lang=lang)
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([name for name, _ in columns])
    for record in records:
        writer.writerow([cell(record) for _, cell in columns])
    return out.getvalue().encode("utf-8")


def csv_columns(kind: str) -> list[str]:
    """The CSV header of a collection, for the documentation and its test."""
    return [name for name, _ in _columns(kind)]


@dataclass(frozen=True)
class Column:
    """What a CSV column holds, for the data package that describes the table."""

    name: str
    spec: Field | None  # the declaration of its values; None for the index's own columns
    several: bool  # list items, joined by LIST_SEPARATOR
    label_of: str | None = None  # the vocabulary whose labels it holds


def column_specs(kind: str) -> list[Column]:
    """Each CSV column of a collection with its declaration, in the table's order."""
    columns = [Column("slug", None, False), Column("url", None, False), Column("sprache", None, False)]
    for spec in FIELDS[kind]:
        columns += list(_column_specs(spec, (spec.name,), several=False))
    if kind == "werkzeug":
        columns.append(Column("modellvorhaben", None, True))
    columns.append(Column("text", None, False))
    return columns


def _column_specs(spec: Field, path: tuple[str, ...], *, several: bool) -> Iterator[Column]:
    # The same walk as _field_columns: a list's items become several values of one cell.
    item = spec.item if spec.type == "list" else None
    if spec.type == "object":
        for sub in spec.fields:
            yield from _column_specs(sub, (*path, sub.name), several=several)
        return
    if item is not None and item.type == "object":
        for sub in item.fields:
            yield from _column_specs(sub, (*path, sub.name), several=True)
        return
    name = "_".join(path)
    value = item if item is not None else spec
    yield Column(name, value, several or item is not None)
    vocab = spec.vocab or (item.vocab if item is not None else None)
    if vocab:
        yield Column(name + LABEL_SUFFIX, None, several or item is not None, label_of=vocab)


# -- internals ------------------------------------------------------------------------------

def _columns(kind: str, *, kb: KnowledgeBase | None = None,
             lang: str = DEFAULT_LANGUAGE) -> list[tuple[str, Any]]:
    """(column name, function of a record -> cell text), in the order of the declarations."""
    columns: list[tuple[str, Any]] = [(n, _getter(n)) for n in ("slug", "url", "sprache")]
    for spec in FIELDS[kind]:
        columns += list(_field_columns(spec, (spec.name,), kb, lang))
    if kind == "werkzeug":
        columns.append(("modellvorhaben", _getter("modellvorhaben")))
    columns.append(("text", _getter("text")))
    return columns


def _field_columns(spec: Field, path: tuple[str, ...], kb: KnowledgeBase | None,
                   lang: str) -> Iterator[tuple[str, Any]]:
    name = "_".join(path)
    item = spec.item if spec.type == "list" else None
    if spec.type == "object":
        for sub in spec.fields:
            yield from _field_columns(sub, (*path, sub.name), kb, lang)
        return
    if item is not None and item.type == "object":
        # A list of objects (towns, links): one column per field, the items' values line by line.
        for sub in item.fields:
            yield from _field_columns(sub, (*path, sub.name), kb, lang)
        return
    vocab = spec.vocab or (item.vocab if item is not None else None)
    yield name, _getter(*path)
    if vocab:
        yield name + LABEL_SUFFIX, _labeller(path, vocab, kb, lang)


def _values(record: Any, path: tuple[str, ...]) -> list[Any]:
    """Every value at ``path``, descending into lists: towns/name -> each town's name."""
    values = [record]
    for step in path:
        found: list[Any] = []
        for value in values:
            items = value if isinstance(value, list) else [value]
            found += [item.get(step) if isinstance(item, dict) else None for item in items]
        values = found
    flat: list[Any] = []
    for value in values:
        flat += value if isinstance(value, list) else [value]
    return flat


def _getter(*path: str) -> Any:
    return lambda record: LIST_SEPARATOR.join("" if v is None else str(v) for v in _values(record, path))


def _labeller(path: tuple[str, ...], vocab: str, kb: KnowledgeBase | None, lang: str) -> Any:
    def cell(record: dict[str, Any]) -> str:
        assert kb is not None
        values = kb.vocab[vocab].values
        # An empty line for a missing value keeps the lines in step with the key column's.
        return LIST_SEPARATOR.join(values[v].label[lang] if v in values else "" for v in _values(record, path))
    return cell


def _header(*, kind: str, name: str, kb: KnowledgeBase, lang: str, site_url: str, site_name: str) -> dict[str, Any]:
    entries = kb.collection(kind).values()
    reviewed = [e.data["geprueft"] for e in entries if isinstance(e.data.get("geprueft"), date)]
    used = sorted(_vocabularies(FIELDS[kind]))
    header: dict[str, Any] = {
        "datensatz": name,
        "titel": f"{site_name}: {TITLES[lang][name]}",
        "sprache": lang,
        "quelle": site_url + (urls.glossary_url(lang) if kind == "begriff" else urls.catalogue_url(kind, lang)),
        "dokumentation": site_url + urls.prefix(lang) + DATA_FOLDER + "/",
        "lizenz": licence(lang=lang, site_name=site_name, site_url=site_url),
        "anzahl": len(entries),
        "vokabulare": {v: {key: value.label[lang] for key, value in kb.vocab[v].values.items()}
                       for v in used if v in kb.vocab},
    }
    if reviewed:  # the newest review date of the entries: from the sources, never the build's
        header["stand"] = max(reviewed).isoformat()
    return header


def _vocabularies(fields: tuple[Field, ...]) -> set[str]:
    found: set[str] = set()
    for spec in fields:
        if spec.vocab:
            found.add(spec.vocab)
        if spec.item is not None:
            found |= _vocabularies((spec.item,))
        found |= _vocabularies(spec.fields)
    return found


def _plain(value: Any, spec: Field) -> Any:
    """A source value as JSON: dates as YYYY-MM-DD, lists and objects copied, absent as null/[]."""
    if value is None:
        return [] if spec.type == "list" else None
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return [_plain(v, spec.item) if spec.item is not None else v for v in value]
    if isinstance(value, dict):
        return {k: _plain(v, next((f for f in spec.fields if f.name == k), spec)) for k, v in value.items()}
    return value


def _json(document: dict[str, Any]) -> bytes:
    return (json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")
