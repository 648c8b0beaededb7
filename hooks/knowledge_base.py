"""MkDocs adapter for the knowledge base: MkDocs events in, toolkit calls out.

No domain logic lives here. MkDocs takes every top-level ``on_*`` name of this module as an
event handler, so helpers have names without that prefix.
"""

from __future__ import annotations

import logging
from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from toolkit import search
from toolkit.admin import CmsMissing, admin_files
from toolkit.cache import SiteCache
from toolkit.jsonschema import write_schemas
from toolkit.provenance import page_facts
from toolkit.publish import published_files, write_files
from toolkit.site import Site

log = logging.getLogger("mkdocs.hooks.knowledge_base")
_sites = SiteCache()


def _site(config: MkDocsConfig, *, fresh: bool = False) -> Site:
    # Fresh once per build (on_files), when MkDocs has just listed the files; every later
    # event of that build uses the same load.
    root = Path(config.config_file_path).parent
    get = _sites.get if fresh else _sites.current
    return get(Path(config.docs_dir), root)


def _language(config: MkDocsConfig) -> str:
    i18n = config.plugins.get("i18n")
    return getattr(i18n, "current_language", None) or "de"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if not config.use_directory_urls:
        raise Abort("The knowledge base needs 'use_directory_urls: true' in mkdocs.yml.")
    return config


def _check_sources(files: Files, config: MkDocsConfig) -> Files:
    site = _site(config, fresh=True)
    for problem in site.problems.errors:
        log.error(problem.format())
    if site.problems.errors:
        raise Abort(f"The sources have {len(site.problems.errors)} error(s), listed above. "
                    f"Fix them and build again ('make check' lists them without building).")
    # Warnings (e.g. a missing translation) are information for the build, not failures:
    # 'mkdocs build --strict' fails on every logged warning.
    for problem in site.problems.warnings:
        log.info(problem.format())
    return files


def _add_generated_pages(files: Files, config: MkDocsConfig) -> Files:
    # Placeholders before static-i18n sorts files by language (it runs at priority -100);
    # no file on disk is needed, the content is set below.
    for uri in _site(config).generated_pages():
        files.append(File(uri, config.docs_dir, config.site_dir, config.use_directory_urls))
    return files


@event_priority(-200)
def _fill_generated_pages(files: Files, config: MkDocsConfig) -> Files:
    generated = set(_site(config).generated_pages())
    for file in files:
        if file.src_uri in generated:
            file.content_string = ""  # the page's Markdown comes from on_page_markdown
    return files


on_files = CombinedEvent(_check_sources, _add_generated_pages, _fill_generated_pages)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    site, lang = _site(config), _language(config)
    title = site.page_title(page.file.src_uri, lang)
    if title is not None:
        page.meta["title"] = title
    # "Edit this page" and "last changed" (overrides/partials/source-file.html); the repository's
    # edit address is one setting, extra.repo_edit_base in mkdocs.yml.
    facts = page_facts(site.page_provenance(page.file.src_uri, lang), lang=lang,
                       edit_base=config.extra.get("repo_edit_base") or "")
    page.edit_url = facts["edit_url"]
    page.meta["kb_page_facts"] = facts
    source = site.page_source(page.file.src_uri, lang, markdown)
    if source is None:
        return markdown
    page.meta["kb_source"] = source  # its HTML blocks join the page in on_page_content
    return source.markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # Taken off the page once used: MkDocs keeps every page until the build ends, and 5,000 pages'
    # Markdown and blocks held 45 MB more while Pagefind, the build's largest user, runs.
    source = page.meta.pop("kb_source", None)
    return html if source is None else source.place(html)


def _publish_schemas(config: MkDocsConfig) -> None:
    # Once, at the site root: static-i18n builds English into site/en/ with its own post_build.
    if _language(config) == "de":
        write_schemas(Path(config.site_dir) / "schema", vocab=_site(config).kb.vocab)


@event_priority(-200)
def _index_search(config: MkDocsConfig) -> None:
    # static-i18n (priority -100) writes the other languages inside the default language's
    # post_build, running each of them as a nested build; the outermost build, when it is done,
    # indexes the whole site once.
    if getattr(config.plugins.get("i18n"), "building", False):
        return
    try:
        report = search.build_index(site_dir=Path(config.site_dir))
    except search.SearchIndexError as error:
        raise Abort(str(error)) from error
    log.debug(report.output)


def _publish_admin(config: MkDocsConfig) -> None:
    # The browser editor, once at the site root, after the German pages (its preview uses their
    # stylesheets).
    if _language(config) != "de":
        return
    try:
        files = admin_files(vocab=_site(config).kb.vocab, edit_base=config.extra.get("repo_edit_base") or "",
                            site_url=config.site_url or "", site_dir=Path(config.site_dir),
                            auth_url=config.extra.get("cms_auth_url") or "")
    except CmsMissing as error:
        raise Abort(str(error)) from error
    write_files(Path(config.site_dir), files)


def _publish_files(config: MkDocsConfig) -> None:
    # Once per language build: static-i18n runs the English build as a build of its own.
    site, lang = _site(config), _language(config)
    files = published_files(kb=site.kb, index=site.index, lang=lang, site_url=config.site_url or "",
                            site_name=config.site_name, holder=config.copyright or config.site_name)
    write_files(Path(config.site_dir), files)


class _NotFoundPage:
    """The site's root 404.html in the default language.

    Every language build writes the theme's 404.html at the site's root, and static-i18n builds
    the other languages last, inside the default language's post_build (priority -100): the
    German page is kept before that and put back after it.
    """

    kept: bytes | None = None


def _keep_not_found_page(config: MkDocsConfig) -> None:
    page = Path(config.site_dir) / "404.html"
    if not getattr(config.plugins.get("i18n"), "building", False) and page.exists():
        _NotFoundPage.kept = page.read_bytes()


@event_priority(-150)
def _restore_not_found_page(config: MkDocsConfig) -> None:
    # The outermost build, after static-i18n's nested ones (which leave their language set).
    if not getattr(config.plugins.get("i18n"), "building", False) and _NotFoundPage.kept is not None:
        (Path(config.site_dir) / "404.html").write_bytes(_NotFoundPage.kept)
        _NotFoundPage.kept = None


on_post_build = CombinedEvent(_keep_not_found_page, _publish_schemas, _publish_admin, _publish_files, _restore_not_found_page,
                              _index_search)


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    # The search box is in every page's header, the 404 page's included: its words are globals.
    env.globals["kb_search"] = search.ui_labels(lang=_language(config))
    return env


def on_page_context(context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation) -> TemplateContext:
    context["kb_result_type"] = search.result_type(src_uri=page.file.src_uri, lang=_language(config))
    return context
