"""Reading built pages in tests: links, ids and elements, with the standard library's parser."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    text: str = ""


@dataclass
class Page(HTMLParser):
    """All elements of a page with their attributes, and the text inside each link."""

    elements: list[Element] = field(default_factory=list)
    _open_links: list[Element] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__(convert_charrefs=True)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs})
        self.elements.append(element)
        if tag == "a":
            self._open_links.append(element)

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._open_links:
            self._open_links.pop()

    def handle_data(self, data: str) -> None:
        for link in self._open_links:
            link.text += data

    def find(self, tag: str | None = None, **attrs: str) -> list[Element]:
        return [
            e for e in self.elements
            if (tag is None or e.tag == tag)
            and all(e.attrs.get(k.rstrip("_").replace("_", "-")) == v for k, v in attrs.items())
        ]

    def ids(self) -> set[str]:
        return {e.attrs["id"] for e in self.elements if "id" in e.attrs}

    def links(self) -> list[Element]:
        return [e for e in self.elements if e.tag == "a" and "href" in e.attrs]


def parse(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def page_file(site: Path, url: str) -> Path:
    """The file behind a site-relative URL such as ``werkzeuge/x/``."""
    path = site / unquote(url)
    return path / "index.html" if url.endswith("/") or url == "" else path


def resolve(site: Path, page_url: str, href: str) -> tuple[Path, str] | None:
    """The file and fragment an internal link leads to; ``None`` for links to other hosts."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return None
    if not parts.path:
        return page_file(site, page_url), parts.fragment
    base = posixpath.dirname(page_url.rstrip("/")) if not page_url.endswith("/") else page_url.rstrip("/")
    target = posixpath.normpath(posixpath.join(base, parts.path))
    target = "" if target == "." else target
    if parts.path.endswith("/") and target:
        target += "/"
    file = site / unquote(target)
    if file.is_dir():
        file = file / "index.html"
    return file, parts.fragment
