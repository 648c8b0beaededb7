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

from toolkit.content.kinds import ENTRY_FOLDERS, KINDS
from toolkit.content.markup import BLOCK_END, BLOCK_START, Lifted, block, esc, lift_blocks, md_text
from toolkit.content.model import DEFAULT_LANGUAGE, LANGUAGES, KnowledgeBase
from toolkit.content.routes import TOPIC_FOLDER, Role, Route, route
from toolkit.index import CrossIndex, build_index
from toolkit.render import facet_pages as render_facet_pages
from toolkit.render import finder as render_finder
from toolkit.render import lists as render_lists
from toolkit.render import preview as previewing
from toolkit.render.entry_pages import entry_markdown
from toolkit.render.head import PageHead, page_head
from toolkit.render.search import result_type, searched
from toolkit.site.history import file_dates
from toolkit.site.provenance import EditLink, Provenance, page_facts, page_provenance
from toolkit.sources.figures import figures_html
from toolkit.sources.load import load
from toolkit.sources.operator_facts import MARKER, fill
from toolkit.sources.problems import Problem, Problems


@dataclass(frozen=True)
class Page:
    """Everything a generator needs to know of one page in one language, besides its Markdown."""

    title: str | None  # HTML-escaped; None: the page's own first heading
    description: str | None  # plain text; None: the generator's default
    facts: dict[str, Any]  # edit links and the date of the last change (provenance.page_facts)
    head: PageHead  # description, Open Graph, JSON-LD
    source: Lifted | None  # the Markdown to convert and its HTML blocks; None: leave the page as written
    result_type: str  # the label its search results carry
    searched: bool  # whether it goes into the search index

    @property
    def edit_url(self) -> str | None:
        return self.facts["edit_url"]  # type: ignore[no-any-return]  # page_facts: str or None

    @property
    def changed(self) -> str:
        """The page's last change as YYYY-MM-DD, or "" (never the build's date) when unknown."""
        return self.facts["changed"]["datetime"] if self.facts["changed"] else ""


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
            bases += [f"{KINDS[render_facet_pages.KIND].folder}/{facet}/{key}" for facet, key in self._facet_pages]
            bases.append(render_finder.SOURCE[:-3])
        pages = []
        for base in bases:
            pages.append(f"{base}.md")
            pages += [f"{base}.{lang}.md" for lang in LANGUAGES if lang != DEFAULT_LANGUAGE]
        return pages

    @cached_property
    def _facet_pages(self) -> list[tuple[str, str]]:
        return render_facet_pages.facet_pages(self.kb)

    def route(self, src_uri: str) -> Route:
        """The page ``src_uri`` makes, where its entry, topic or facet value exists; else a plain page."""
        found = route(src_uri)
        exists = {
            Role.ENTRY: lambda: found.slug in self.kb.collection(found.kind or ""),
            Role.TOPIC: lambda: found.slug in self._topics,
            Role.FACET: lambda: found.kind == render_facet_pages.KIND and (found.facet, found.slug) in self._facet_pages,
        }.get(found.role)
        return found if exists is None or exists() else Route(Role.PAGE, found.path)

    @property
    def _topics(self) -> dict[str, Any]:
        return self.kb.vocab["themen"].values if "themen" in self.kb.vocab else {}

    def page(self, src_uri: str, lang: str, markdown: str, meta: Mapping[str, Any], *, site_url: str,
             site_name: str) -> Page:
        """The page from ``src_uri`` in ``lang``; ``meta`` is its front matter, updated with its
        title and description before the head is made from it."""
        title, description = self.page_title(src_uri, lang), self.page_description(src_uri, lang)
        meta = {**meta, **({"title": title} if title is not None else {}),
                **({"description": description} if description is not None else {})}
        return Page(
            title=title,
            description=description,
            # The repository's address is an operator fact: while it is unset, pages have no edit link.
            facts=page_facts(self.page_provenance(src_uri, lang), lang=lang, edit_base=self.edit_base),
            head=self.page_head(src_uri, lang, markdown, meta, site_url=site_url, site_name=site_name),
            source=self.page_source(src_uri, lang, markdown),
            result_type=result_type(src_uri=src_uri, lang=lang),
            searched=searched(src_uri=src_uri),
        )

    def page_description(self, src_uri: str, lang: str) -> str | None:
        """The plain-text description of a page the knowledge base renders, where it has its own."""
        page = self.route(src_uri)
        if page.role is Role.FACET:
            assert page.facet is not None and page.slug is not None
            return render_facet_pages.facet_page_description(self.kb, page.facet, page.slug, lang)
        if page.role is Role.FINDER:
            return render_finder.finder_description(lang)
        return None

    def page_source(self, src_uri: str, lang: str, markdown: str) -> Lifted | None:
        """The Markdown of the page from ``src_uri`` in ``lang``; ``None`` leaves a page as written.

        Generated HTML waits aside as placeholders: convert ``.markdown``, then ``.place(html)``.
        """
        path = route(src_uri).path
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
        page = self.route(src_uri)
        if page.role is Role.ENTRY:
            return entry_markdown(self.kb, self.index, self.kb.collection(page.kind or "")[page.slug or ""], lang)
        if page.role is Role.TOPIC:
            return render_lists.topic_markdown(self.kb, self.index, page.slug or "", lang)
        if page.role is Role.FACET:
            return render_facet_pages.facet_page_markdown(self.kb, page.facet or "", page.slug or "", lang)
        if page.role is Role.FINDER:
            return render_finder.finder_markdown(self.kb, lang)
        if not page.lists:
            return None
        written = markdown.replace(BLOCK_START, "").replace(BLOCK_END, "").rstrip()
        generated = self._list_html(page, lang)
        # The glossary's terms are anchors that hand-written pages link to; MkDocs checks such
        # anchors only in HTML it has seen, so this one list goes through Markdown.
        return written + (f"\n\n{generated}\n" if page.role is Role.GLOSSARY else block(generated))

    def page_title(self, src_uri: str, lang: str) -> str | None:
        """The HTML-escaped title of a page the knowledge base renders, for the page's <title>.

        Themes insert titles into templates as they are, so a title from a source is escaped here.
        """
        page = self.route(src_uri)
        if page.role is Role.ENTRY:
            return esc(self.kb.collection(page.kind or "")[page.slug or ""].title(lang))
        if page.role is Role.TOPIC:
            return esc(self._topics[page.slug or ""].label[lang])
        if page.role is Role.FACET:
            return esc(render_facet_pages.facet_page_title(self.kb, page.facet or "", page.slug or "", lang))
        if page.role is Role.FINDER:
            return esc(render_finder.finder_title(lang))
        return None

    @property
    def edit_base(self) -> str:
        """Where "edit this page" leads (a source path is appended); empty while the repository is unset."""
        return self.kb.operator.edit_base if self.kb.operator is not None else ""

    def page_provenance(self, src_uri: str, lang: str) -> Provenance:
        """The page's source files (for "edit this page") and when its content last changed."""
        assert self.docs is not None and self.root is not None, "Site.load() knows where the sources are"
        docs = self.docs.relative_to(self.root).as_posix()
        found = page_provenance(kb=self.kb, index=self.index, page=self.route(src_uri), lang=lang,
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
        entries = {self.docs / folder for folder in ENTRY_FOLDERS}
        found = set()
        for path in self.docs.rglob("*.md"):
            if path.parent in entries and not path.name.startswith("index."):
                continue
            if MARKER.search(path.read_text(encoding="utf-8", errors="replace")):
                found.add(path.relative_to(self.root).as_posix())
        return frozenset(found)

    def page_head(self, src_uri: str, lang: str, markdown: str, meta: Mapping[str, Any], *, site_url: str,
                  site_name: str) -> PageHead:
        """The page's description, Open Graph properties and JSON-LD (``toolkit/render/head.py``)."""
        return page_head(kb=self.kb, index=self.index, page=self.route(src_uri), lang=lang, markdown=markdown, meta=meta,
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

    def _list_html(self, page: Route, lang: str) -> str:
        if page.role is Role.CATALOGUE:
            return render_lists.catalogue_html(self.kb, page.kind or "", lang)
        if page.role is Role.FIGURES:
            return figures_html(self.kb.figures, lang) if self.kb.figures else ""
        if page.role is Role.HOME:
            return render_lists.newest_html(self.kb, lang)
        if page.role is Role.TOPICS:
            return render_lists.topics_index_html(self.kb, self.index, lang)
        return render_lists.glossary_html(self.kb, self.index, lang)
