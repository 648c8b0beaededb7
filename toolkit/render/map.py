"""A map of Germany with the towns of model projects, drawn at build time as inline SVG.

No tiles, no script, no request to another host: the outline comes from ``toolkit/data/germany.json``
(Natural Earth, public domain; made by ``scripts/make_germany_outline.py``) and each town is a dot
that links to its project. A list of the same towns below the map is the text alternative.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from toolkit.content import urls
from toolkit.content.markup import esc
from toolkit.content.model import Entry, KnowledgeBase

# An equirectangular projection whose x axis is shrunk by cos(51°), Germany's middle latitude:
# over 8° of latitude it distorts less than a pixel would show, and it needs no library.
MIDDLE_LATITUDE = 51.0
UNITS_PER_DEGREE = 100  # SVG units per degree of latitude: integers are precise to about 1 km
PADDING = 12
DOT_RADIUS = 9
# A touch target larger than the visible dot.
HIT_RADIUS = 18
LABEL_SIZE = 26
# Average glyph width of a sans-serif font, as a share of its size, to estimate label widths.
GLYPH_WIDTH = 0.56


@dataclass(frozen=True)
class MapTown:
    """One dot: a town of a project, and where its link leads."""

    name: str
    region: str  # the Bundesland, in the reader's language
    lon: float
    lat: float
    project: str  # the project's title
    href: str  # link to the project, relative to the page that shows the map
    current: bool = False  # the project is the page that shows the map
    project_lang: str | None = None  # set when the title is not in the page's language


@dataclass(frozen=True)
class Projection:
    """Lon/lat to SVG units, fitted to a bounding box (west, south, east, north) plus padding."""

    west: float
    north: float
    width: float
    height: float

    @classmethod
    def fit(cls, *, bounds: tuple[float, float, float, float]) -> Projection:
        west, south, east, north = bounds
        kx = math.cos(math.radians(MIDDLE_LATITUDE))
        return cls(
            west=west, north=north,
            width=round((east - west) * kx * UNITS_PER_DEGREE + 2 * PADDING),
            height=round((north - south) * UNITS_PER_DEGREE + 2 * PADDING),
        )

    def point(self, *, lon: float, lat: float) -> tuple[float, float]:
        kx = math.cos(math.radians(MIDDLE_LATITUDE))
        return ((lon - self.west) * kx * UNITS_PER_DEGREE + PADDING,
                (self.north - lat) * UNITS_PER_DEGREE + PADDING)


@lru_cache(maxsize=1)
def outline() -> tuple[tuple[tuple[float, float], ...], ...]:
    """Germany's rings as (lon, lat) points, read once."""
    text = resources.files("toolkit").joinpath("data/germany.json").read_text(encoding="utf-8")
    return tuple(tuple((lon, lat) for lon, lat in ring) for ring in json.loads(text)["rings"])


def bounds(rings: tuple[tuple[tuple[float, float], ...], ...]) -> tuple[float, float, float, float]:
    points = [p for ring in rings for p in ring]
    return (min(p[0] for p in points), min(p[1] for p in points),
            max(p[0] for p in points), max(p[1] for p in points))


@lru_cache(maxsize=1)
def germany() -> tuple[Projection, str]:
    """The projection fitted to Germany, and Germany's outline as SVG path data (same on every map)."""
    rings = outline()
    projection = Projection.fit(bounds=bounds(rings))
    parts = []
    for ring in rings:
        points = [projection.point(lon=lon, lat=lat) for lon, lat in ring]
        # After "M", further coordinate pairs are implicit line-tos: the shortest path data.
        parts.append("M" + " ".join(f"{x:.0f} {y:.0f}" for x, y in points) + "Z")
    return projection, "".join(parts)


