"""The site's URL scheme, and relative links between its pages.

German pages live at the root, English ones under ``en/``; every page is a folder
(``werkzeuge/zukunftswerkstatt/``), as MkDocs writes them with ``use_directory_urls``.
"""

from __future__ import annotations

import posixpath

from toolkit.content.kinds import KINDS
from toolkit.content.model import DEFAULT_LANGUAGE


def prefix(lang: str) -> str:
    return "" if lang == DEFAULT_LANGUAGE else f"{lang}/"


def page_url(src_uri: str, lang: str) -> str:
    """``werkzeuge/x.md`` -> ``werkzeuge/x/``; ``index.md`` -> ``""`` (then the language prefix)."""
    path = src_uri[:-3] if src_uri.endswith(".md") else src_uri
    if path == "index" or path.endswith("/index"):
        path = path[: -len("index")]
    elif path:
        path += "/"
    return prefix(lang) + path


def entry_url(kind: str, slug: str, lang: str) -> str:
    return f"{prefix(lang)}{KINDS[kind].folder}/{slug}/"


def catalogue_url(kind: str, lang: str) -> str:
    return f"{prefix(lang)}{KINDS[kind].folder}/"


def facet_url(kind: str, facet: str, key: str, lang: str) -> str:
    """The page that lists every entry with one facet value, e.g. ``werkzeuge/formattyp/werkstatt/``."""
    return f"{prefix(lang)}{KINDS[kind].folder}/{facet}/{key}/"


def topic_url(key: str, lang: str) -> str:
    return f"{prefix(lang)}themen/{key}/"


def glossary_url(lang: str, term: str | None = None) -> str:
    return f"{prefix(lang)}glossar/" + (f"#{term}" if term else "")


def relative(from_url: str, to_url: str) -> str:
    """A link from the page at ``from_url`` to ``to_url`` (both site-relative)."""
    target, sep, rest = to_url.partition("#") if "#" in to_url else to_url.partition("?")
    path = _relpath(target.rstrip("/") or ".", from_url.rstrip("/") or ".")
    if target.endswith("/") or target == "":
        path = "./" if path == "." else path + "/"
    return path + sep + rest


def _relpath(path: str, start: str) -> str:
    """``posixpath.relpath`` for the site's own clean addresses, without asking for the working
    directory on every call: pages link to dozens of others, a build makes 100,000 such links."""
    to, here = path.split("/"), start.split("/")
    if ".." in to or ".." in here or "" in to or "" in here:
        return posixpath.relpath(path, start)
    to, here = [p for p in to if p != "."], [p for p in here if p != "."]
    common = 0
    while common < len(to) and common < len(here) and to[common] == here[common]:
        common += 1
    return "/".join([".."] * (len(here) - common) + to[common:]) or "."
