"""The map of model projects: where towns land, and what the built pages offer a visitor."""

from __future__ import annotations

from pathlib import Path

import pytest

from support.htmlscan import page_file, parse, resolve
from support.map_scan import MapScan, scan_map
from toolkit.sources.load import load

# -- the built site ----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def projects(built_site: Path) -> dict:
    """The model projects of the sources the site was built from."""
    kb, problems = load(built_site.parent / "docs", built_site.parent)
    assert not problems.errors
    assert kb.projects, "the site has no model project to show on a map"
    return kb.projects


def expected_dots(built_site: Path, page_url: str, projects: dict, lang: str) -> list[tuple[str, Path, str]]:
    """(town, the project page it must lead to, the project's title) for every town on the page's map."""
    prefix = "" if lang == "de" else "en/"
    return sorted(
        (t["name"], page_file(built_site, f"{prefix}modellvorhaben/{slug}/").resolve(), p.title(lang))
        for slug, p in projects.items() for t in p.get("orte", [])
    )


def check_map(built_site: Path, url: str, expected: list[tuple[str, Path, str]]) -> MapScan:
    scan = scan_map(page_file(built_site, url).read_text(encoding="utf-8"))
    assert scan.dots, f"{url}: no map"
    found = []
    for dot in scan.dots:
        target = resolve(built_site, url, dot.href)
        assert target and target[0].is_file(), f"{url}: dot link {dot.href!r} leads nowhere"
        town = next((name for name, _, _ in expected if dot.name.startswith(name + ":")), None)
        assert town, f"{url}: dot named {dot.name!r} names no town of the map"
        found.append((town, target[0].resolve(), dot.name[len(town) + 1:].strip()))
    assert sorted(found) == expected
    # The text alternative: each town once more, in words.
    for name, _, _ in expected:
        assert any(item.startswith(name + ",") for item in scan.list_items), f"{url}: {name} missing from the list"
    assert scan.caption.strip() and scan.svg_label == scan.caption_id
    # No map tiles, fonts or pictures from elsewhere: nothing in the SVG points to another host.
    external = [a for a in scan.svg_attrs if "//" in a and not a.startswith("xmlns=")]
    assert not external, external
    return scan


@pytest.mark.parametrize("lang", ["de", "en"])
def test_project_page_map_has_a_dot_per_town_leading_to_the_project(
        built_site: Path, projects: dict, lang: str) -> None:
    prefix = "" if lang == "de" else "en/"
    for slug, project in projects.items():
        url = f"{prefix}modellvorhaben/{slug}/"
        expected = expected_dots(built_site, url, {slug: project}, lang)
        check_map(built_site, url, expected)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_catalogue_map_has_every_town_of_every_project(
        built_site: Path, projects: dict, lang: str) -> None:
    url = ("" if lang == "de" else "en/") + "modellvorhaben/"
    expected = expected_dots(built_site, url, projects, lang)
    scan = check_map(built_site, url, expected)
    # A keyboard can pass all the dots at once: a link to just after the map.
    page = parse(page_file(built_site, url))
    skips = [link for link in page.links() if "kb-map-skip" in link.attrs.get("class", "")]
    assert skips and skips[0].text.strip()
    assert skips[0].attrs["href"].lstrip("#") in page.ids()
    # On the catalogue the list says which project each town belongs to.
    assert len(scan.list_links) == len(expected)
    for href in scan.list_links:
        target = resolve(built_site, url, href)
        assert target and target[0].resolve() in {path for _, path, _ in expected}


def test_tool_catalogue_has_no_map(built_site: Path) -> None:
    assert not scan_map(page_file(built_site, "werkzeuge/").read_text(encoding="utf-8")).dots
