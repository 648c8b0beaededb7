"""Durations, group sizes and costs on tool pages say where they come from."""

from __future__ import annotations

from pathlib import Path

from support.langtext import text_in
from toolkit.content.labels import label
from toolkit.content.model import KnowledgeBase
from toolkit.content.schema import ESTIMATES_BY_EDITORS


def test_every_tool_with_figures_says_where_they_come_from(kb: KnowledgeBase) -> None:
    with_figures = [t for t in kb.tools.values() if any(t.get(k) for k in ("dauer", "teilnehmende", "kosten"))]
    assert with_figures
    assert [t.slug for t in with_figures if not t.get("richtwerte")] == []


def test_fact_box_marks_the_editors_estimates_in_both_languages(built_site: Path, kb: KnowledgeBase) -> None:
    marked = [t for t in kb.tools.values() if t.get("richtwerte") == ESTIMATES_BY_EDITORS]
    assert marked
    for lang, prefix in (("de", ""), ("en", "en/")):
        marker = label(lang, "richtwerte_redaktion")
        missing = [t.slug for t in marked
                   if marker not in " ".join(text_in(built_site / prefix / "werkzeuge" / t.slug / "index.html", lang).split())]
        assert missing == [], lang
