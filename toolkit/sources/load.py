"""Sources on disk -> validated records. Reads every file once and reports every problem."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from toolkit.content.conventions import LIST_SEPARATOR, summary_length_problem
from toolkit.content.kinds import ENTRY_FOLDERS, ENTRY_KINDS, FIELDS, KINDS
from toolkit.content.model import DEFAULT_LANGUAGE, LANGUAGES, Entry, KnowledgeBase, Vocabulary
from toolkit.content.slug import SLUG, slugify
from toolkit.sources.body_checks import check_bodies
from toolkit.sources.field_types import empty
from toolkit.sources.figures import FIGURES_FILE, load_figures
from toolkit.sources.files import SYMLINK, Lines, parse_document, parse_yaml, read_text
from toolkit.sources.language_checks import check_language
from toolkit.sources.operator_facts import OPERATOR_FILE, Operator, check_markers, load_operator
from toolkit.sources.problems import Problems, did_you_mean
from toolkit.sources.validate import Checker, Reference
from toolkit.sources.vocabulary import VOCABULARY_FILE, load_vocabularies

# How the checker's messages name each language a translation is in.
LANGUAGE_NAMES = {"en": "English"}
GLOSSARY_FILE = "glossar.yml"
# Terms may also live one per file, docs/glossar/<slug>.yml, as the browser editor writes them.
GLOSSARY_FOLDER = KINDS["begriff"].folder
# Files an editor may put beside entries (pictures, handouts); MkDocs publishes them as they are.
ASSET_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".pdf"}
# The introduction of a collection's catalogue page, not an entry.
COLLECTION_PAGES = {"index.md", "index.en.md"}


@dataclass
class _Loader:
    docs: Path
    root: Path
    vocab: dict[str, Vocabulary]
    problems: Problems
    references: list[Reference] = field(default_factory=list)
    # Every slug that has a file, even a broken one: a reference to it is not a second error.
    # None while a kind's sources could not be listed (a broken glossary file): then nothing is
    # known to be missing.
    existing: dict[str, set[str] | None] = field(default_factory=lambda: {k: set() for k in KINDS})

    def rel(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()

    def checker(self, rel: str, lines: Lines) -> Checker:
        return Checker(rel, lines, self.vocab, self.problems, self.references)

    def _found(self, kind: str, slug: str) -> None:
        known = self.existing[kind]
        if known is not None:  # None: the kind's sources could not be listed
            known.add(slug)

    def collection(self, folder_name: str, kind: str) -> dict[str, Entry]:
        folder = self.docs / folder_name
        found: dict[str, dict[str, Path]] = {lang: {} for lang in LANGUAGES}  # language -> slug -> file
        for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
            if path.is_dir() and not path.is_symlink():
                continue
            sorted_into = self._classify(path, folder, folder_name)
            if sorted_into is not None:
                slug, lang = sorted_into
                found[lang][slug] = path
                self._found(kind, slug)
        german = found[DEFAULT_LANGUAGE]
        entries: dict[str, Entry] = {}
        for slug, path in german.items():
            entry = self._german(path, kind, slug)
            if entry is not None:
                entries[slug] = entry
        for lang in LANGUAGES:
            if lang == DEFAULT_LANGUAGE:
                continue
            for slug, path in found[lang].items():
                rel = self.rel(path)
                if slug not in german:
                    self.problems.error(rel, 0, f"is a translation without its German original "
                                                f"docs/{folder_name}/{slug}.md; create that file or rename this one"
                                                f"{did_you_mean(slug, german)}")
                elif slug in entries:
                    self._translation(path, entries[slug], lang)
            for slug, entry in entries.items():
                if slug not in found[lang]:
                    self.problems.warning(entry.source["de"], 1, f"has no {LANGUAGE_NAMES[lang]} translation yet "
                                                                 f"(docs/{folder_name}/{slug}.{lang}.md); the "
                                                                 f"{LANGUAGE_NAMES[lang]} site shows the German text")
        return entries

    def _classify(self, path: Path, folder: Path, folder_name: str) -> tuple[str, str] | None:
        rel = self.rel(path)
        name, suffix = path.name, path.suffix.lower()
        if path.is_symlink() and (suffix != ".md" or path.is_dir()):
            # A linked .md file still names its slug (and is refused when read): no second error
            # at every reference to it.
            self.problems.error(rel, 0, SYMLINK)
            return None
        if suffix in ASSET_SUFFIXES:
            return None
        if path.parent != folder:
            self.problems.error(rel, 0, f"entries live directly in docs/{folder_name}/, not in subfolders; "
                                        f"move it to docs/{folder_name}/{name}")
            return None
        if name in COLLECTION_PAGES:
            return None
        if suffix != ".md":
            self.problems.error(rel, 0, "is not a Markdown source: an entry is 'slug.md' (German) or "
                                        "'slug.en.md' (English); pictures may be .png, .jpg, .svg or .webp")
            return None
        stem, lang = name[:-3], DEFAULT_LANGUAGE
        for other in LANGUAGES:
            if other != DEFAULT_LANGUAGE and stem.endswith(f".{other}"):
                stem, lang = stem[: -len(other) - 1], other
        if not SLUG.match(stem):
            suggestion = slugify(stem.split(".")[0]) or "name"
            self.problems.error(rel, 0, f"'{stem}' is not a valid slug (file name): use lowercase letters, digits "
                                        f"and hyphens, e.g. '{suggestion}{'.en' if lang == 'en' else ''}.md'; "
                                        f"German is 'slug.md', English 'slug.en.md'")
            return None
        return stem, lang

    def _german(self, path: Path, kind: str, slug: str) -> Entry | None:
        rel = self.rel(path)
        text = read_text(path, rel, self.problems)
        doc = parse_document(text, rel, self.problems) if text is not None else None
        if doc is None:
            return None
        checker = self.checker(rel, doc.lines)
        data = checker.fields(doc.meta, FIELDS[kind])
        across = KINDS[kind].check
        if across is not None:
            across(data, doc.meta, checker.error)
        self._check_summary(rel, doc.lines, data)
        return Entry(kind, slug, data, body={"de": doc.body}, source={"de": rel}, line=doc.body_line)

    def _translation(self, path: Path, entry: Entry, lang: str) -> None:
        rel = self.rel(path)
        text = read_text(path, rel, self.problems)
        doc = parse_document(text, rel, self.problems) if text is not None else None
        if doc is None:
            return
        declared = FIELDS[entry.kind]
        data = self.checker(rel, doc.lines).fields(doc.meta, declared, translation_of=entry.source["de"])
        self._check_summary(rel, doc.lines, data)
        unfilled = [f for f in declared if f.required and f.translatable and empty(doc.meta.get(f.name))]
        if unfilled:
            # A stub (as 'new' writes it) or a translation begun: a missing translation, not an error.
            self.problems.warning(rel, doc.lines.line((unfilled[0].name,)) if unfilled[0].name in doc.meta else 1,
                                  f"is not translated yet: {', '.join(repr(f.name) for f in unfilled)} still "
                                  f"empty; the {LANGUAGE_NAMES[lang]} site shows the German text until they are filled in")
            return
        for name, value in data.items():
            german = entry.data.get(name)
            if isinstance(value, list) and isinstance(german, list) and len(value) != len(german):
                self.problems.warning(rel, doc.lines.line((name,)), f"'{name}' has {len(value)} items here but "
                                                                     f"{len(german)} in {entry.source['de']}; "
                                                                     f"keep the translation in step")
        entry.translations[lang] = data
        entry.body[lang] = doc.body
        entry.source[lang] = rel

    def _check_summary(self, rel: str, lines: Any, data: dict[str, Any]) -> None:
        # The summary is the page's description in search results and link previews.
        if isinstance(data.get("kurz"), str):
            problem = summary_length_problem(data["kurz"])
            if problem:
                self.problems.warning(rel, lines.line(("kurz",)), problem)
        # List items share one CSV cell, joined by LIST_SEPARATOR: an item holding it reads as two.
        for name, value in data.items():
            for n, item in enumerate(value if isinstance(value, list) else []):
                if isinstance(item, str) and LIST_SEPARATOR in item:
                    self.problems.warning(rel, lines.line((name, n)), f"'{name}' item {n + 1} contains "
                                          f"'{LIST_SEPARATOR}', which separates items in the CSV files: "
                                          f"write it without the spaces around the bar, or with another sign")

    def glossary(self) -> dict[str, Entry]:
        path = self.docs / GLOSSARY_FILE
        rel = self.rel(path)
        if not path.exists() and not path.is_symlink():
            self.problems.error(rel, 0, "is missing: it holds the glossary terms")
            self.existing["begriff"] = None
            return {}
        text = read_text(path, rel, self.problems)
        parsed = parse_yaml(text, rel, self.problems) if text is not None else None
        if parsed is None:
            self.existing["begriff"] = None
            return {}
        data, lines = parsed
        if not isinstance(data, dict):
            self.problems.error(rel, 1, "must map each term's slug to its fields (begriff, definition, ...)")
            self.existing["begriff"] = None
            return {}
        terms: dict[str, Entry] = {}
        self._glossary_terms(data, rel, lines, terms)
        self._glossary_folder(rel, terms)
        return terms

    def _glossary_folder(self, glossary_rel: str, terms: dict[str, Entry]) -> None:
        folder = self.docs / GLOSSARY_FOLDER
        for path in sorted(folder.iterdir()) if folder.is_dir() else []:
            rel = self.rel(path)
            if path.suffix != ".yml" or path.is_dir() or path.is_symlink():
                self.problems.error(rel, 0, f"docs/{GLOSSARY_FOLDER}/ holds glossary terms only, one "
                                            f"'slug.yml' file each")
                continue
            slug = path.stem
            if slug in terms or slug in (self.existing["begriff"] or ()):
                self.problems.error(rel, 1, f"the term '{slug}' is also in {glossary_rel}; keep one of the two")
                continue
            text = read_text(path, rel, self.problems)
            parsed = parse_yaml(text, rel, self.problems) if text is not None else None
            if parsed is None:
                self._found("begriff", slug)
                continue
            data, lines = parsed
            if not isinstance(data, dict):
                self.problems.error(rel, 1, "must hold the term's fields (begriff, definition, ...)")
                self._found("begriff", slug)
                continue
            self._glossary_terms({slug: data}, rel, lines, terms, root=())

    def _glossary_terms(self, data: dict[Any, Any], rel: str, lines: Lines, terms: dict[str, Entry],
                        root: tuple[str, ...] | None = None) -> None:
        # ``root``: where a term's fields start in the file; None means under its slug.
        checker = self.checker(rel, lines)
        for slug, fields in data.items():
            line = lines.line((slug,) if root is None else root)
            slug = str(slug)
            if not SLUG.match(slug):
                self.problems.error(rel, line, f"'{slug}' is not a valid slug: use lowercase letters, digits and "
                                               f"hyphens, e.g. '{slugify(slug) or 'begriff'}'")
                continue
            self._found("begriff", slug)
            if not isinstance(fields, dict):
                self.problems.error(rel, line, f"term '{slug}' needs its fields (begriff, definition, ...)")
                continue
            clean = checker.fields(fields, FIELDS["begriff"], (slug,) if root is None else root)
            if "begriff" in clean and "definition" in clean:
                terms[slug] = Entry("begriff", slug, clean, source={"de": rel, "en": rel}, line=line)


def _check_links_elsewhere(loader: _Loader) -> None:
    """Symbolic links anywhere else under docs/: MkDocs would follow them and publish their target."""
    own = {loader.docs / folder for folder in ENTRY_FOLDERS}
    read_as_sources = {GLOSSARY_FILE, VOCABULARY_FILE, FIGURES_FILE, OPERATOR_FILE}  # read_text refuses these itself
    for path in sorted(loader.docs.rglob("*")):
        if not path.is_symlink() or any(path.is_relative_to(folder) for folder in own):
            continue
        if path.parent == loader.docs and path.name in read_as_sources:
            continue
        loader.problems.error(loader.rel(path), 0, SYMLINK)


def load(docs: Path, root: Path | None = None) -> tuple[KnowledgeBase, Problems]:
    """Read and check every source under ``docs``; paths in problems are relative to ``root``."""
    docs = docs.resolve()
    root = (root or docs.parent).resolve()
    problems = Problems()
    loader = _Loader(docs, root, load_vocabularies(docs, root, problems), problems)
    entries = {kind.name: loader.collection(kind.folder, kind.name) for kind in ENTRY_KINDS}
    entries["begriff"] = loader.glossary()
    _check_links_elsewhere(loader)
    operator = load_operator(docs, root, problems)
    _check_pages(loader, operator)
    kb = KnowledgeBase(loader.vocab, entries, load_figures(docs, root, problems), operator)
    _check_references(loader, kb)
    _check_previous_slugs(kb, problems)
    check_language(docs, root, problems, kb.terms)
    check_bodies(docs, root, kb, problems)
    problems.sort()
    return kb, problems


def _check_pages(loader: _Loader, operator: Operator | None) -> None:
    """The operator-fact markers of hand-written pages (entries are rendered from their fields)."""
    entries = {loader.docs / folder for folder in ENTRY_FOLDERS}
    for path in sorted(loader.docs.rglob("*.md")):
        if path.is_symlink() or (path.parent in entries and path.name not in COLLECTION_PAGES):
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue  # MkDocs reports an unreadable page itself
        if "betreiber." in text:
            check_markers(text, loader.rel(path), 1, operator, loader.problems)


def _check_references(loader: _Loader, kb: KnowledgeBase) -> None:
    for ref in loader.references:
        known = loader.existing[ref.kind]
        if known is not None and ref.slug not in known:
            loader.problems.error(ref.path, ref.line, f"'{ref.field}' names the {KINDS[ref.kind].noun} '{ref.slug}', "
                                                      f"which does not exist{did_you_mean(ref.slug, known)}")
    for entry in kb.tools.values():
        if entry.slug in entry.get("verwandt", []):
            loader.problems.error(entry.source["de"], 1, "'verwandt' lists the tool itself; remove it")


def _check_previous_slugs(kb: KnowledgeBase, problems: Problems) -> None:
    for kind in ENTRY_KINDS:
        entries = kb.collection(kind.name)
        claimed: dict[str, str] = {}
        for entry in entries.values():
            for old in entry.get("fruehere_slugs", []):
                if old in entries:
                    problems.error(entry.source["de"], 1, f"former slug '{old}' is the slug of an existing entry; "
                                                          f"remove it from 'fruehere_slugs'")
                elif old in claimed:
                    problems.error(entry.source["de"], 1, f"former slug '{old}' is also claimed by {claimed[old]}; "
                                                          f"an old address can lead to one entry only")
                else:
                    claimed[old] = entry.source["de"]
