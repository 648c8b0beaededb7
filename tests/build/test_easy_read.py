"""The Leichte Sprache page and its English Easy Read page keep the rules they are written by."""

from __future__ import annotations

from pathlib import Path

from support.langtext import pieces_in
from support.tree import tree


def _text(site: Path, lang: str) -> str:
    """The page's own text, without the site's header, navigation and footer."""
    (article,) = tree(site / ("en/" if lang == "en" else "") / "leichte-sprache" / "index.html").iter("article")
    return " ".join(" ".join(t for _, t in pieces_in(article)).split())


def test_no_questions_in_running_text(built_site: Path) -> None:
    (article,) = tree(built_site / "leichte-sprache" / "index.html").iter("article")
    paragraphs = [element.text_content() for element in article.iter("p", "li", "dd")]
    assert paragraphs and not [p for p in paragraphs if "?" in p]


def test_both_say_no_test_group_has_checked_them_and_how_to_give_feedback(built_site: Path) -> None:
    german, english = _text(built_site, "de"), _text(built_site, "en")
    assert "Prüf·gruppe hat den Text noch nicht gelesen" in german and "E-Mail" in german
    assert "test group has not read this text yet" in english and "e-mail" in english
