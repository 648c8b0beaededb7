"""Conventions of the published site that the sources must keep, and that the checker enforces.

They live below the modules that publish (``head.py``, ``export.py``) and the one that checks
(``load.py``), so that checking never depends on publishing.
"""

from __future__ import annotations

# The content licence every page, feed and data file names.
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
# Items of a list share one CSV cell, separated by " | ": a spreadsheet shows them on one line,
# and the checker warns where an item holds a vertical bar with spaces around it.
LIST_SEPARATOR = " | "
# Search engines show about this many characters of a description; longer ones are cut.
DESCRIPTION_MAX = 160
# A summary of fewer words says too little to stand alone in a search result ("Vier Städte.").
DESCRIPTION_MIN_WORDS = 3


def summary_length_problem(summary: str) -> str | None:
    """Why an entry's summary makes a poor page description, or ``None`` when it is fine."""
    length, words = len(summary.strip()), len(summary.split())
    if length > DESCRIPTION_MAX:
        return (f"'kurz' has {length} characters; search engines cut page descriptions after about "
                f"{DESCRIPTION_MAX}: shorten it to one sentence")
    if words < DESCRIPTION_MIN_WORDS:
        return (f"'kurz' has {words} word(s); as the page's description in search results it says too "
                f"little: write one full sentence of what it is")
    return None
