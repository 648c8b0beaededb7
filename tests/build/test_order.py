"""Lists of entries follow one rule in each language: by title in the reader's language."""

from __future__ import annotations

from pathlib import Path

import pytest

from support.tree import text_of, tree, with_class
from toolkit.content.model import KnowledgeBase
from toolkit.content.order import sort_key


def listed_titles(page: Path) -> list[str]:
    """The link texts of the first entry list on a page (the topic page's tools)."""
    lists = with_class(tree(page), "ul", "kb-list")
    assert lists, page
    return [text_of(a) for a in lists[0].iter("a")]


@pytest.mark.parametrize("lang, prefix", [("de", ""), ("en", "en/")])
def test_topic_pages_list_tools_in_title_order(built_site: Path, kb: KnowledgeBase, lang: str, prefix: str) -> None:
    checked = 0
    for topic in kb.vocab["themen"].values:
        tools = [t for t in kb.tools.values() if topic in t.get("themen", [])]
        if len(tools) < 2:
            continue
        shown = listed_titles(built_site / prefix / "themen" / topic / "index.html")
        expected = [t.title(lang) for t in sorted(tools, key=lambda t: (sort_key(t.title(lang)), t.slug))]
        assert shown == expected, (lang, topic)
        checked += 1
    assert checked




@pytest.mark.parametrize("lang, prefix", [("de", ""), ("en", "en/")])
def test_glossary_lists_where_a_term_is_used_in_title_order(built_site: Path, lang: str, prefix: str) -> None:
    lists = with_class(tree(built_site / prefix / "glossar" / "index.html"), "p", "kb-used")
    assert lists
    for found in lists:
        titles = [str(a.text_content()) for a in found.iter("a")]
        assert titles == sorted(titles, key=sort_key), (lang, titles)
