"""A built page as a tree of elements (lxml), for assertions about what is inside what."""

from __future__ import annotations

from pathlib import Path

from lxml import html as lxml_html
from lxml.html import HtmlElement


def tree(path: Path) -> HtmlElement:
    """The page at ``path`` as a tree."""
    return tree_of(path.read_text(encoding="utf-8"))


def tree_of(text: str) -> HtmlElement:
    return lxml_html.document_fromstring(text)


def with_class(root: HtmlElement, tag: str, name: str) -> list[HtmlElement]:
    """The ``tag`` elements under ``root`` (itself included) that carry the class ``name``."""
    return [e for e in root.iter(tag) if name in (e.get("class") or "").split()]


def json_ld_blocks(root: HtmlElement) -> list[str]:
    """The text of every JSON-LD block, as the browser reads it: up to the first ``</script``."""
    return [script.text or "" for script in root.iter("script") if script.get("type") == "application/ld+json"]


def text_of(element: HtmlElement) -> str:
    """The element's text as a reader sees it: tags gone, references resolved, outer spaces dropped."""
    return str(element.text_content()).strip()
