"""What the built pages' heads tell search engines, link previews and feed readers, in both languages:
a description from each page's own text, Open Graph, JSON-LD, the feed of the page's language, and
the 404 page's own title."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from support.htmlscan import page_file

if TYPE_CHECKING:
    from playwright.sync_api import Browser


# -- in a browser ---------------------------------------------------------------------------

def _opened(browser: Browser, url: str, body: str | None = None) -> list[str]:
    """Every request made while the page at ``url`` opens (and ``body`` in place of its HTML)."""
    page = browser.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    try:
        if body is not None:
            page.route(url, lambda route: route.fulfill(status=200, content_type="text/html; charset=utf-8",
                                                        body=body))
        page.goto(url)
        page.wait_for_load_state("networkidle")
    finally:
        page.close()
    assert requests and requests[0] == url
    return requests


@pytest.mark.parametrize("path", ["", "en/werkzeuge/zukunftswerkstatt/"])
def test_feed_link_makes_no_request_on_page_open(site_url: str, built_site: Path, browser: Browser, path: str) -> None:
    requests = _opened(browser, site_url + path)
    assert not [u for u in requests if u.endswith(("sitemap.xml", "feed.xml"))], requests
    # The same page with the feed linked as plain rel="alternate": the theme's script would fetch
    # a sitemap on every page open. This shows the request above is one the check would see.
    html = page_file(built_site, path).read_text(encoding="utf-8").replace('rel="alternate feed"', 'rel="alternate"')
    plain = _opened(browser, site_url + path, html)
    assert [u for u in plain if u.endswith("sitemap.xml")], plain
