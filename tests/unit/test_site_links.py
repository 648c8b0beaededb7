"""The link checker the site's link test relies on: it finds a missing page, a missing anchor and
a link that leaves the site."""

from __future__ import annotations

from pathlib import Path

from support.site_pages import broken_links


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
