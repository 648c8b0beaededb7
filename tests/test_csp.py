"""The Content-Security-Policy: every page lets the browser load from the site's own origin only.

The policy is the last line of defence for the visitor's privacy (no font service, CDN or analytics
can load, even by mistake) and against script in an editor's text. It only works if the pages need
nothing it forbids: no inline event handlers, no inline scripts, no inline styles.
"""

from __future__ import annotations

import re
from pathlib import Path

from support.csp import inline_code, parse_text, policy_of

# Sources a directive may name besides 'self' and 'none', and why:
ALLOWED_EXTRA = {
    # Pagefind compiles its WebAssembly module, fetched from this site; no JavaScript eval.
    "'wasm-unsafe-eval'": {"script-src"},
    # Material draws icons as SVG data URLs inside its stylesheet: no request, no other origin.
    "data:": {"img-src", "font-src"},
}
# The browser editor for the site's editors, not a public page: it signs in to the Git host and
# saves there, so its policy allows that host (and only that one; tests/test_admin.py).
EDITOR_PAGE = "admin/index.html"
# Where a page may point the browser: the site itself.
SELF_ONLY = {"'self'", "'none'"}
FETCH_DIRECTIVES = {"default-src", "script-src", "style-src", "img-src", "font-src", "connect-src",
                    "media-src", "object-src", "frame-src", "child-src", "worker-src", "manifest-src",
                    "base-uri", "form-action"}


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


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


def test_every_page_has_a_policy_of_its_own_origin_only(built_site: Path) -> None:
    found = {}
    for file in pages(built_site):
        rel = file.relative_to(built_site).as_posix()
        if rel == EDITOR_PAGE:
            continue  # the one page that talks to the Git host: its policy is checked in test_admin.py
        html = file.read_text(encoding="utf-8")
        policy = policy_of(html)
        if policy is None:
            found[rel] = ["no Content-Security-Policy meta tag"]
            continue
        directives, position = policy
        problems = policy_problems(directives)
        # A policy in a meta tag governs only what comes after it.
        page = parse_text(html)
        first_load = next((i for i, e in enumerate(page.elements)
                           if e.tag == "script" or (e.tag == "link" and "stylesheet" in e.attrs.get("rel", ""))), None)
        if first_load is not None and first_load < position:
            problems.append("a script or stylesheet comes before the policy, which then does not cover it")
        if problems:
            found[rel] = problems
    assert len(pages(built_site)) > 20
    assert not found, "\n".join(f"{page}: {'; '.join(p)}" for page, p in list(found.items())[:40])


def test_policy_check_refuses_other_origins() -> None:
    """The check itself: a CDN, an inline allowance or a missing default are each caught."""
    assert policy_problems({"default-src": ["'self'"], "img-src": ["'self'", "data:"]}) == []
    assert policy_problems({"default-src": ["'self'", "https://cdn.example.org"]}) == \
        ["default-src allows https://cdn.example.org"]
    assert policy_problems({"default-src": ["'self'"], "script-src": ["'self'", "'unsafe-inline'"]}) == \
        ["script-src allows 'unsafe-inline'"]
    assert policy_problems({"script-src": ["'self'"]})[0].startswith("no default-src")
    assert policy_problems({"default-src": ["*"]}) == ["default-src allows *"]


def test_no_inline_script_or_style_that_the_policy_would_block(built_site: Path) -> None:
    """The policy runs no inline script or style: a template that adds one breaks the page."""
    found = {}
    for file in pages(built_site):
        problems = inline_code(file.read_text(encoding="utf-8"))
        if problems:
            found[file.relative_to(built_site).as_posix()] = problems
    assert not found, "\n".join(f"{page}: {', '.join(sorted(set(p))[:5])}" for page, p in list(found.items())[:40])


def test_inline_check_finds_handlers_and_scripts(tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    page.write_text('<script id="__config" type="application/json">{}</script>'
                    '<script src="a.js"></script><img src=x onerror="alert(1)">'
                    '<script>alert(2)</script><a href="javascript:alert(3)">x</a><p style="color:red">')
    found = inline_code(page.read_text(encoding="utf-8"))
    assert len(found) == 4, found


def test_inline_check_lets_json_ld_pass_but_not_scripts_in_disguise(tmp_path: Path) -> None:
    # JSON-LD is a data block: a browser never runs it. Script types that do run are still caught.
    page = tmp_path / "p.html"
    page.write_text('<script type="application/ld+json">{"@context": "https://schema.org"}</script>'
                    '<script type="module">alert(1)</script><script type="text/javascript">alert(2)</script>')
    assert inline_code(page.read_text(encoding="utf-8")) == ["<script type='module'> without src (inline script)",
                                 "<script type='text/javascript'> without src (inline script)"]


def test_a_build_carries_nothing_of_the_preview(built_site: Path) -> None:
    """Live reload and the problem banner belong to 'make serve': a built page has the theme's policy as
    written, no live-reload script and no banner."""
    from conftest import REPO

    theme = (REPO / "overrides" / "main.html").read_text(encoding="utf-8")
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', theme)
    assert policy, "overrides/main.html sets no policy"
    written = policy[1]
    found = {}
    for file in pages(built_site):
        html = file.read_text(encoding="utf-8")
        if file.relative_to(built_site).as_posix() == "admin/index.html":
            continue  # the browser editor's own policy, checked in test_admin.py
        if 'http-equiv="refresh"' in html:
            continue  # a redirect page: its policy allows nothing at all (toolkit/render/redirects.py)
        problems = [what for what, present in (
            ("another policy", f'content="{written}"' not in html),
            ("the live-reload script", "livereload" in html),
            ("the preview's problem banner", "kb-problems" in html),
        ) if present]
        if problems:
            found[file.relative_to(built_site).as_posix()] = problems
    assert not found, "\n".join(f"{page}: {', '.join(p)}" for page, p in list(found.items())[:40])
    assert not list(built_site.rglob("livereload*"))
