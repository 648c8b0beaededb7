"""The one entry point a site generator needs: which pages exist and what each one says.

A generator adapter (``hooks/knowledge_base.py`` for MkDocs) asks :class:`Site` for the pages to
add and, page by page, for their Markdown. Everything it needs is computed once per load.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Any

from toolkit import preview as previewing
from toolkit import render_facet_pages, render_finder, render_lists
from toolkit.figures import figures_html
from toolkit.head import PageHead, page_head
from toolkit.history import file_dates
from toolkit.index import CrossIndex, build_index
from toolkit.load import load
from toolkit.markup import BLOCK_END, BLOCK_START, Lifted, block, esc, lift_blocks, md_text
from toolkit.model import DEFAULT_LANGUAGE, LANGUAGES, KnowledgeBase
from toolkit.operator_facts import MARKER, fill
from toolkit.problems import Problem, Problems
from toolkit.provenance import EditLink, Provenance, page_provenance
from toolkit.render_entry import entry_markdown
from toolkit.urls import FOLDERS

TOPIC_FOLDER = "themen"
# Hand-written pages whose introduction is followed by a generated list.
LIST_PAGES = {
    "index.md": "home",
    "werkzeuge/index.md": "catalogue:werkzeug",
    "modellvorhaben/index.md": "catalogue:modellvorhaben",
    "themen/index.md": "topics",
    "glossar.md": "glossary",
    "kleinstaedte.md": "figures",
}


def normalise(src_uri: str) -> tuple[str, str | None]:
    """``werkzeuge/x.en.md`` -> (``werkzeuge/x.md``, ``"en"``); a German file has no language."""
    for lang in LANGUAGES:
        if lang != DEFAULT_LANGUAGE and src_uri.endswith(f".{lang}.md"):
            return src_uri[: -len(f".{lang}.md")] + ".md", lang
    return src_uri, None


@dataclass
class Site:
    kb: KnowledgeBase
    index: CrossIndex
    problems: Problems
    docs: Path | None = None  # the sources folder and the repository root, for edit links and history
    root: Path | None = None
    # A preview (make serve) renders what it can: entry pages (German source path) whose sources
    # have errors, with their problems; everything else shows a banner of all problems.
    broken: dict[str, list[Problem]] = field(default_factory=dict)
    preview: bool = False

    @classmethod
    def load(cls, docs: Path, root: Path | None = None, *, preview: bool = False) -> Site:
        kb, problems = load(docs, root)
        docs = docs.resolve()
        root = (root or docs.parent).resolve()
        broken: dict[str, list[Problem]] = {}
        if preview and problems.errors:
            broken = previewing.broken_pages(problems, docs.relative_to(root).as_posix())
            kb = previewing.usable(kb, broken)
        index = build_index(kb) if preview or not problems.errors else CrossIndex()
        return cls(kb, index, problems, docs, root, broken, preview)

    def banner_html(self, lang: str) -> str:
        """In a preview, the box of problems every page starts with (empty without errors)."""
        return previewing.banner_html(self.problems, lang) if self.preview else ""

    def generated_pages(self) -> list[str]:
        """Source paths of the pages that exist only in the knowledge base: topic pages, a page per
        facet value of the tools and the method finder."""
        bases = [f"{TOPIC_FOLDER}/{key}" for key in (self.kb.vocab["themen"].values if "themen" in self.kb.vocab else [])]
        if not self.problems.errors:
            bases += [f"{FOLDERS['werkzeug']}/{facet}/{key}" for facet, key in self._facet_pages]
            bases.append(render_finder.SOURCE[:-3])
        pages = []
        for base in bases:
            pages.append(f"{base}.md")
            pages += [f"{base}.{lang}.md" for lang in LANGUAGES if lang != DEFAULT_LANGUAGE]
        return pages

    @cached_property
    def _facet_pages(self) -> list[tuple[str, str]]:
        return render_facet_pages.facet_pages(self.kb)

    def _facet_page(self, path: str) -> tuple[str, str] | None:
        """(facet, key) when ``path`` is the source path of a facet value's page."""
        parts = path[:-3].split("/")
        if len(parts) == 3 and parts[0] == FOLDERS["werkzeug"] and (parts[1], parts[2]) in self._facet_pages:
            return parts[1], parts[2]
        return None

    def page_description(self, src_uri: str, lang: str) -> str | None:
        """The plain-text description of a page the knowledge base renders, where it has its own."""
        path, _ = normalise(src_uri)
        facet_page = self._facet_page(path)
        if facet_page:
            return render_facet_pages.facet_page_description(self.kb, *facet_page, lang)
        if path == render_finder.SOURCE:
            return render_finder.finder_description(lang)
        return None

    def page_source(self, src_uri: str, lang: str, markdown: str) -> Lifted | None:
        """The Markdown of the page from ``src_uri`` in ``lang``; ``None`` leaves a page as written.

        Generated HTML waits aside as placeholders: convert ``.markdown``, then ``.place(html)``.
        """
        path, _ = normalise(src_uri)
        if path in self.broken:
            assert self.docs is not None
            return lift_blocks(previewing.broken_page_markdown(path, self.broken[path], lang, docs=self.docs))
        # Hand-written pages name the operator's facts by markers ({{ betreiber.anschrift }}).
        filled = fill(markdown, self.kb.operator, lang)
        try:
            rendered = self._markdown(src_uri, lang, filled)
        except Exception:
            # A preview renders sources that have errors (a vocabulary that could not be read):
            # the page then shows the banner only, and the server keeps answering.
            if not self.preview or not self.problems.errors:
                raise
            return lift_blocks(f"# {md_text(path)}\n")
        if rendered is None:
            return None if filled is markdown else lift_blocks(filled)
        return lift_blocks(rendered)

    def _markdown(self, src_uri: str, lang: str, markdown: str) -> str | None:
        path, _ = normalise(src_uri)
        folder, _, name = path.rpartition("/")
        slug = name[:-3]
        for kind, kind_folder in FOLDERS.items():
            if folder == kind_folder and slug in self.kb.collection(kind):
                return entry_markdown(self.kb, self.index, self.kb.collection(kind)[slug], lang)
        topics = self.kb.vocab["themen"].values if "themen" in self.kb.vocab else {}
        if folder == TOPIC_FOLDER and slug in topics:
            return render_lists.topic_markdown(self.kb, self.index, slug, lang)
        facet_page = self._facet_page(path)
        if facet_page:
            return render_facet_pages.facet_page_markdown(self.kb, *facet_page, lang)
        if path == render_finder.SOURCE:
            return render_finder.finder_markdown(self.kb, lang)
        role = LIST_PAGES.get(path)
        if role is None:
            return None
        written = markdown.replace(BLOCK_START, "").replace(BLOCK_END, "").rstrip()
        generated = self._list_html(role, lang)
        # The glossary's terms are anchors that hand-written pages link to; MkDocs checks such
        # anchors only in HTML it has seen, so this one list goes through Markdown.
        return written + (f"\n\n{generated}\n" if role == "glossary" else block(generated))

    def page_title(self, src_uri: str, lang: str) -> str | None:
        """The HTML-escaped title of a page the knowledge base renders, for the page's <title>.

        Themes insert titles into templates as they are, so a title from a source is escaped here.
        """
        path, _ = normalise(src_uri)
        folder, _, name = path.rpartition("/")
        slug = name[:-3]
        for kind, kind_folder in FOLDERS.items():
            if folder == kind_folder and slug in self.kb.collection(kind):
                return esc(self.kb.collection(kind)[slug].title(lang))
        topics = self.kb.vocab["themen"].values if "themen" in self.kb.vocab else {}
        if folder == TOPIC_FOLDER and slug in topics:
            return esc(topics[slug].label[lang])
        facet_page = self._facet_page(path)
        if facet_page:
            return esc(render_facet_pages.facet_page_title(self.kb, *facet_page, lang))
        if path == render_finder.SOURCE:
            return esc(render_finder.finder_title(lang))
        return None

    @property
    def edit_base(self) -> str:
        """Where "edit this page" leads (a source path is appended); empty while the repository is unset."""
        return self.kb.operator.edit_base if self.kb.operator is not None else ""

    def page_provenance(self, src_uri: str, lang: str) -> Provenance:
        """The page's source files (for "edit this page") and when its content last changed."""
        assert self.docs is not None and self.root is not None, "Site.load() knows where the sources are"
        path, _ = normalise(src_uri)
        docs = self.docs.relative_to(self.root).as_posix()
        found = page_provenance(kb=self.kb, index=self.index, path=path, lang=lang, role=LIST_PAGES.get(path),
                                docs=docs, files=self._files, history=self._history)
        if self.kb.operator is None or not found.edit or found.edit[0].path not in self._pages_with_facts:
            return found
        # A page that shows the operator's facts is also edited in the file that holds them.
        facts = self.kb.operator.path
        dates = [d for d in (found.changed, self._history.get(facts)) if d is not None]
        return Provenance((*found.edit, EditLink(facts, "operator")), max(dates) if dates else None)

    @cached_property
    def _pages_with_facts(self) -> frozenset[str]:
        """Hand-written pages (paths from the repository root) that name an operator fact."""
        assert self.docs is not None and self.root is not None
        entries = {self.docs / folder for folder in FOLDERS.values()}
        found = set()
        for path in self.docs.rglob("*.md"):
            if path.parent in entries and not path.name.startswith("index."):
                continue
            if MARKER.search(path.read_text(encoding="utf-8", errors="replace")):
                found.add(path.relative_to(self.root).as_posix())
        return frozenset(found)

    def page_head(self, src_uri: str, lang: str, markdown: str, meta: Mapping[str, Any], *, site_url: str,
                  site_name: str) -> PageHead:
        """The page's description, Open Graph properties and JSON-LD (``toolkit/head.py``)."""
        path, _ = normalise(src_uri)
        return page_head(kb=self.kb, index=self.index, path=path, lang=lang, markdown=markdown, meta=meta,
                         site_url=site_url, site_name=site_name, changed=self.page_provenance(src_uri, lang).changed)

    @cached_property
    def _files(self) -> frozenset[str]:
        assert self.docs is not None and self.root is not None
        return frozenset(p.relative_to(self.root).as_posix() for p in self.docs.rglob("*") if p.is_file())

    @cached_property
    def _history(self) -> dict[str, date]:
        # Once per load: one git call for every file, not one per page.
        assert self.docs is not None and self.root is not None
        return file_dates(root=self.root, paths=(self.docs.relative_to(self.root).as_posix(),))

    def _list_html(self, role: str, lang: str) -> str:
        if role.startswith("catalogue:"):
            return render_lists.catalogue_html(self.kb, role.split(":")[1], lang)
        if role == "figures":
            return figures_html(self.kb.figures, lang) if self.kb.figures else ""
        if role == "home":
            return render_lists.newest_html(self.kb, lang)
        if role == "topics":
            return render_lists.topics_index_html(self.kb, self.index, lang)
        return render_lists.glossary_html(self.kb, self.index, lang)
