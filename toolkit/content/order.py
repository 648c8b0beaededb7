"""The one ordering rule for lists of entries: by title in the reader's language.

Umlauts and accents sort beside their base letter, case does not matter, and the slug breaks
ties, so every list of tools, projects or terms comes out the same on every build.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from toolkit.content.model import Entry


def sort_key(text: str) -> str:
    """Sort as a reader expects: umlauts beside their base letter, case ignored."""
    return unicodedata.normalize("NFKD", text.casefold()).encode("ascii", "ignore").decode()


def by_title(entries: Iterable[Entry], lang: str) -> list[Entry]:
    return sorted(entries, key=lambda e: (sort_key(e.title(lang)), e.slug))
