"""Small helpers that build HTML and Markdown safely: every source text is escaped once, here."""

from __future__ import annotations

import html
import re

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~])")


def esc(text: object) -> str:
    """Text for HTML content or attributes."""
    return html.escape(str(text), quote=True)


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
# and stands aside as a placeholder comment while Markdown runs (lift_blocks / place_blocks).
BLOCK_START, BLOCK_END = "\x02", "\x03"
_BLOCK = re.compile(f"{BLOCK_START}([^{BLOCK_START}{BLOCK_END}]*){BLOCK_END}")
_PLACEHOLDER = re.compile(r"<!--kb-html-(\d+)-->")


def block(html_text: str) -> str:
    """An HTML block for a Markdown document: blank lines around it so Markdown leaves it alone."""
    return f"\n\n{BLOCK_START}{html_text}{BLOCK_END}\n\n"


def inline_blocks(markdown: str) -> str:
    """The Markdown with every block in place, for a processor that takes the HTML as it is."""
    return _BLOCK.sub(r"\1", markdown)


def lift_blocks(markdown: str) -> tuple[str, tuple[str, ...]]:
    """The Markdown with a placeholder comment for each block, and the blocks in order."""
    blocks: list[str] = []

    def aside(match: re.Match[str]) -> str:
        blocks.append(match.group(1))
        return f"<!--kb-html-{len(blocks) - 1}-->"

    return _BLOCK.sub(aside, markdown), tuple(blocks)


def place_blocks(html_text: str, blocks: tuple[str, ...]) -> str:
    """The converted page with each placeholder replaced by its block; every one must be there."""
    placed: list[int] = []

    def back(match: re.Match[str]) -> str:
        placed.append(int(match.group(1)))
        return blocks[placed[-1]]

    result = _PLACEHOLDER.sub(back, html_text)
    if sorted(placed) != list(range(len(blocks))):
        raise RuntimeError(f"Markdown lost or repeated generated HTML blocks: placed {placed} of {len(blocks)}")
    return result
