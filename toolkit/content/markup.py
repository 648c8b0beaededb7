"""Small helpers that build HTML and Markdown safely: every source text is escaped once, here."""

from __future__ import annotations

import hashlib
import html
import re
from dataclasses import dataclass

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~])")


def esc(text: object) -> str:
    """Text for HTML content or attributes."""
    return html.escape(str(text), quote=True)


# A word of the other language inside a text, marked as in Markdown bodies (attr_list):
# *Geschäftsstelle*{lang=de}. Texts the site escapes instead of converting keep the same syntax.
LANG_MARK = re.compile(r"\*([^*\n]+)\*\{lang=(de|en)\}")


def prose(text: object) -> str:
    """A source text as HTML: escaped, with its language marks as ``<em lang>``."""
    return LANG_MARK.sub(lambda m: f'<em lang="{m[2]}">{m[1]}</em>', esc(text))


def plain(text: str) -> str:
    """A source text without its language marks, for places that show plain text (data, feeds)."""
    return LANG_MARK.sub(lambda m: m[1], text)


def md_text(text: str) -> str:
    """Text inside Markdown: HTML-escaped, and Markdown's own syntax characters made literal."""
    return html.escape(_MARKDOWN_SPECIAL.sub(r"\\\1", text), quote=False)


def link(href: str, text: str, **attrs: str) -> str:
    extra = "".join(f' {k.rstrip("_").replace("_", "-")}="{esc(v)}"' for k, v in attrs.items())
    return f'<a href="{esc(href)}"{extra}>{esc(text)}</a>'


def external_link(href: str, text: str) -> str:
    return f'<a href="{esc(href)}" rel="noopener noreferrer" class="kb-external">{esc(text)}</a>'


def ul(items: list[str], cls: str = "") -> str:
    """A list of already-built HTML items."""
    if not items:
        return ""
    attr = f' class="{cls}"' if cls else ""
    return f"<ul{attr}>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def ol(items: list[str], cls: str = "") -> str:
    attr = f' class="{cls}"' if cls else ""
    return f"<ol{attr}>" + "".join(f"<li>{item}</li>" for item in items) + "</ol>"


# Generated HTML needs nothing from Markdown, yet Markdown parses every HTML block twice (the
# md_in_html extension and MkDocs' collector of anchors): a quarter of a build's time with 2,500
# entries. So each block travels between these two control characters, which no source may hold,
# and stands aside as a placeholder comment while Markdown runs (lift_blocks, Lifted.place).
BLOCK_START, BLOCK_END = "\x02", "\x03"
_BLOCK = re.compile(f"{BLOCK_START}([^{BLOCK_START}{BLOCK_END}]*){BLOCK_END}")
# Blocks with nothing but blank lines between them share one placeholder.
_BLOCKS = re.compile(f"{_BLOCK.pattern}(?:\\s*{_BLOCK.pattern})*")


def block(html_text: str) -> str:
    """An HTML block for a Markdown document: blank lines around it so Markdown leaves it alone."""
    return f"\n\n{BLOCK_START}{html_text}{BLOCK_END}\n\n"


@dataclass(frozen=True)
class Lifted:
    """A page's Markdown with a placeholder comment for each block, and the blocks in order.

    The placeholders carry a digest of the page, so that text in a source cannot pass for one.
    """

    markdown: str
    blocks: tuple[str, ...]
    key: str

    def place(self, html_text: str) -> str:
        """The converted page with each placeholder replaced by its block; every one must be there."""
        placed: list[int] = []

        def back(match: re.Match[str]) -> str:
            placed.append(int(match.group(1)))
            return self.blocks[placed[-1]]

        result = re.sub(f"<!--kb-html-{self.key}-(\\d+)-->", back, html_text)
        if sorted(placed) != list(range(len(self.blocks))):
            raise RuntimeError(f"Markdown lost or repeated generated HTML: placed blocks {placed} of "
                               f"{len(self.blocks)}")
        return result


def lift_blocks(markdown: str) -> Lifted:
    key = hashlib.blake2b(markdown.encode("utf-8"), digest_size=6).hexdigest()
    blocks: list[str] = []

    def aside(match: re.Match[str]) -> str:
        blocks.append("\n".join(_BLOCK.findall(match.group(0))))
        return f"<!--kb-html-{key}-{len(blocks) - 1}-->"

    return Lifted(_BLOCKS.sub(aside, markdown), tuple(blocks), key)
