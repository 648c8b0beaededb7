"""Every link of the built site leads somewhere: no broken internal link, no missing anchor.

A visitor who follows a link inside the site must land on a page that exists and, when the link
names a place on it (``#id``), at that place. Links to other sites must not hand them a handle on
this one (``rel="noopener"``).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from htmlscan import Page, parse
from support.site_pages import OUTSIDE, internal_target, pages, site_path

# Attributes that make the browser fetch or go somewhere, per element.
LINKING = {"a": "href", "area": "href", "link": "href", "script": "src", "img": "src",
           "iframe": "src", "source": "src", "video": "src", "audio": "src", "form": "action"}


@cache
def _parsed(file: Path) -> Page:
    return parse(file)


def ids(file: Path) -> set[str]:
    page = _parsed(file)
    # An anchor may also be a named <a> (old HTML); browsers scroll to either.
    return page.ids() | {e.attrs["name"] for e in page.find("a") if e.attrs.get("name")}


def broken_links(site: Path) -> list[str]:
    root_path = site_path(site)
    broken = []
    for url, file in pages(site):
        for element in _parsed(file).elements:
            attr = LINKING.get(element.tag)
            href = element.attrs.get(attr or "")
            if not attr or not href or href.startswith(("mailto:", "tel:", "data:")):
                continue
            if href.startswith("javascript:"):
                broken.append(f"{url or '/'}: <{element.tag} {attr}={href!r}> runs script instead of linking")
                continue
            target = internal_target(site, root_path, url, href)
            if target is None:
                continue
            path, fragment = target
            if path == OUTSIDE:
                broken.append(f"{url or '/'}: <{element.tag} {attr}={href!r}> leads outside the site's path {root_path}")
            elif not path.is_file():
                broken.append(f"{url or '/'}: <{element.tag} {attr}={href!r}> leads to a missing file")
            elif fragment and path.suffix == ".html" and unquote(fragment) not in ids(path):
                broken.append(f"{url or '/'}: <{element.tag} {attr}={href!r}> names #{unquote(fragment)}, "
                              f"which that page lacks")
    return broken


def test_every_internal_link_and_anchor_resolves(built_site: Path) -> None:
    assert len(pages(built_site)) > 20, "the site has hardly any pages: the scan is looking in the wrong place"
    broken = broken_links(built_site)
    assert not broken, f"{len(broken)} broken link(s):\n" + "\n".join(broken[:60])


def test_external_links_open_without_a_handle_on_the_site(built_site: Path) -> None:
    missing = []
    external = 0
    for url, file in pages(built_site):
        for link in _parsed(file).links():
            if urlsplit(link.attrs["href"]).scheme not in ("http", "https"):
                continue
            external += 1
            if "noopener" not in link.attrs.get("rel", "").split():
                missing.append(f"{url or '/'}: {link.attrs['href']} (rel={link.attrs.get('rel', '')!r})")
    assert external, "no external link found: the scan is broken"
    assert not missing, f"{len(missing)} external link(s) without rel=noopener:\n" + "\n".join(missing[:60])


def test_the_scan_finds_a_broken_link(tmp_path: Path) -> None:
    """The checker itself: a missing page and a missing anchor are both caught."""
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (tmp_path / "mkdocs.yml").write_text("site_url: https://example.org/base/\n")
    (site / "a" / "index.html").write_text('<h1 id="top">A</h1><a href="../b/">B</a><a href="#nirgends">x</a>'
                                           '<a href="#top">ok</a><a href="/base/a/">ok</a><a href="/a/">out</a>')
    found = broken_links(site)
    assert len(found) == 3, found
    assert "missing file" in found[0] and "#nirgends" in found[1] and "outside the site" in found[2]
