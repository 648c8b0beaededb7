"""Media and literature: citations that reference managers read, and the links between media and
the tools and projects that cite them, on the real site in both languages.

The BibTeX and RIS files are read with independent parsers (bibtexparser, rispy), as a reference
manager would read them; expected values come from the sources.
"""

from __future__ import annotations

from support.media_records import media
from toolkit.content.model import KnowledgeBase
from toolkit.render import citation

LANGS = {"de": "", "en": "en/"}


def test_the_copy_button_puts_the_reference_on_the_clipboard(browser, kb: KnowledgeBase, site_url: str) -> None:
    slug = sorted(media(kb))[0]
    context = browser.new_context(viewport={"width": 375, "height": 800})
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    try:
        for lang, prefix in LANGS.items():
            page = context.new_page()
            page.goto(f"{site_url}{prefix}medien/{slug}/")
            button = page.locator("button.kb-copy")
            button.click()
            status = page.locator(".kb-copy-status")
            page.wait_for_function("el => el.textContent.length > 0", arg=status.element_handle())
            assert status.inner_text() == button.get_attribute("data-done")
            copied = page.evaluate("navigator.clipboard.readText()")
            assert copied == citation.reference(kb.collection("medium")[slug], lang, kb)
            page.close()
    finally:
        context.close()


def test_without_javascript_the_reference_is_text_and_no_button_shows(browser, kb: KnowledgeBase, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        slug = sorted(media(kb))[0]
        page.goto(f"{site_url}medien/{slug}/")
        assert not page.locator("button.kb-copy").is_visible()
        assert page.locator(f"#zitat-{slug}").inner_text() == citation.reference(kb.collection("medium")[slug], "de", kb)
    finally:
        context.close()
