"""Slugs: the stable ASCII names of entries, taken from file names and built from titles."""

from __future__ import annotations

import re
import unicodedata

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

_GERMAN = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss", "ẞ": "SS"})


def slugify(title: str) -> str:
    """``"Bürgerhaushalt Testlauf"`` -> ``"buergerhaushalt-testlauf"``."""
    text = unicodedata.normalize("NFKD", title.translate(_GERMAN))
    text = text.encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")
