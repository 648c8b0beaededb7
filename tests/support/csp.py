"""What a page's Content-Security-Policy says, and what in a page it would block."""

from __future__ import annotations

import re

from support.htmlscan import Page

EVENT_HANDLER = re.compile(r"^on[a-z]+$")
# Data blocks (Material's configuration, the pages' JSON-LD) are never run by a browser.
DATA_BLOCK = re.compile(r"^application/([a-z.+-]+\+)?json$")


def parse_text(html: str) -> Page:
    page = Page()
    page.feed(html)
    return page


def policy_of(html: str) -> tuple[dict[str, list[str]], int] | None:
    """The page's policy (directive -> sources) and where in the page its meta tag stands."""
    page = parse_text(html)
    metas = [e for e in page.elements
             if e.tag == "meta" and e.attrs.get("http-equiv", "").lower() == "content-security-policy"]
    if not metas:
        return None
    directives: dict[str, list[str]] = {}
    for part in metas[0].attrs.get("content", "").split(";"):
        words = part.split()
        if words:
            directives[words[0].lower()] = words[1:]
    return directives, page.elements.index(metas[0])


def inline_code(html: str) -> list[str]:
    """What the policy would block in a page: handlers, inline scripts, inline styles, javascript: addresses."""
    found = []
    for element in parse_text(html).elements:
        for name, value in element.attrs.items():
            if EVENT_HANDLER.match(name):
                found.append(f"<{element.tag} {name}=...> (inline event handler)")
            if value.strip().lower().startswith("javascript:"):
                found.append(f"<{element.tag} {name}={value!r}> (script in an address)")
        if element.tag == "script" and "src" not in element.attrs:
            kind = element.attrs.get("type", "").strip().lower()
            if not DATA_BLOCK.match(kind):
                found.append(f"<script type={kind!r}> without src (inline script)")
        if element.tag == "style":
            found.append("<style> element (inline style, blocked by style-src 'self')")
        if "style" in element.attrs:
            found.append(f"<{element.tag} style={element.attrs['style']!r}> (style attribute, blocked by style-src 'self')")
    return found


# Sources a directive may name besides 'self' and 'none', and why:
ALLOWED_EXTRA = {
    # Pagefind compiles its WebAssembly module, fetched from this site; no JavaScript eval.
    "'wasm-unsafe-eval'": {"script-src"},
    # Material draws icons as SVG data URLs inside its stylesheet: no request, no other origin.
    "data:": {"img-src", "font-src"},
}
# Where a page may point the browser: the site itself.
SELF_ONLY = {"'self'", "'none'"}
FETCH_DIRECTIVES = {"default-src", "script-src", "style-src", "img-src", "font-src", "connect-src",
                    "media-src", "object-src", "frame-src", "child-src", "worker-src", "manifest-src",
                    "base-uri", "form-action"}


def policy_problems(directives: dict[str, list[str]]) -> list[str]:
    problems = []
    if not {"default-src"} <= directives.keys():
        problems.append("no default-src: whatever a directive does not name is allowed from anywhere")
    for name, sources in directives.items():
        if name not in FETCH_DIRECTIVES:
            continue
        for source in sources:
            if source in SELF_ONLY or name in ALLOWED_EXTRA.get(source, set()):
                continue
            problems.append(f"{name} allows {source}")
    return problems
