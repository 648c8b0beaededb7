"""``python -m toolkit new``: a template for a new entry named from its title in both languages, with every
field explained in the file's language, refusing to overwrite; and the committed templates are the
generated ones."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from support.sites import REPO
from toolkit.content.kinds import FIELDS as KINDS
from toolkit.content.labels import FIELD_DOCS
from toolkit.content.schema import Field
from toolkit.publish.template import templates
from toolkit.sources.problems import Problems
from toolkit.sources.vocabulary import load_vocabularies

MESSAGE = re.compile(r"^(?P<path>\S+):(?P<line>\d+): error: required field '(?P<field>\w+)' is still empty: .+$")


def toolkit(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "toolkit", *args], cwd=root, capture_output=True, text=True,
                          timeout=60)


@pytest.fixture
def base(tmp_path: Path) -> Path:
    """A small valid knowledge base (the checker's base fixture with the real vocabulary)."""
    shutil.copytree(REPO / "tests" / "fixtures" / "base", tmp_path, dirs_exist_ok=True)
    shutil.copy(REPO / "docs" / "vokabular.yml", tmp_path / "docs" / "vokabular.yml")
    return tmp_path


def still_to_fill(declared: tuple[Field, ...], *, translation: bool = False) -> list[str]:
    """The required fields an editor fills in a fresh template: groups count by their own fields."""
    names: list[str] = []
    for spec in declared:
        if not spec.required or (translation and not spec.translatable):
            continue
        if spec.type == "object":
            names += still_to_fill(spec.fields)
        elif spec.type == "list" and spec.item is not None and spec.item.type == "object":
            names += still_to_fill(spec.item.fields)
        elif spec.type == "bilingual":
            names += ["de", "en"]
        else:
            names.append(spec.name)
    return names


def messages_for(output: str, path: str) -> list[re.Match[str]]:
    lines = [line for line in output.splitlines() if line.startswith(path + ":")]
    matches = [match for line in lines if (match := MESSAGE.match(line))]
    assert len(matches) == len(lines), f"unexpected messages for {path}:\n" + "\n".join(lines)
    return matches


def test_new_tool_is_named_from_the_title_in_both_languages(base: Path) -> None:
    result = toolkit(base, "new", "werkzeug", "Bürgerhaushalt Testlauf")
    assert result.returncode == 0, result.stderr
    german = base / "docs/werkzeuge/buergerhaushalt-testlauf.md"
    english = base / "docs/werkzeuge/buergerhaushalt-testlauf.en.md"
    assert result.stdout.split() == ["created", "docs/werkzeuge/buergerhaushalt-testlauf.md",
                                     "created", "docs/werkzeuge/buergerhaushalt-testlauf.en.md"]
    text = german.read_text(encoding="utf-8")
    assert "\ntitel: Bürgerhaushalt Testlauf\n" in text
    assert text.splitlines()[:2] == ["---", "# yaml-language-server: $schema=../../schema/werkzeug.schema.json"]
    assert english.read_text(encoding="utf-8").splitlines()[1] == \
        "# yaml-language-server: $schema=../../schema/werkzeug.en.schema.json"


@pytest.mark.parametrize("kind", ["werkzeug", "modellvorhaben"])
def test_every_field_is_present_and_explained(base: Path, kind: str) -> None:
    assert toolkit(base, "new", kind, "Neuer Eintrag").returncode == 0
    vocab = load_vocabularies(base / "docs", base, Problems())
    folder = {"werkzeug": "werkzeuge", "modellvorhaben": "modellvorhaben"}[kind]
    for suffix, declared in ((".md", KINDS[kind]), (".en.md", [f for f in KINDS[kind] if f.translatable])):
        lines = (base / f"docs/{folder}/neuer-eintrag{suffix}").read_text(encoding="utf-8").splitlines()
        present = [m[1] for line in lines if (m := re.match(r"(\w+):", line))]
        assert present == [spec.name for spec in declared]
        for spec in declared:
            at = next(i for i, line in enumerate(lines) if line.startswith(f"{spec.name}:"))
            comment: list[str] = []
            while lines[at - 1 - len(comment)].startswith("# "):
                comment.append(lines[at - 1 - len(comment)])
            explained = " ".join(reversed(comment))
            doc = FIELD_DOCS["de"][spec.doc] if suffix == ".md" else spec.doc  # the German file speaks German
            assert doc.lower() in explained.lower(), f"{spec.name}: {explained!r}"
            vocabulary = spec.vocab or (spec.item.vocab if spec.item else None)
            if vocabulary:
                assert all(key in explained for key in vocab[vocabulary].values), f"{spec.name}: {explained!r}"


def test_allowed_keys_are_listed_from_the_vocabulary(base: Path) -> None:
    toolkit(base, "new", "werkzeug", "Neu")
    text = (base / "docs/werkzeuge/neu.md").read_text(encoding="utf-8")
    comment = text.split("\nmodus:")[0].splitlines()[-1]
    assert comment == "# Analog, digital oder hybrid. Pflicht; einer von: analog, digital, hybrid."
    english = (base / "docs/werkzeuge/neu.en.md").read_text(encoding="utf-8")
    assert english.split("\ndauer:")[0].splitlines()[-1] == "# How long it takes, in words. Required; text."


@pytest.mark.parametrize("kind", ["werkzeug", "modellvorhaben"])
def test_check_names_each_required_field_of_a_fresh_template_once(base: Path, kind: str) -> None:
    assert toolkit(base, "new", kind, "Bürgerhaushalt Testlauf").returncode == 0
    result = toolkit(base, "check")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    folder = {"werkzeug": "werkzeuge", "modellvorhaben": "modellvorhaben"}[kind]
    german = messages_for(result.stdout, f"docs/{folder}/buergerhaushalt-testlauf.md")
    english = [line for line in result.stdout.splitlines()
               if line.startswith(f"docs/{folder}/buergerhaushalt-testlauf.en.md:")]
    expected = [name for name in still_to_fill(KINDS[kind]) if name != "titel"]  # the title came with the command
    assert Counter(m["field"] for m in german) == Counter(expected)
    # The English stub is a translation still missing: one warning naming what is left to translate.
    assert len(english) == 1 and ": warning: is not translated yet: " in english[0], english
    named = re.findall(r"'(\w+)'", english[0].split(" still empty")[0])
    assert named == still_to_fill(KINDS[kind], translation=True)
    # Each message points at the field's own line, where the editor types the value.
    text = (base / f"docs/{folder}/buergerhaushalt-testlauf.md").read_text(encoding="utf-8").splitlines()
    for match in german:
        assert re.match(rf"\s*(- )?{match['field']}:( \[\])?$", text[int(match["line"]) - 1]), match.group(0)
    # Nothing else is reported: the rest of the knowledge base is untouched.
    assert len(result.stdout.splitlines()) == len(german) + len(english)


def test_check_names_each_field_of_a_fresh_glossary_term(base: Path) -> None:
    before = (base / "docs/glossar.yml").read_text(encoding="utf-8")
    assert toolkit(base, "new", "begriff", "Bürgerhaushalt").returncode == 0
    after = (base / "docs/glossar.yml").read_text(encoding="utf-8")
    assert after.startswith(before), "the terms already there must stay exactly as they were"
    assert "\nbuergerhaushalt:\n" in after
    # The comments speak the editors' language, as in the Markdown templates.
    added = after[len(before):]
    assert "# Was er bedeutet, auf Deutsch und Englisch. Pflicht;" in added, added
    result = toolkit(base, "check")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    lines = result.stdout.splitlines()
    # The German term came with the command: the German definition is to fill (an error); the
    # English term is a translation still missing (a warning); the English definition waits
    # for the German one.
    assert [m["field"] for m in messages_for("\n".join(line for line in lines if ": error: " in line), "docs/glossar.yml")] \
        == ["de"]
    assert [line.split(": warning: ")[1].split()[0] for line in lines if ": warning: " in line] == ["'begriff'"]
    assert len(lines) == 2


@pytest.mark.parametrize("kind,title,existing", [
    ("werkzeug", "Beispiel", "docs/werkzeuge/beispiel.md"),
    ("modellvorhaben", "Verbund", "docs/modellvorhaben/verbund.md"),
    ("begriff", "Kleinstadt", "docs/glossar.yml"),
])
def test_refuses_to_overwrite_an_existing_entry(base: Path, kind: str, title: str, existing: str) -> None:
    before = (base / existing).read_bytes()
    result = toolkit(base, "new", kind, title)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.startswith(f"error: {existing} already ")
    assert "Traceback" not in result.stderr
    assert (base / existing).read_bytes() == before


def test_refuses_when_only_the_translation_exists(base: Path) -> None:
    (base / "docs/werkzeuge/beispiel.md").unlink()
    result = toolkit(base, "new", "werkzeug", "Beispiel")
    assert result.returncode == 1
    assert "docs/werkzeuge/beispiel.en.md already exists" in result.stderr
    assert not (base / "docs/werkzeuge/beispiel.md").exists()


def test_a_title_without_letters_is_refused(base: Path) -> None:
    result = toolkit(base, "new", "werkzeug", "?!")
    assert result.returncode == 1 and "no letters or digits" in result.stderr


def test_committed_templates_equal_freshly_generated_ones() -> None:
    """vorlagen/ is what an editor copies in GitHub's web editor; it follows the content model."""
    vocab = load_vocabularies(REPO / "docs", REPO, Problems())
    committed = {p.name: p.read_text(encoding="utf-8") for p in (REPO / "vorlagen").iterdir()}
    assert committed == templates(vocab=vocab), "vorlagen/ is out of date: run 'make schema' and commit the result"
