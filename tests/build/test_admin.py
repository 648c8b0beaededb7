"""The browser editor at /admin/: its configuration follows the content model, and only /admin/
may talk to the Git host.

The configuration is generated; these tests compare it with ``schema.py`` and the vocabularies
field by field, so a field added to one and not the other fails here. The browser test
(tests/browser/test_admin.py) shows that what the CMS writes with it passes the checker.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from support.csp import policy_of
from support.htmlscan import parse
from support.site_pages import internal_target, site_path
from support.site_pages import pages as site_pages
from support.sites import REPO
from toolkit.publish.cms_config import cms_config
from toolkit.sources.problems import Problems
from toolkit.sources.vocabulary import load_vocabularies

VOCAB = load_vocabularies(REPO / "docs", REPO, Problems())
CONFIG = cms_config(vocab=VOCAB, edit_base="https://github.com/owner/name/edit/main/", site_url="https://x/")
COLLECTIONS = {c["name"]: c for c in CONFIG["collections"]}
# Where the editor on /admin/ may connect besides the site: GitHub's API and its sign-in.
GIT_HOST = {"https://api.github.com", "https://github.com"}


# -- the built site ------------------------------------------------------------------------------

def test_admin_page_talks_to_the_git_host_and_to_nothing_else(built_site: Path) -> None:
    page = built_site / "admin" / "index.html"
    policy = policy_of(page.read_text(encoding="utf-8"))
    assert policy, "the editor's page has no policy"
    directives, _ = policy
    hosts = {source for sources in directives.values() for source in sources if "://" in source}
    assert hosts == GIT_HOST
    assert set(directives["connect-src"]) - {"'self'", "data:"} == GIT_HOST
    assert directives["default-src"] == ["'self'"] and directives["script-src"] == ["'self'"]
    scripts = [e.attrs["src"] for e in parse(page).find("script")]
    assert scripts and all("://" not in src and (page.parent / src).is_file() for src in scripts)


def test_admin_serves_the_cms_and_its_fonts_itself(built_site: Path) -> None:
    script = (built_site / "admin" / "sveltia-cms.js").read_text(encoding="utf-8")
    assert "cdn.jsdelivr.net" not in script
    # Libraries imported on demand (pasting formatted text, the preview templates) come from here.
    assert "`https://unpkg.com/${" not in script
    assert (built_site / "admin" / "modules" / "turndown").is_dir()
    fonts = sorted((built_site / "admin" / "fonts").glob("*.woff2"))
    assert fonts and all(f"fonts/{font.name}" in script for font in fonts)
    served = yaml.safe_load((built_site / "admin" / "config.yml").read_text(encoding="utf-8"))
    assert [c["name"] for c in served["collections"]] == list(COLLECTIONS)


def test_every_page_links_the_editor_in_its_footer(built_site: Path) -> None:
    words = {"": "Inhalte bearbeiten", "en/": "Edit content"}
    root_path = site_path(built_site)
    checked, missing = 0, []
    for url, file in site_pages(built_site):
        if url.startswith("admin/") or 'http-equiv="refresh"' in file.read_text(encoding="utf-8"):
            continue
        lang = "en/" if url.startswith("en/") else ""
        links = [a for a in parse(file).links() if a.text.strip() == words[lang]]
        target = internal_target(built_site, root_path, url, links[0].attrs["href"]) if links else None
        if target is None or target[0] != built_site / "admin" / "index.html":
            missing.append(url)
        checked += 1
    assert checked > 20 and not missing, missing[:20]
