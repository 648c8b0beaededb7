"""Files a build publishes besides its pages: open data, the feed and redirects from old addresses.

One call per language; the generator adapter writes what it gets below the site folder, and
``python -m toolkit export data`` writes the same data and feeds without a site build.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from toolkit.content.model import DEFAULT_LANGUAGE, LANGUAGES, KnowledgeBase
from toolkit.index import CrossIndex
from toolkit.publish.datapackage import data_package, package_path
from toolkit.publish.dcat import dcat_catalogue, dcat_path
from toolkit.publish.export import data_files
from toolkit.render.citation import citation_files
from toolkit.render.feed import atom_feed, feed_url
from toolkit.render.finder import alias_pages
from toolkit.render.ics import calendar_files
from toolkit.render.redirects import redirect_pages


def published_files(*, kb: KnowledgeBase, index: CrossIndex, lang: str, site_url: str, site_name: str,
                    holder: str, redirects: bool = True) -> dict[str, bytes]:
    """Path below the site root -> content, for one language.

    ``site_url`` is the site's absolute address ending in ``/`` (data and feed name their pages
    by it); ``site_name`` the site's name in ``lang``; ``holder`` whom the licence names.
    """
    files = data_files(kb=kb, index=index, lang=lang, site_url=site_url, site_name=site_name)
    files[package_path(lang)] = data_package(kb=kb, lang=lang, site_url=site_url, site_name=site_name, holder=holder)
    files[dcat_path(lang)] = dcat_catalogue(kb=kb, lang=lang, site_url=site_url, site_name=site_name, holder=holder)
    files[feed_url(lang)] = atom_feed(kb=kb, lang=lang, site_url=site_url, site_name=site_name, holder=holder)
    # Veranstaltungen: a calendar file per dated event and one of all
    files.update(calendar_files(kb=kb, lang=lang, site_url=site_url, site_name=site_name))
    # Medien: BibTeX and RIS hold the media as published, the same in every language: written once.
    if lang == DEFAULT_LANGUAGE:
        files.update(citation_files(kb))
    if redirects:
        files.update(redirect_pages(kb=kb, lang=lang, site_url=site_url))
        files.update(alias_pages(lang, site_url))
    return files


def write_files(dest: Path, files: dict[str, bytes]) -> list[Path]:
    written = []
    for name in sorted(files):
        path = dest / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(files[name])
        written.append(path)
    return written


def site_settings(config: Path) -> dict[str, dict[str, str]]:
    """Language -> the site's address, name and licence holder, read from the site configuration.

    For ``python -m toolkit export data`` without a build: the same values the build passes, so
    the same bytes come out. Read as plain YAML (tags such as ``!ENV`` are taken as text).
    """
    data = yaml.load(config.read_text(encoding="utf-8"), Loader=_TolerantLoader) or {}
    site_url = str(data.get("site_url") or "")
    if site_url and not site_url.endswith("/"):
        site_url += "/"  # as MkDocs normalises it
    name = str(data.get("site_name") or "")
    settings = {lang: {"site_url": site_url, "site_name": name} for lang in LANGUAGES}
    for plugin in data.get("plugins") or []:
        if isinstance(plugin, dict) and isinstance(plugin.get("i18n"), dict):
            for language in plugin["i18n"].get("languages") or []:
                if language.get("locale") in settings and language.get("site_name"):
                    settings[language["locale"]]["site_name"] = str(language["site_name"])
    for values in settings.values():
        values["holder"] = str(data.get("copyright") or values["site_name"])
    return settings


class _TolerantLoader(yaml.SafeLoader):
    pass


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)
