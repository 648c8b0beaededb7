"""The benchmark corpus: a tiny one passes the checker and builds, every entry in both languages."""

from __future__ import annotations

import filecmp
import html
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from support.sites import REPO, build

SIZE = ["--tools", "20", "--projects", "5", "--terms", "20", "--events", "30", "--media", "10"]


def corpus(dest: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(REPO / "bench" / "corpus.py"), *SIZE, *extra, str(dest)],
                          cwd=REPO, capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dest = tmp_path_factory.mktemp("corpus") / "site-project"
    result = corpus(dest)
    assert result.returncode == 0, result.stderr
    # Every vocabulary value is used: the command names any it could not fit in.
    assert "unused" not in result.stderr, result.stderr
    return dest


def entries(project: Path) -> list[tuple[str, str, dict[str, str]]]:
    """(folder, slug, {lang: title}) of every synthetic entry."""
    found = []
    for folder in ("werkzeuge", "modellvorhaben", "veranstaltungen", "medien"):
        for path in sorted((project / "docs" / folder).glob("*.md")):
            if path.name.startswith("index.") or path.name.endswith(".en.md"):
                continue
            german = _front_matter(path)["titel"]
            # A medium's title is never translated: its English page shows the German one.
            titles = {"de": german, "en": _front_matter(path.with_name(path.name[:-3] + ".en.md")).get("titel", german)}
            found.append((folder, path.name[:-3], titles))
    return found


def _front_matter(path: Path) -> dict[str, str]:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])


def test_tiny_corpus_has_the_asked_entries(tiny: Path) -> None:
    found = entries(tiny)
    assert sum(folder == "werkzeuge" for folder, _, _ in found) == 20
    assert sum(folder == "modellvorhaben" for folder, _, _ in found) == 5
    assert sum(folder == "veranstaltungen" for folder, _, _ in found) == int(SIZE[SIZE.index("--events") + 1])
    assert sum(folder == "medien" for folder, _, _ in found) == int(SIZE[SIZE.index("--media") + 1])
    assert len(yaml.safe_load((tiny / "docs" / "glossar.yml").read_text(encoding="utf-8"))) == int(SIZE[SIZE.index("--terms") + 1])


def test_tiny_corpus_passes_the_checker(tiny: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "toolkit", "check"], cwd=tiny,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 errors," in result.stderr
    # The only warnings: the operator's facts the project itself has not entered yet.
    assert all(line.startswith("docs/betreiber.yml:") for line in result.stdout.splitlines()), result.stdout


def test_tiny_corpus_builds_with_every_entry_in_both_languages(tiny: Path) -> None:
    result = build(tiny)
    assert result.returncode == 0, result.stdout + result.stderr
    site = tiny / "site"
    for folder, slug, titles in entries(tiny):
        for prefix, lang in (("", "de"), ("en/", "en")):
            page = site / prefix / folder / slug / "index.html"
            assert page.is_file(), f"{prefix}{folder}/{slug}/ was not built"
            assert titles[lang] in html.unescape(page.read_text(encoding="utf-8")), page


def test_same_arguments_give_the_same_files(tiny: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    assert corpus(again).returncode == 0
    for folder in ("docs", "docs/werkzeuge", "docs/modellvorhaben", "docs/veranstaltungen"):
        _match, mismatch, errors = filecmp.cmpfiles(tiny / folder, again / folder,
                                                   [p.name for p in (again / folder).iterdir() if p.is_file()],
                                                   shallow=False)
        assert not mismatch and not errors, (mismatch, errors)


def test_corpus_refuses_to_overwrite_a_folder_it_did_not_write(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("keep me", encoding="utf-8")
    result = corpus(tmp_path)
    assert result.returncode == 1
    assert "not empty" in result.stderr
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "keep me"


def test_too_few_terms_for_the_hand_written_pages_are_refused_before_anything_is_written(tmp_path: Path) -> None:
    # The hand-written pages (docs/*.md) link to glossary terms by slug; a corpus with fewer terms
    # would leave those links dangling.
    linked = {slug for page in (REPO / "docs").glob("*.md")
              for slug in re.findall(r"glossar\.md#([a-z0-9-]+)", page.read_text(encoding="utf-8"))}
    assert len(linked) > 1
    dest = tmp_path / "few"
    result = corpus(dest, "--terms", "1")
    assert result.returncode == 1
    assert "--terms" in result.stderr, result.stderr
    assert not dest.exists()
