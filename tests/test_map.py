"""The map of model projects: where towns land, and what the built pages offer a visitor."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from lxml import html as lxml_html

from htmlscan import page_file, parse, resolve
from toolkit.render.map import MapTown, Projection, bounds, map_html, outline
from toolkit.sources.load import load

RODEWISCH = (12.41, 50.53)  # lon, lat
BAD_LOBENSTEIN = (11.64, 50.45)
MUECHELN = (11.81, 51.30)
PARIS = (2.35, 48.86)


def projection() -> Projection:
    return Projection.fit(bounds=bounds(outline()))


def inside_germany(lon: float, lat: float) -> bool:
    """Ray casting against every ring of the outline (an island counts as Germany too)."""
    crossings = 0
    for ring in outline():
        for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
            if (y1 > lat) != (y2 > lat) and lon < x1 + (lat - y1) * (x2 - x1) / (y2 - y1):
                crossings += 1
    return crossings % 2 == 1


def test_a_town_lands_inside_the_outline_and_the_drawing() -> None:
    west, south, east, north = bounds(outline())
    assert west < RODEWISCH[0] < east and south < RODEWISCH[1] < north
    assert inside_germany(*RODEWISCH)
    assert not inside_germany(*PARIS)
    p = projection()
    x, y = p.point(lon=RODEWISCH[0], lat=RODEWISCH[1])
    left, top = p.point(lon=west, lat=north)
    right, bottom = p.point(lon=east, lat=south)
    assert left < x < right and top < y < bottom
    assert left >= 0 and right <= p.width and top >= 0 and bottom <= p.height


def test_compass_directions_survive_the_projection() -> None:
    p = projection()
    rodewisch = p.point(lon=RODEWISCH[0], lat=RODEWISCH[1])
    lobenstein = p.point(lon=BAD_LOBENSTEIN[0], lat=BAD_LOBENSTEIN[1])
    muecheln = p.point(lon=MUECHELN[0], lat=MUECHELN[1])
    assert rodewisch[0] > lobenstein[0], "Rodewisch lies east of Bad Lobenstein"
    assert muecheln[1] < lobenstein[1], "Mücheln lies north of Bad Lobenstein (SVG y grows downwards)"


def test_germany_is_drawn_about_as_wide_as_it_is_on_an_atlas() -> None:
    # From the Dutch to the Polish border ~640 km, from the Alps to Denmark ~870 km.
    p = projection()
    assert 0.65 < p.width / p.height < 0.85


def town(name: str, lon: float, lat: float, **kw: object) -> MapTown:
    values: dict[str, Any] = {"region": "Sachsen", "project": "Ein Projekt", "href": "projekt/", **kw}
    return MapTown(name=name, lon=lon, lat=lat, **values)


def test_source_text_stays_text() -> None:
    html = map_html(towns=[town("<script>alert(1)</script>", *RODEWISCH, project='"><b>x</b>')],
                    caption="Karte", labels=True)
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;" in html


def test_one_town_in_two_projects_gives_two_dots_apart() -> None:
    html = map_html(towns=[town("Rodewisch", *RODEWISCH, href="a/"), town("Rodewisch", *RODEWISCH, href="b/")],
                    caption="Karte")
    scan = scan_map(html)
    centres = {(d.cx, d.cy) for d in scan.dots}
    assert len(scan.dots) == 2 and len(centres) == 2


def test_no_towns_no_map() -> None:
    assert map_html(towns=[], caption="Karte") == ""


# -- the built site ----------------------------------------------------------------------------

@dataclass
class Dot:
    href: str
    name: str = ""
    cx: str = ""
    cy: str = ""


@dataclass
class MapScan:
    """What the map of a page offers: its dot links, its list and every attribute in the SVG."""

    dots: list[Dot] = field(default_factory=list)
    list_items: list[str] = field(default_factory=list)
    list_links: list[str] = field(default_factory=list)
    svg_attrs: list[str] = field(default_factory=list)
    svg_label: str = ""
    caption_id: str = ""
    caption: str = ""


def scan_map(html: str) -> MapScan:
    scan = MapScan()
    maps = lxml_html.document_fromstring(html).xpath('//div[contains(concat(" ", @class, " "), " kb-map ")]')
    if not maps:
        return scan
    (figure,) = maps
    for svg in figure.iter("svg"):
        scan.svg_label = svg.get("aria-labelledby", "")
        scan.svg_attrs += [f"{k}={v}" for e in svg.iter() if isinstance(e.tag, str) for k, v in e.attrib.items()]
        for link in svg.iter("a"):
            dot = Dot(link.get("href", ""), "".join(title.text_content() for title in link.iter("title")))
            for circle in link.xpath('.//circle[@class="kb-map-dot"]'):
                dot.cx, dot.cy = circle.get("cx", ""), circle.get("cy", "")
            scan.dots.append(dot)
    for caption in figure.iter("figcaption"):
        scan.caption_id, scan.caption = caption.get("id", ""), caption.text_content()
    for item in figure.iter("li"):
        scan.list_items.append(item.text_content())
        scan.list_links += [link.get("href", "") for link in item.iter("a")]
    return scan


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
