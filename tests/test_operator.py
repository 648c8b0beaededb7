"""The operator's facts (docs/betreiber.yml) and the publication gate, through the real check and
the real build.

While a fact is empty: one warning per fact in 'make check' (exit 0), an error per fact in
'check --publication' (exit 1), a marked placeholder on the pages in both languages, no edit
link. With every fact filled in a copy: every page that names a fact shows it, no placeholder
is left, and every page's edit links lead into the repository named in the file.
"""

from __future__ import annotations

import html
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import REPO, build, copy_project
from htmlscan import page_file, parse
from support.tree import text_of, tree, with_class
from toolkit.sources.operator_facts import FACTS, MARKER, NAMES, UNSET

OPERATOR = REPO / "docs" / "betreiber.yml"
LANGS = {"de": "", "en": "en/"}
# The pages that must show the operator's facts (German source; the English one is beside it).
LEGAL_PAGES = ("impressum.md", "datenschutz.md", "barrierefreiheit.md")


def check(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "toolkit", "check", *args], cwd=root,
                          capture_output=True, text=True, timeout=120)


def shipped() -> dict[str, Any]:
    return yaml.safe_load(OPERATOR.read_text(encoding="utf-8")) or {}


def value_of(data: dict[str, Any], name: str) -> Any:
    value: Any = data
    for part in name.split("."):
        value = (value or {}).get(part)
    return value


def key_line(text: str, name: str) -> int:
    """The line of a dotted key in a YAML file of nested mappings, read from the text itself."""
    start, indent = 0, ""
    lines = text.split("\n")
    for part in name.split("."):
        for number in range(start, len(lines)):
            if lines[number].startswith(f"{indent}{part}:"):
                start, indent = number + 1, indent + "  "
                break
        else:
            raise AssertionError(f"{name} not in the file")
    return start


def unset_facts(data: dict[str, Any]) -> list[str]:
    return [name for name, spec in FACTS.items() if spec.publication and value_of(data, name) in (None, "")]


def filled_values() -> dict[str, str]:
    """A made-up value for every fact, recognisable on the pages; e-mail and web addresses valid."""
    values = {}
    for name, spec in FACTS.items():
        word = name.replace(".", "-").replace("_", "-")
        if spec.type == "email":
            values[name] = f"{word}@beispiel.example"
        elif spec.type == "url":
            values[name] = f"https://{word}.beispiel.example/"
        elif spec.type == "choice":
            values[name] = spec.choices[0]
        elif name.startswith("repository."):
            values[name] = {"repository.besitzer": "beispiel-org", "repository.name": "wissen.basis",
                            "repository.zweig": "veroeffentlicht"}[name]
        else:
            values[name] = f"Wert für {word} & Co."
    return values


