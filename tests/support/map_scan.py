"""A drawn map of towns read back from its SVG: each dot's place, name and link."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from lxml import html as lxml_html

from toolkit.render.map import MapTown


def town(name: str, lon: float, lat: float, **kw: object) -> MapTown:
    values: dict[str, Any] = {"region": "Sachsen", "project": "Ein Projekt", "href": "projekt/", **kw}
    return MapTown(name=name, lon=lon, lat=lat, **values)


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
