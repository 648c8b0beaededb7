"""A former address of a renamed entry, followed by a real browser to the entry's new page."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from support.serve import serving as serve

if TYPE_CHECKING:
    from playwright.sync_api import Browser


def test_browser_follows_the_old_address_to_the_new_page(publishing_site: Path, browser: Browser) -> None:
    with serve(publishing_site) as base:
        page = browser.new_page()
        try:
            page.goto(base + "en/werkzeuge/alte-werkstatt/")
            page.wait_for_url(base + "en/werkzeuge/beispiel/", timeout=10_000)
            assert page.locator("h1").first.inner_text() == "Sample workshop"
        finally:
            page.close()
