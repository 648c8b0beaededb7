"""Make ``toolkit/data/germany.json``, the outline of Germany that the maps of model projects draw.

Run once by hand, not at build time; its output is committed. Standard library only.

Data: Natural Earth, "Admin 0 – Countries" at 1:50 million, version 4.1.0. Natural Earth data are
in the public domain (https://www.naturalearthdata.com/about/terms-of-use/). The TopoJSON edition
used here comes from the npm package ``world-atlas`` 2.0.2 (Mike Bostock, ISC licence), file
``countries-50m.json``, where Germany is the geometry with id "276" (ISO 3166-1 numeric).

Command (from the repository root; npm is needed for the download only)::

    cd /tmp && npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python scripts/make_germany_outline.py /tmp/package/countries-50m.json toolkit/data/germany.json

The polygons are simplified (Douglas-Peucker, tolerance below) and rounded to three decimals
(about 100 m): a map a few hundred pixels wide shows no difference, and the file stays small
enough to be inlined into every page that shows a map.
"""

from __future__ import annotations

import argparse
import json
import math
from pathlib import Path
from typing import Any

GERMANY = "276"
# Degrees. 0.02° is about 2 km: below a pixel at the widths the site draws the map.
TOLERANCE = 0.02
DECIMALS = 3


def decode_arcs(topology: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """The topology's arcs as absolute lon/lat points (TopoJSON stores quantised deltas)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(indexes: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    """Join arcs into one ring; a negative index ``~i`` means arc ``i`` reversed."""
    points: list[tuple[float, float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        # Consecutive arcs share their joining point: keep it once.
        points.extend(arc[1:] if points else arc)
    return points


def simplify(points: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Douglas-Peucker, iterative (a long coastline would overflow a recursive version)."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        length = math.hypot(x2 - x1, y2 - y1)
        farthest, distance = 0, 0.0
        for i in range(first + 1, last):
            x, y = points[i]
            d = (abs((x2 - x1) * (y1 - y) - (x1 - x) * (y2 - y1)) / length) if length else math.hypot(x - x1, y - y1)
            if d > distance:
                farthest, distance = i, d
        if distance > tolerance:
            keep[farthest] = True
            stack += [(first, farthest), (farthest, last)]
    return [p for p, k in zip(points, keep, strict=True) if k]


def outline(topology: dict[str, Any], country: str = GERMANY) -> list[list[list[float]]]:
    """The country's rings (outer boundaries and any holes) as ``[[lon, lat], ...]`` lists."""
    geometry = next(g for g in topology["objects"]["countries"]["geometries"] if g.get("id") == country)
    polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
    arcs = decode_arcs(topology)
    rings = []
    for polygon in polygons:
        for indexes in polygon:
            points = simplify(ring(indexes, arcs), TOLERANCE)
            # A ring simplified to fewer than four points (closing point included) is a speck.
            if len(points) >= 4:
                rings.append([[round(x, DECIMALS), round(y, DECIMALS)] for x, y in points])
    return rings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("topojson", type=Path, help="countries-50m.json from the npm package world-atlas")
    parser.add_argument("output", type=Path, help="where to write the outline (toolkit/data/germany.json)")
    args = parser.parse_args()
    rings = outline(json.loads(args.topojson.read_text(encoding="utf-8")))
    data = {
        "source": "Natural Earth 1:50m Admin 0 Countries v4.1.0, via npm world-atlas 2.0.2 (countries-50m.json, id 276)",
        "licence": "public domain (Natural Earth)",
        "made_by": "scripts/make_germany_outline.py",
        "rings": rings,
    }
    # One ring per line: small, and a change to the data shows as a readable diff.
    text = json.dumps({k: v for k, v in data.items() if k != "rings"}, ensure_ascii=False, indent=1)[:-2]
    text += ',\n "rings": [\n' + ",\n".join(json.dumps(r, separators=(",", ":")) for r in rings) + "\n ]\n}\n"
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")
    print(f"{args.output}: {len(rings)} rings, {sum(len(r) for r in rings)} points, {len(text)} bytes")


if __name__ == "__main__":
    main()
