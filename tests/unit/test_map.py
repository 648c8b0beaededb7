"""The map of towns, drawn without a build: towns land inside Germany's outline in the right directions,
source text stays text, one town of two projects gives two dots, and no towns give no map."""

from __future__ import annotations

from support.map_scan import scan_map, town
from toolkit.render.map import Projection, bounds, map_html, outline

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