def fill(docs: Path, values: dict[str, str]) -> None:
    data: dict[str, Any] = {}
    for name, value in values.items():
        *parents, last = name.split(".")
        node = data
        for part in parents:
            node = node.setdefault(part, {})
        node[last] = value
    (docs / "betreiber.yml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def markers(path: Path) -> set[str]:
    return set(MARKER.findall(path.read_text(encoding="utf-8")))


def visible_text(path: Path) -> str:
    return " ".join(" ".join(tree(path).itertext()).split())


# -- make check and the publication gate -----------------------------------------------------------

@pytest.fixture(scope="module")
def unset_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_project(tmp_path_factory.mktemp("unset"))


def test_check_warns_once_per_unset_fact_and_passes(unset_project: Path) -> None:
    result = check(unset_project)
    assert result.returncode == 0, result.stdout + result.stderr
    text = OPERATOR.read_text(encoding="utf-8")
    expected = sorted(f"docs/betreiber.yml:{key_line(text, name)}: warning: operator fact '{name}'"
                      for name in unset_facts(shipped()))
    assert expected, "the shipped file has no unset fact: this test would pass on nothing"
    found = sorted(line.split(" is still empty")[0] for line in result.stdout.splitlines()
                   if line.startswith("docs/betreiber.yml:"))
    assert found == expected
    for line in result.stdout.splitlines():
        if line.startswith("docs/betreiber.yml:"):
            assert "enter " in line, f"says what to enter: {line}"


def test_publication_check_fails_with_the_same_list_as_errors(unset_project: Path) -> None:
    warned = check(unset_project).stdout
    result = check(unset_project, "--publication")
    assert result.returncode == 1
    gate = [line for line in warned.splitlines() if line.startswith("docs/betreiber.yml:")]
    assert [line.replace(": warning: ", ": error: ") for line in gate] == \
        [line for line in result.stdout.splitlines() if line.startswith("docs/betreiber.yml:")]


def test_publication_check_passes_once_every_fact_is_set(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    fill(project / "docs", filled_values())
    result = check(project, "--publication")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "betreiber.yml" not in result.stdout


def test_publication_check_fails_without_the_file(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    (project / "docs" / "betreiber.yml").unlink()
    for page in (project / "docs").rglob("*.md"):  # pages that name facts need the file
        page.write_text(MARKER.sub("x", page.read_text(encoding="utf-8")), encoding="utf-8")
    assert check(project).returncode == 0
    result = check(project, "--publication")
    assert result.returncode == 1
    assert result.stdout.startswith("docs/betreiber.yml: error: is missing")


def test_the_workflow_gates_the_deployment_before_building() -> None:
    workflow = yaml.safe_load((REPO / ".github/workflows/veroeffentlichen.yml").read_text(encoding="utf-8"))
    runs = [step.get("run", "") for step in workflow["jobs"]["bauen"]["steps"]]
    assert "make check-publication" in runs
    assert runs.index("make check-publication") < runs.index("make build")
    assert workflow["jobs"]["veroeffentlichen"]["needs"] == "bauen", "nothing is deployed when the gate fails"
    pull_requests = yaml.safe_load((REPO / ".github/workflows/pruefen.yml").read_text(encoding="utf-8"))
    assert not any("--publication" in step.get("run", "") or "check-publication" in step.get("run", "")
                   for job in pull_requests["jobs"].values() for step in job["steps"])
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^check-publication:.*\n\t.*toolkit check --publication", makefile, re.M)


def test_every_fact_has_a_german_comment_and_a_placeholder_name() -> None:
    lines = OPERATOR.read_text(encoding="utf-8").split("\n")
    for name in FACTS:
        number = key_line("\n".join(lines), name)
        assert lines[number - 2].strip().startswith("# "), f"{name}: no comment on the line above"
        assert name in NAMES, f"{name}: no words for its placeholder"


# -- the pages -------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def unset_site(unset_project: Path) -> Path:
    result = build(unset_project)
    assert result.returncode == 0, result.stdout + result.stderr
    return unset_project / "site"


@pytest.mark.parametrize("lang", LANGS)
def test_unset_facts_show_a_marked_placeholder_in_the_pages_language(unset_site: Path, lang: str) -> None:
    for source in LEGAL_PAGES:
        page = page_file(unset_site, LANGS[lang] + source.removesuffix(".md") + "/")
        marks = [text_of(mark) for mark in with_class(tree(page), "mark", "kb-unset")]
        assert all(m.startswith("[") and m.endswith("]") for m in marks), marks
        placeholders = [m[1:-1] for m in marks]
        assert placeholders, source
        assert all(p.startswith(UNSET[lang] + ": ") for p in placeholders), placeholders
        assert "betreiber." not in visible_text(page), f"{source}: a marker is left"
    (licence,) = with_class(tree(page_file(unset_site, LANGS[lang])), "p", "kb-licence")
    in_footer = [text_of(mark) for mark in with_class(licence, "mark", "kb-unset")]
    assert in_footer and in_footer[0].startswith(f"[{UNSET[lang]}: ")


def test_no_edit_link_while_the_repository_is_unset(unset_site: Path) -> None:
    for path in unset_site.rglob("*.html"):
        page = parse(path)
        assert not [link for link in page.links() if "edit" in link.attrs.get("rel", "").split()], path
        assert "PLACEHOLDER" not in path.read_text(encoding="utf-8"), path


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    project = copy_project(tmp_path_factory.mktemp("filled"))
    values = filled_values()
    fill(project / "docs", values)
    result = build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    return project, values


def test_filled_facts_appear_on_every_page_that_names_them(filled: tuple[Path, dict[str, str]]) -> None:
    project, values = filled
    site = project / "site"
    sources = [p for p in (project / "docs").rglob("*.md") if markers(p)]
    assert {f"docs/{p}" for p in LEGAL_PAGES} | {f"docs/{p.replace('.md', '.en.md')}" for p in LEGAL_PAGES} <= \
        {p.relative_to(project).as_posix() for p in sources}
    repository = f"https://github.com/{values['repository.besitzer']}/{values['repository.name']}"
    for source in sources:
        rel = source.relative_to(project / "docs").as_posix()
        url = ("en/" + rel.removesuffix(".en.md") if rel.endswith(".en.md") else rel.removesuffix(".md")) + "/"
        page = page_file(site, url.replace("index/", ""))
        text = visible_text(page)
        for name in markers(source):
            if name == "repository":
                assert repository in text, (url, name)
            elif name == "rechtsgrundlage":
                assert ("Art. 6 Abs. 1 Buchst. e" if "en/" not in url else "Article 6(1)(e)") in text, url
            else:
                assert values[name] in text, (url, name)
        assert "kb-unset" not in page.read_text(encoding="utf-8"), url


def test_filled_site_has_no_placeholder_anywhere(filled: tuple[Path, dict[str, str]]) -> None:
    project, values = filled
    for path in (project / "site").rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert "kb-unset" not in text and "noch nicht eingetragen" not in text, path
    for lang, prefix in LANGS.items():
        footer = page_file(project / "site", prefix).read_text(encoding="utf-8").split('class="kb-licence"')[1]
        assert html.escape(values["name"]) in footer, lang


def test_contact_addresses_are_links(filled: tuple[Path, dict[str, str]]) -> None:
    project, values = filled
    page = parse(page_file(project / "site", "barrierefreiheit/"))
    hrefs = {link.attrs["href"] for link in page.links()}
    assert f"mailto:{values['barrierefreiheit.e_mail']}" in hrefs
    assert values["schlichtungsstelle.url"] in hrefs


def test_optional_facts_left_empty_leave_their_line_out(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    values = {n: v for n, v in filled_values().items() if FACTS[n].publication}
    fill(project / "docs", values)
    result = build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    impressum = visible_text(page_file(project / "site", "impressum/"))
    assert "Registereintrag" not in impressum and "Umsatzsteuer" not in impressum
    assert "kb-unset" not in page_file(project / "site", "datenschutz/").read_text(encoding="utf-8")


def test_every_page_has_edit_links_into_the_named_repository(filled: tuple[Path, dict[str, str]]) -> None:
    project, values = filled
    site = project / "site"
    base = (f"https://github.com/{values['repository.besitzer']}/{values['repository.name']}/edit/"
            f"{values['repository.zweig']}/")
    checked = 0
    for path in site.rglob("index.html"):
        if 'http-equiv="refresh"' in path.read_text(encoding="utf-8"):
            continue
        url = path.parent.relative_to(site).as_posix() + "/"
        if url == "admin/":
            continue  # the browser editor: the CMS's own page, made from no source file
        hrefs = {link.attrs["href"] for link in parse(path).links() if "edit" in link.attrs.get("rel", "").split()}
        assert hrefs, f"{url}: no edit link"
        for href in hrefs:
            assert href.startswith(base), href
            source = href[len(base):]
            assert (project / source).is_file(), f"{url}: {source}"
            if url.startswith("en/") and source.endswith(".md") and not source.endswith(".en.md"):
                assert not (project / source.replace(".md", ".en.md")).exists(), f"{url}: German file, English exists"
        checked += 1
    assert checked > 50


def test_pages_that_show_facts_lead_to_their_file_for_editing(filled: tuple[Path, dict[str, str]]) -> None:
    project, _ = filled
    sources = {p.relative_to(project).as_posix() for p in (project / "docs").rglob("*.md") if markers(p)}
    for path in (project / "site").rglob("index.html"):
        edit = [link.attrs["href"] for link in parse(path).links() if "edit" in link.attrs.get("rel", "").split()]
        if not edit or 'http-equiv="refresh"' in path.read_text(encoding="utf-8"):
            continue
        own = edit[0].split("/edit/veroeffentlicht/", 1)[1]
        names_facts = any(href.endswith("/docs/betreiber.yml") for href in edit)
        assert names_facts == (own in sources), path


def test_a_marker_that_names_no_fact_is_an_error_with_its_line(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    page = project / "docs" / "impressum.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text + "\nFax: {{ betreiber.telefax }}\n", encoding="utf-8")
    result = check(project)
    assert result.returncode == 1
    line = text.count("\n") + 2
    assert f"docs/impressum.md:{line}: error: '{{{{ betreiber.telefax }}}}' names no operator fact" in result.stdout
    assert "did you mean 'telefon'" in result.stdout

