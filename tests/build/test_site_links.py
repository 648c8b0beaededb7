"""Every link of the built site leads somewhere: no broken internal link, no missing anchor.

A visitor who follows a link inside the site must land on a page that exists and, when the link
names a place on it (``#id``), at that place. Links to other sites must not hand them a handle on
this one (``rel="noopener"``).
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from support.site_pages import broken_links, pages, parsed


def test_every_internal_link_and_anchor_resolves(built_site: Path) -> None:
    assert len(pages(built_site)) > 20, "the site has hardly any pages: the scan is looking in the wrong place"
    broken = broken_links(built_site)
    assert not broken, f"{len(broken)} broken link(s):\n" + "\n".join(broken[:60])


def test_external_links_open_without_a_handle_on_the_site(built_site: Path) -> None:
    missing = []
    external = 0
    for url, file in pages(built_site):
        for link in parsed(file).links():
            if urlsplit(link.attrs["href"]).scheme not in ("http", "https"):
                continue
            external += 1
            if "noopener" not in link.attrs.get("rel", "").split():
                missing.append(f"{url or '/'}: {link.attrs['href']} (rel={link.attrs.get('rel', '')!r})")
    assert external, "no external link found: the scan is broken"
    assert not missing, f"{len(missing)} external link(s) without rel=noopener:\n" + "\n".join(missing[:60])
