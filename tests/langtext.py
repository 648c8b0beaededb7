"""The visible text of a built page, each piece with the language it is marked up in."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
HIDDEN = {"script", "style", "template", "svg", "noscript"}


class LangText(HTMLParser):
    """Collects (language, text) pieces; the language is the nearest ``lang`` attribute."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str, bool]] = []  # tag, lang, hidden
        self.pieces: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID:
            return
        lang = dict(attrs).get("lang") or (self.stack[-1][1] if self.stack else "")
        hidden = tag in HIDDEN or (bool(self.stack) and self.stack[-1][2])
        self.stack.append((tag, lang or "", hidden))

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                return

    def handle_data(self, data: str) -> None:
        if self.stack and not self.stack[-1][2] and data.strip():
            self.pieces.append((self.stack[-1][1], data))


def pieces(path: Path) -> list[tuple[str, str]]:
    parser = LangText()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.pieces


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
