"""MkDocs adapter for the knowledge base: MkDocs events in, toolkit calls out.

No domain logic lives here. MkDocs takes every top-level ``on_*`` name of this module as an
event handler, so helpers have names without that prefix.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from wsgiref.types import StartResponse, WSGIEnvironment

from jinja2 import Environment
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from toolkit.publish.admin import CmsMissing, admin_files
from toolkit.publish.files import published_files, write_files
from toolkit.publish.jsonschema import write_schemas
from toolkit.render import head, search
from toolkit.site import search_index
from toolkit.site.cache import SiteCache
from toolkit.site.facade import Site
from toolkit.sources import operator_facts
from toolkit.sources.problems import Severity

log = logging.getLogger("mkdocs.hooks.knowledge_base")
_sites = SiteCache()
# The script that reloads preview pages, served by the preview server itself (on_serve).
LIVERELOAD_PATH = "/livereload.js"
LIVERELOAD_SCRIPT = Path(__file__).with_name("livereload.js")


class _Serve:
    """State of 'mkdocs serve'; MkDocs loads this module once per process, so it lasts across rebuilds.

    ``active``: a preview, which shows problems in the pages instead of failing (on_startup).
    ``search``: the preview's search index, made by the first build and reused by later ones.
    ``logged``: the load whose problems the terminal has shown (a build runs once per language).
    """

    active = False
    search: Path | None = None
    logged: object = None


def _site(config: MkDocsConfig, *, fresh: bool = False) -> Site:
    # Fresh once per build (on_files), when MkDocs has just listed the files; every later
    # event of that build uses the same load.
    root = Path(config.config_file_path).parent
    get = _sites.get if fresh else _sites.current
    return get(Path(config.docs_dir), root, preview=_Serve.active)


def on_startup(command: str, dirty: bool) -> None:
    _Serve.active = command == "serve"


def _language(config: MkDocsConfig) -> str:
    i18n = config.plugins.get("i18n")
    return getattr(i18n, "current_language", None) or "de"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if not config.use_directory_urls:
        raise Abort("The knowledge base needs 'use_directory_urls: true' in mkdocs.yml.")
    return config


def _check_sources(files: Files, config: MkDocsConfig) -> Files:
    site = _site(config, fresh=True)
    if _Serve.active:
        if _Serve.logged is not site:  # once per change, not once per language
            _Serve.logged = site
            for problem in site.problems:
                (log.error if problem.severity is Severity.ERROR else log.info)(problem.format())
        return files
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
    found = _site(config).page(page.file.src_uri, _language(config), markdown, page.meta,
                               site_url=config.site_url or "", site_name=config.site_name)
    for key, value in (("title", found.title), ("description", found.description)):
        if value is not None:
            page.meta[key] = value
    page.edit_url = found.edit_url
    page.update_date = found.changed  # the sitemap's lastmod
    # Read by the theme: overrides/partials/source-file.html, overrides/main.html, partials/content.html.
    page.meta.update(kb_page_facts=found.facts, kb_head=found.head, kb_result_type=found.result_type,
                     kb_searched=found.searched)
    if found.source is None:
        return markdown
    page.meta["kb_source"] = found.source  # its HTML blocks join the page in on_page_content
    return found.source.markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # Taken off the page once used: MkDocs keeps every page until the build ends, and 5,000 pages'
    # Markdown and blocks held 45 MB more while Pagefind, the build's largest user, runs.
    source = page.meta.pop("kb_source", None)
    html = html if source is None else source.place(html)
    return _site(config).banner_html(_language(config)) + html  # a preview's problems; else ""


def _publish_schemas(config: MkDocsConfig) -> None:
    # Once, at the site root: static-i18n builds English into site/en/ with its own post_build.
    if _language(config) == "de":
        write_schemas(Path(config.site_dir) / "schema", vocab=_site(config).kb.vocab)


def _building_language(config: MkDocsConfig) -> bool:
    # static-i18n (priority -100) writes the other languages inside the default language's
    # post_build, running each of them as a nested build of its own.
    return bool(getattr(config.plugins.get("i18n"), "building", False))


def on_pre_build(config: MkDocsConfig) -> None:
    # Pagefind indexes each language's pages as they are written, a service per language build:
    # the outermost build starts the index, each nested one a part of it. A preview indexes once,
    # at its start: Pagefind over every page on each save would delay what the editor waits for;
    # search finds the pages as they were then.
    if _Serve.active and _Serve.search is not None:
        return
    try:
        if not _building_language(config):
            _Search.close()
            _Search.index = search_index.SearchIndex(Path(config.site_dir))
        if _Search.index is not None:
            _Search.index.new_part()
    except search_index.SearchIndexError as error:
        _Search.close()
        _search_failed(error)


@event_priority(-200)  # after every other change to the page: what is written is what is indexed
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    if _Search.index is not None:
        try:
            _Search.index.add_page(html=output, url=page.url, src_uri=page.file.src_uri)
        except search_index.SearchIndexError as error:
            _Search.close()
            _search_failed(error)
    # MkDocs keeps every page to the end of the build, when Pagefind builds the last language's
    # index beside it: what the page needed only to be rendered goes (70 MB at 5,000 pages).
    page.content = page.markdown = None
    for key in ("kb_head", "kb_page_facts"):
        page.meta.pop(key, None)
    return output


@event_priority(-200)
def _index_search(config: MkDocsConfig) -> None:
    # The outermost build, when every language is written, writes the index once.
    if _building_language(config):
        return
    site_dir = Path(config.site_dir)
    # Every build, a preview's rebuilds included, has the results page at its English address.
    search.copy_results_aliases(site_dir)
    if _Serve.active and _Serve.search is not None:
        shutil.copytree(_Serve.search, site_dir / search.BUNDLE_FOLDER, dirs_exist_ok=True, copy_function=_link)
        return
    index, _Search.index = _Search.index, None
    if index is None:  # Pagefind failed in a preview, which has said so
        return
    try:
        log.debug(index.write())
    except search_index.SearchIndexError as error:
        _search_failed(error)
        return
    if _Serve.active:
        _Serve.search = Path(tempfile.mkdtemp(prefix="kb-search-")) / search.BUNDLE_FOLDER
        shutil.copytree(site_dir / search.BUNDLE_FOLDER, _Serve.search)


def _search_failed(error: Exception) -> None:
    if not _Serve.active:
        raise Abort(str(error)) from error
    log.error(str(error))


class _Search:
    """The search index of the build under way, from the outermost build's start to its end."""

    index: search_index.SearchIndex | None = None

    @classmethod
    def close(cls) -> None:
        if cls.index is not None:
            cls.index.close()
            cls.index = None


