"""The language checker: German quotation marks and unmarked foreign terms in English text are named
with their path and line, and the marked form passes."""

from __future__ import annotations

import shutil
from pathlib import Path

from support.sites import REPO
from toolkit.sources.load import load


def _docs_with(tmp_path: Path, name: str, text: str) -> Path:
    docs = tmp_path / "docs"
    shutil.copytree(REPO / "docs", docs)
    (docs / name).write_text(text, encoding="utf-8")
    return docs


def test_checker_flags_german_quotes_and_unmarked_terms_with_path_and_line(tmp_path: Path) -> None:
    text = "# A page\n\nThe board was called „Beirat“.\n\nThe Geschäftsstelle planned it.\n"
    docs = _docs_with(tmp_path, "probe.en.md", text)
    (docs / "probe.md").write_text("# Eine Seite\n", encoding="utf-8")
    _, problems = load(docs, tmp_path)
    mine = [p.format() for p in problems.warnings if "probe.en.md" in p.format()]
    assert any(m.startswith("docs/probe.en.md:3:") and "quotation mark" in m for m in mine), mine
    assert any(m.startswith("docs/probe.en.md:5:") and "Geschäftsstelle" in m for m in mine), mine


def test_checker_accepts_the_marked_form(tmp_path: Path) -> None:
    text = "# A page\n\nThe board was called “*Beirat*{lang=de}”; the *Geschäftsstelle*{lang=de} planned it.\n"
    docs = _docs_with(tmp_path, "probe.en.md", text)
    (docs / "probe.md").write_text("# Eine Seite\n", encoding="utf-8")
    _, problems = load(docs, tmp_path)
    assert [p.format() for p in problems.warnings if "probe.en.md" in p.format()] == []
