"""Group-size classes of a tool, derived from its 'teilnehmende' (min, max): never typed twice.

A tool belongs to every class its range of participants touches: a format for 10 to 30 people
suits a small group and a medium one.
"""

from __future__ import annotations

from typing import Any

# key -> (fewest, most) people of the class; None: no upper bound. The labels are in labels.py.
CLASSES: dict[str, tuple[int, int | None]] = {
    "bis-15": (1, 15),
    "16-50": (16, 50),
    "ueber-50": (51, None),
}
FACET = "gruppe"


def group_sizes(people: dict[str, Any] | None) -> list[str]:
    """The classes a participant range touches, in the order of CLASSES."""
    if not people:
        return []
    low, high = people["min"], people["max"]
    return [key for key, (start, end) in CLASSES.items() if high >= start and (end is None or low <= end)]
