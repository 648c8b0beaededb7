"""The visible text of a built page, each piece with the language it is marked up in."""

from __future__ import annotations

from pathlib import Path

from lxml.html import HtmlElement

from support.tree import tree

# Elements whose text a reader never sees as text.
HIDDEN = {"script", "style", "template", "svg", "noscript"}


def pieces_in(element: HtmlElement, lang: str = "") -> list[tuple[str, str]]:
    """(language, text) pieces inside ``element``; the language is the nearest ``lang`` attribute."""
    found: list[tuple[str, str]] = []

    def walk(node: HtmlElement, lang: str, hidden: bool) -> None:
        lang = node.get("lang") or lang
        hidden = hidden or node.tag in HIDDEN
        if not hidden and node.text and node.text.strip():
            found.append((lang, node.text))
        for child in node:
            if isinstance(child.tag, str):  # an element; comments have only their tail to give
                walk(child, lang, hidden)
            if not hidden and child.tail and child.tail.strip():
                found.append((lang, child.tail))

    walk(element, lang, False)
    return found


def pieces(path: Path) -> list[tuple[str, str]]:
    return pieces_in(tree(path))


def text_in(path: Path, lang: str) -> str:
    """The page's visible text in ``lang`` (pieces joined by a space, so words do not run together)."""
    return " ".join(t for code, t in pieces(path) if code == lang)


def pages(site: Path, lang: str) -> list[Path]:
    """The HTML pages of one language: English under en/, German everywhere else."""
    every = sorted(site.rglob("index.html"))
    english = site / "en"
    if lang == "en":
        return [p for p in every if p.is_relative_to(english)]
    return [p for p in every if not p.is_relative_to(english) and "assets" not in p.parts]