def _spread(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Move dots that would cover each other exactly (one town in several projects) onto a small ring."""
    groups: dict[tuple[int, int], list[int]] = {}
    for i, (x, y) in enumerate(points):
        groups.setdefault((round(x / DOT_RADIUS), round(y / DOT_RADIUS)), []).append(i)
    spread = list(points)
    for members in groups.values():
        if len(members) < 2:
            continue
        cx, cy = points[members[0]]
        for k, i in enumerate(members):
            angle = 2 * math.pi * k / len(members)
            spread[i] = (cx + 1.2 * DOT_RADIUS * math.cos(angle), cy + 1.2 * DOT_RADIUS * math.sin(angle))
    return spread


def _labels(names: list[str], points: list[tuple[float, float]], width: float, height: float) -> list[str]:
    """Town names beside their dots, placed greedily where they cover no other label or dot."""
    taken = [(x - DOT_RADIUS, y - DOT_RADIUS, x + DOT_RADIUS, y + DOT_RADIUS) for x, y in points]
    texts = []
    for name, (x, y) in zip(names, points, strict=True):
        w, h, gap = len(name) * LABEL_SIZE * GLYPH_WIDTH, LABEL_SIZE, DOT_RADIUS + 4
        base = y + h * 0.35  # the baseline that centres the text on the dot
        candidates = [  # (anchor, text x, baseline, box): right, left, above, below
            ("start", x + gap, base, (x + gap, y - h / 2, x + gap + w, y + h / 2)),
            ("end", x - gap, base, (x - gap - w, y - h / 2, x - gap, y + h / 2)),
            ("middle", x, y - gap - h * 0.25, (x - w / 2, y - gap - h, x + w / 2, y - gap)),
            ("middle", x, y + gap + h * 0.75, (x - w / 2, y + gap, x + w / 2, y + gap + h)),
        ]
        inside = [c for c in candidates if c[3][0] >= 0 and c[3][1] >= 0 and c[3][2] <= width and c[3][3] <= height]
        free = [c for c in inside if not any(_overlap(c[3], box) for box in taken)]
        choice = (free or inside or candidates)[0]
        anchor, tx, ty, box = choice
        taken.append(box)
        texts.append(f'<text x="{tx:.0f}" y="{ty:.0f}" text-anchor="{anchor}">{esc(name)}</text>')
    return texts


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def map_html(*, towns: list[MapTown], caption: str, list_summary: str | None = None,
             labels: bool = False, skip: str | None = None, map_id: str = "kb-map") -> str:
    """The map with its caption and the list of its towns.

    ``labels`` writes town names onto the map (readable for a handful of towns, not for all);
    ``list_summary``, when given, folds the town list into a ``<details>`` with that summary;
    ``skip``, when given, is the text of a link past the map: every dot is a stop for the
    keyboard, and on the catalogue there are as many as there are towns.
    """
    if not towns:
        return ""
    projection, land = germany()
    points = _spread([projection.point(lon=t.lon, lat=t.lat) for t in towns])
    dots = []
    for town, (x, y) in zip(towns, points, strict=True):
        current = ' aria-current="page"' if town.current else ""
        name = f"{town.name}: {town.project}"
        # The <title> child is the link's accessible name (SVG-AAM) and its tooltip in one.
        dots.append(
            f'<a href="{esc(town.href)}"{current}><title>{esc(name)}</title>'
            f'<circle class="kb-map-hit" cx="{x:.1f}" cy="{y:.1f}" r="{HIT_RADIUS}" fill="transparent"/>'
            f'<circle class="kb-map-dot" cx="{x:.1f}" cy="{y:.1f}" r="{DOT_RADIUS}"/></a>'
        )
    names = (f'<g class="kb-map-labels" aria-hidden="true" font-size="{LABEL_SIZE}">'
             + "".join(_labels([t.name for t in towns], points, projection.width, projection.height))
             + "</g>") if labels else ""
    caption_id = f"{map_id}-caption"
    svg = (
        f'<svg class="kb-map-svg" viewBox="0 0 {projection.width} {projection.height}" role="group" '
        f'aria-labelledby="{caption_id}" xmlns="http://www.w3.org/2000/svg">'
        f'<path class="kb-map-land" aria-hidden="true" d="{land}"/>'
        f'{"".join(dots)}{names}</svg>'
    )
    items = "".join(f"<li>{_list_item(t)}</li>" for t in towns)
    town_list = f'<ul class="kb-map-list">{items}</ul>'
    if list_summary:
        town_list = f'<details class="kb-map-details"><summary>{esc(list_summary)}</summary>{town_list}</details>'
    # A map with names needs its full width to keep them readable; one without may be smaller.
    skip_link, skip_target = "", ""
    if skip:
        skip_link = f'<a class="kb-map-skip" href="#{map_id}-end">{esc(skip)}</a>'
        skip_target = f'<div id="{map_id}-end" class="kb-map-end"></div>'
    return (
        f'{skip_link}<div class="kb-map{" kb-map-labelled" if labels else ""}" id="{map_id}">'
        f'<figure class="kb-map-figure">{svg}<figcaption id="{caption_id}">{esc(caption)}</figcaption></figure>'
        f"{town_list}</div>{skip_target}"
    )


def _list_item(town: MapTown) -> str:
    where = f'{esc(town.name)}, <span class="kb-muted">{esc(town.region)}</span>'
    if town.current:
        return where  # the page itself: a link back to it would be noise
    lang = f' lang="{town.project_lang}"' if town.project_lang else ""
    return f'{where}: <a href="{esc(town.href)}"{lang}>{esc(town.project)}</a>'


def project_towns(*, kb: KnowledgeBase, projects: list[Entry], lang: str, here: str,
                  current: str | None = None) -> list[MapTown]:
    """The towns of ``projects`` as dots for a map on the page at ``here``.

    ``current`` is the slug of the project whose own page this is.
    """
    towns = []
    for project in projects:
        href = urls.relative(here, urls.entry_url("modellvorhaben", project.slug, lang))
        for town in project.get("orte", []):
            towns.append(MapTown(
                name=town["name"], region=kb.vocab["bundesland"].label(town["bundesland"], lang),
                lon=town["laenge"], lat=town["breite"], project=project.title(lang), href=href,
                current=project.slug == current, project_lang=None if project.translated(lang) else "de",
            ))
    return towns
