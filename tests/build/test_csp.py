"""The Content-Security-Policy: every page lets the browser load from the site's own origin only.

The policy is the last line of defence for the visitor's privacy (no font service, CDN or analytics
can load, even by mistake) and against script in an editor's text. It only works if the pages need
nothing it forbids: no inline event handlers, no inline scripts, no inline styles.
"""

from __future__ import annotations

import re
from pathlib import Path

from support.csp import inline_code, parse_text, policy_of, policy_problems

# The browser editor for the site's editors, not a public page: it signs in to the Git host and
# saves there, so its policy allows that host (and only that one; tests/build/test_admin.py).
EDITOR_PAGE = "admin/index.html"


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


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


def test_no_inline_script_or_style_that_the_policy_would_block(built_site: Path) -> None:
    """The policy runs no inline script or style: a template that adds one breaks the page."""
    found = {}
    for file in pages(built_site):
        problems = inline_code(file.read_text(encoding="utf-8"))
        if problems:
            found[file.relative_to(built_site).as_posix()] = problems
    assert not found, "\n".join(f"{page}: {', '.join(sorted(set(p))[:5])}" for page, p in list(found.items())[:40])


def test_a_build_carries_nothing_of_the_preview(built_site: Path) -> None:
    """Live reload and the problem banner belong to 'make serve': a built page has the theme's policy as
    written, no live-reload script and no banner."""
    from support.sites import REPO

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
