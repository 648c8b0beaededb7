"""The preview's knowledge base: what `make serve` renders while a source has errors."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from support.sites import REPO
from toolkit.site.facade import Site


def base(tmp_path: Path) -> Path:
    shutil.copytree(REPO / "tests" / "fixtures" / "base", tmp_path, dirs_exist_ok=True)
    shutil.copy(REPO / "docs" / "vokabular.yml", tmp_path / "docs" / "vokabular.yml")
    return tmp_path


def test_a_broken_entry_shows_its_problems_and_the_rest_renders(tmp_path: Path) -> None:
    root = base(tmp_path)
    source = root / "docs" / "werkzeuge" / "zweites.md"
    text = source.read_text(encoding="utf-8")
    source.write_text(text.replace("themen: [", "themen: [gibt-es-nicht, ", 1), encoding="utf-8")
    line = next(i for i, row in enumerate(text.splitlines(), 1) if row.startswith("themen:"))

    site = Site.load(root / "docs", root, preview=True)
    problem = f"docs/werkzeuge/zweites.md:{line}"
    assert [p.format().split(": error")[0] for p in site.problems.errors] == [problem]
    for lang, page in (("de", "werkzeuge/zweites.md"), ("en", "werkzeuge/zweites.en.md")):
        broken = site.page_source(page, lang, "")
        assert broken is not None and any(problem in block for block in broken.blocks)
        title = re.search(r"^titel: (.+)$", text, re.M)
        assert title
        assert broken.markdown.startswith(f"# {title[1]}\n")
        assert problem in site.banner_html(lang)
    # The other tool renders, and no longer names the broken one as related.
    other = site.page_source("werkzeuge/beispiel.md", "de", "")
    assert other is not None and "Beispielwerkstatt" in other.markdown
    assert "zweites" not in site.index.related.get("beispiel", [])
    assert "zweites" not in site.kb.tools

    # A published build never gets a preview: the same sources there give no banner.
    assert Site.load(root / "docs", root).banner_html("de") == ""


def test_no_banner_without_errors(tmp_path: Path) -> None:
    root = base(tmp_path)
    (root / "docs" / "werkzeuge" / "zweites.en.md").unlink()  # a warning only
    site = Site.load(root / "docs", root, preview=True)
    assert site.problems.warnings and not site.problems.errors
    assert site.banner_html("de") == ""
