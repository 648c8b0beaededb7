"""The operator's facts (docs/betreiber.yml) and the publication gate, through the real check and
the real build.

While a fact is empty: one warning per fact in 'make check' (exit 0), an error per fact in
'check --publication' (exit 1), a marked placeholder on the pages in both languages, no edit
link. With every fact filled in a copy: every page that names a fact shows it, no placeholder
is left, and every page's edit links lead into the repository named in the file.
"""

from __future__ import annotations

import html
from pathlib import Path

import pytest

from support.htmlscan import page_file, parse
from support.operator_facts import fill, filled_values
from support.sites import build, copy_project
from support.tree import text_of, tree, with_class
from toolkit.sources.operator_facts import FACTS, MARKER, UNSET

LANGS = {"de": "", "en": "en/"}
# The pages that must show the operator's facts (German source; the English one is beside it).
LEGAL_PAGES = ("impressum.md", "datenschutz.md", "barrierefreiheit.md")


def markers(path: Path) -> set[str]:
    return set(MARKER.findall(path.read_text(encoding="utf-8")))


def visible_text(path: Path) -> str:
    return " ".join(" ".join(tree(path).itertext()).split())


# -- make check and the publication gate -----------------------------------------------------------

@pytest.fixture(scope="module")
def unset_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_project(tmp_path_factory.mktemp("unset"))


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