def on_build_error(error: Exception) -> None:
    _Search.close()


def _link(source: str, dest: str) -> None:
    try:
        os.link(source, dest)  # the same bytes, without copying them
    except OSError:
        shutil.copy2(source, dest)


def _publish_admin(config: MkDocsConfig) -> None:
    # The browser editor, once at the site root, after the German pages (its preview uses their
    # stylesheets).
    if _language(config) != "de":
        return
    try:
        files = admin_files(vocab=_site(config).kb.vocab, edit_base=_site(config).edit_base,
                            site_url=config.site_url or "", site_dir=Path(config.site_dir),
                            auth_url=config.extra.get("cms_auth_url") or "")
    except CmsMissing as error:
        raise Abort(str(error)) from error
    write_files(Path(config.site_dir), files)


def _publish_files(config: MkDocsConfig) -> None:
    # Once per language build: static-i18n runs the English build as a build of its own.
    site, lang = _site(config), _language(config)
    if site.problems.errors:  # only a preview gets here with errors: no data of a broken catalogue
        return
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
    # The footer names the operator (docs/betreiber.yml) on every page, the 404 page included.
    name = operator_facts.fact_html(_site(config).kb.operator, "name", _language(config), markdown=False)
    env.globals["kb_operator"] = Markup(name)  # escaped by the toolkit
    # The feed of the page's language, announced in every page's head.
    env.globals["kb_feed"] = head.feed_link(_language(config))
    env.globals["kb_search_box"] = search.box_settings(lang=_language(config))
    return env


def on_page_context(context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation) -> TemplateContext:
    # A hook adding keys is how templates get data; MkDocs' TemplateContext types only its own.
    context["kb_result_type"] = page.meta["kb_result_type"]  # type: ignore[typeddict-unknown-key]  # a key of ours
    context["kb_searched"] = page.meta["kb_searched"]  # type: ignore[typeddict-unknown-key]  # a key of ours
    return context


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: Callable[[], None]) -> LiveReloadServer:
    """Live reload under the pages' Content-Security-Policy, and a server that never gets stuck.

    MkDocs injects an inline script into every page it serves, which 'script-src 'self''
    blocks; its place takes a script from the server's own origin. Only 'mkdocs serve' calls
    this event: a built site carries neither the script nor a change to the policy.
    """
    script = LIVERELOAD_SCRIPT.read_bytes()

    def inject(content: bytes, epoch: int) -> bytes:
        tag = (f'<script src="{LIVERELOAD_PATH}" data-epoch="{epoch}" data-request="{time.time_ns()}">'
               f'</script>').encode()
        end = content.rfind(b"</body>")
        end = len(content) if end < 0 else end
        return content[:end] + tag + content[end:]

    # MkDocs 1.6's LiveReloadServer: one method, per page served.
    server._inject_js_into_html = inject  # type: ignore[method-assign]  # MkDocs offers no other way in
    pages = server.get_app()
    assert pages is not None  # the server is made with its app

    def app(environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        if environ.get("PATH_INFO") == LIVERELOAD_PATH:
            start_response("200 OK", [("Content-Type", "text/javascript; charset=utf-8"),
                                      ("Content-Length", str(len(script))), ("Cache-Control", "no-store")])
            return [script]
        return pages(environ, start_response)

    server.set_app(app)
    rebuild = server.builder

    def rebuild_never_stuck() -> None:
        # MkDocs answers no request while its last rebuild failed ("the server will appear
        # stuck"). Problems in sources never fail a preview; anything else is logged, and the
        # pages of the last build stay served.
        try:
            rebuild()
        except Exception as error:
            log.error(f"The preview could not be rebuilt ({error}); it shows the last build. "
                      f"Fix the problem and save again.")

    server.builder = rebuild_never_stuck
    return server


def on_shutdown() -> None:
    _Search.close()
    # The preview's search index lives outside the served folder, which MkDocs removes itself.
    if _Serve.search is not None:
        shutil.rmtree(_Serve.search.parent, ignore_errors=True)
        _Serve.search = None
