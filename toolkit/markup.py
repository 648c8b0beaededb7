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


def block(html_text: str) -> str:
    """An HTML block for a Markdown document: blank lines around it so Markdown leaves it alone."""
    return f"\n\n{html_text}\n\n"
