"""The checks the Content-Security-Policy tests rely on: a policy naming another origin is refused, and
inline handlers and scripts are found while JSON-LD data blocks pass. The built pages are checked in
tests/build/test_csp.py."""

from __future__ import annotations

from pathlib import Path

from support.csp import inline_code, policy_problems


def test_policy_check_refuses_other_origins() -> None:
    """The check itself: a CDN, an inline allowance or a missing default are each caught."""
    assert policy_problems({"default-src": ["'self'"], "img-src": ["'self'", "data:"]}) == []
    assert policy_problems({"default-src": ["'self'", "https://cdn.example.org"]}) == \
        ["default-src allows https://cdn.example.org"]
    assert policy_problems({"default-src": ["'self'"], "script-src": ["'self'", "'unsafe-inline'"]}) == \
        ["script-src allows 'unsafe-inline'"]
    assert policy_problems({"script-src": ["'self'"]})[0].startswith("no default-src")
    assert policy_problems({"default-src": ["*"]}) == ["default-src allows *"]


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
