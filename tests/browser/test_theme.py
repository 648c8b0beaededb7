"""The theme as a visitor meets it: a tool card on paper, the skip link, the page's security policy,
and the footer's links in the reader's language.

The printed card is checked twice: Chromium's own PDF (A4, as a visitor's "print" makes it) must
have at most two pages, and under print media the page must show the card and its address and
hide everything that only works on a screen.
"""

from __future__ import annotations

import re

import pytest

TOOL = "werkzeuge/zukunftswerkstatt/"
LANGS = {"de": "", "en": "en/"}
PUBLIC_ROOT = "https://kleinstadtakademie.github.io/wissensbasis/"
# What only works on a screen and must not reach paper.
SCREEN_ONLY = [".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer",
               ".md-select", "[data-kb-search]", "[data-md-component=palette]", ".md-skip"]
# What the handout is made of.
HANDOUT = ["h1", ".kb-summary", ".kb-steckbrief", "ol.kb-steps", ".kb-body"]


def _pdf_pages(pdf: bytes) -> int:
    # Chromium writes one uncompressed page dictionary per page.
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))


@pytest.mark.parametrize("lang", LANGS)
def test_tool_card_prints_on_at_most_two_a4_pages(browser, site_url: str, lang: str) -> None:
    for scheme in ("light", "dark"):  # paper gets the light colours in either scheme
        page = browser.new_page(color_scheme=scheme)
        page.goto(site_url + LANGS[lang] + TOOL)
        pdf = page.pdf(format="A4", prefer_css_page_size=True)
        page.close()
        assert 1 <= _pdf_pages(pdf) <= 2, f"{lang}/{scheme}: the printed card has {_pdf_pages(pdf)} pages"


@pytest.mark.parametrize("lang", LANGS)
def test_printed_card_shows_the_card_and_its_address_without_screen_furniture(
        browser, site_url: str, lang: str) -> None:
    page = browser.new_page()
    page.goto(site_url + LANGS[lang] + TOOL)
    page.emulate_media(media="print")
    try:
        for selector in SCREEN_ONLY:
            for element in page.locator(selector).all():
                assert not element.is_visible(), f"{selector} is printed"
        for selector in HANDOUT:
            assert page.locator(f".md-content {selector}").first.is_visible(), f"{selector} is missing on paper"
        source = page.locator(".kb-print-source")
        assert source.is_visible()
        assert PUBLIC_ROOT + LANGS[lang] + TOOL in source.inner_text()
    finally:
        page.close()
    # ... and on screen the address line is not shown twice.
    page = browser.new_page()
    page.goto(site_url + LANGS[lang] + TOOL)
    assert not page.locator(".kb-print-source").is_visible()
    page.close()


@pytest.mark.parametrize("width", [375, 1280])
def test_skip_link_is_the_first_tab_stop_and_leads_into_the_content(browser, site_url: str, width: int) -> None:
    page = browser.new_page(viewport={"width": width, "height": 800})
    page.goto(site_url + TOOL)
    page.keyboard.press("Tab")
    skip = page.locator(".md-skip")
    assert page.evaluate("document.activeElement.classList.contains('md-skip')")
    assert skip.is_visible() and skip.bounding_box()["width"] > 0
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    landed = page.evaluate("!!document.activeElement.closest('article.md-content__inner')")
    page.close()
    assert landed, "after the skip link the next Tab stop is not in the page's content"


@pytest.mark.parametrize("path", ["", "werkzeuge/", TOOL, "glossar/", "en/themen/wohnen/"])
def test_pages_run_under_their_security_policy_without_a_violation(browser, site_url: str, path: str) -> None:
    page = browser.new_page()
    violations: list[str] = []
    page.on("console", lambda message: violations.append(message.text)
            if "Content Security Policy" in message.text else None)
    page.goto(site_url + path)
    page.wait_for_load_state("networkidle")
    policy = page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content")
    # The colour scheme toggle runs on the scripts that replaced Material's inline ones.
    before = page.evaluate("document.body.dataset.mdColorScheme")
    page.locator("[data-md-component=palette] label:visible").first.click()
    after = page.evaluate("document.body.dataset.mdColorScheme")
    page.reload()
    remembered = page.evaluate("document.body.dataset.mdColorScheme")
    page.close()
    assert "default-src 'self'" in policy
    assert violations == []
    assert before != after == remembered
