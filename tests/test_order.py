"""Lists of entries follow one rule in each language: by title in the reader's language."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from toolkit.content.model import KnowledgeBase
from toolkit.content.order import sort_key


def listed_titles(page: Path) -> list[str]:
    """The link texts of the first entry list on a page (the topic page's tools)."""
    html = page.read_text(encoding="utf-8")
    first = re.search(r'<ul class="kb-list">(.*?)</ul>', html, flags=re.S)
    assert first, page
    return [re.sub(r"<[^>]+>", "", a).strip() for a in re.findall(r"<a [^>]*>(.*?)</a>", first.group(1), flags=re.S)]


@pytest.mark.parametrize("lang, prefix", [("de", ""), ("en", "en/")])
def test_topic_pages_list_tools_in_title_order(built_site: Path, kb: KnowledgeBase, lang: str, prefix: str) -> None:
    import html

    checked = 0
    for topic in kb.vocab["themen"].values:
        tools = [t for t in kb.tools.values() if topic in t.get("themen", [])]
        if len(tools) < 2:
            continue
        shown = [html.unescape(t) for t in listed_titles(built_site / prefix / "themen" / topic / "index.html")]
        expected = [t.title(lang) for t in sorted(tools, key=lambda t: (sort_key(t.title(lang)), t.slug))]
        assert shown == expected, (lang, topic)
        checked += 1
    assert checked


def test_the_rule_puts_umlauts_beside_their_base_letter() -> None:
    words = ["Zukunft", "Ärger", "Bürger", "Apfel", "bar"]
    assert sorted(words, key=sort_key) == ["Apfel", "Ärger", "bar", "Bürger", "Zukunft"]




@pytest.mark.parametrize("lang, prefix", [("de", ""), ("en", "en/")])
def test_glossary_lists_where_a_term_is_used_in_title_order(built_site: Path, lang: str, prefix: str) -> None:
    import html

    page = (built_site / prefix / "glossar" / "index.html").read_text(encoding="utf-8")
    lists = re.findall(r'<p class="kb-used"[^>]*>(.*?)</p>', page, flags=re.S)
    assert lists
    for found in lists:
        titles = [html.unescape(re.sub(r"<[^>]+>", "", a)) for a in re.findall(r"<a [^>]*>(.*?)</a>", found, flags=re.S)]
        assert titles == sorted(titles, key=sort_key), (lang, titles)
