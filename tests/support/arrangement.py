"""Which folder a test belongs in, from the fixtures it uses: the rule the root conftest enforces.

``unit/`` needs neither a build nor a browser, ``build/`` a real MkDocs build, ``browser/`` Chromium
as well.
"""

from __future__ import annotations

from collections.abc import Iterable

# The fixtures that build a site, and the one that starts a browser.
BUILT = frozenset({"built_site", "events_project", "publishing_site"})
BROWSER = "browser"


def misplaced(folder: str, fixtures: Iterable[str]) -> str | None:
    """Why a test in ``folder`` that uses ``fixtures`` belongs elsewhere; None if it is in place."""
    needs = set(fixtures)
    if folder != "browser" and BROWSER in needs:
        return "uses a browser, so it belongs in tests/browser/"
    if folder == "unit" and needs & BUILT:
        return f"uses a built site ({', '.join(sorted(needs & BUILT))}), so it belongs in tests/build/"
    return None
