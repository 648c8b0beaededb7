"""The real MkDocs build with the real hooks, on a tiny knowledge base (tests/fixtures/base)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from support.csp import inline_code
from support.htmlscan import page_file, parse, resolve
from support.projects import tiny_project
from support.sites import build


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tiny_project(tmp_path_factory.mktemp("tiny"))
    result = build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr
    return project / "site"


def links_to(site: Path, url: str) -> dict[Path, str]:
    """Resolved internal link targets of a page, with their link texts."""
    page = parse(page_file(site, url))
    found = {}
    for link in page.links():
        target = resolve(site, url, link.attrs["href"])
        if target:
            found[target[0].resolve()] = link.text.strip()
    return found


@pytest.mark.parametrize("lang_prefix", ["", "en/"])
@pytest.mark.parametrize("url", ["werkzeuge/beispiel/", "werkzeuge/zweites/", "modellvorhaben/verbund/"])
def test_every_entry_has_a_page_in_both_languages(site: Path, url: str, lang_prefix: str) -> None:
    page = parse(page_file(site, lang_prefix + url))
    assert page.find("section", class_="kb-steckbrief"), "fact box missing"
    html = page_file(site, lang_prefix + url).read_text()
    assert f'lang="{lang_prefix[:2] or "de"}"' in html.split(">", 2)[1]


def test_fact_box_speaks_the_readers_language(site: Path) -> None:
    german = page_file(site, "werkzeuge/beispiel/").read_text()
    english = page_file(site, "en/werkzeuge/beispiel/").read_text()
    assert "Steckbrief" in german and "Beteiligung" in german and "5 bis 20 Personen" in german
    assert "Fact box" in english and "Participation" in english and "5 to 20 people" in english
    assert "Beispielwerkstatt" in german and "Sample workshop" in english
    assert "Steckbrief" not in english


def test_project_links_its_tools_and_tools_list_their_projects(site: Path) -> None:
    for prefix in ("", "en/"):
        tool = page_file(site, f"{prefix}werkzeuge/beispiel/").resolve()
        project = page_file(site, f"{prefix}modellvorhaben/verbund/").resolve()
        assert tool in links_to(site, f"{prefix}modellvorhaben/verbund/")
        assert project in links_to(site, f"{prefix}werkzeuge/beispiel/")
        # zweites is used by no project: its page says so instead of listing one
        assert project not in links_to(site, f"{prefix}werkzeuge/zweites/")


def test_related_tools_link_each_other(site: Path) -> None:
    assert page_file(site, "werkzeuge/zweites/").resolve() in links_to(site, "werkzeuge/beispiel/")
    assert page_file(site, "werkzeuge/beispiel/").resolve() in links_to(site, "werkzeuge/zweites/")


def test_topic_pages_list_tools_and_projects_of_the_topic(site: Path) -> None:
    for prefix in ("", "en/"):
        wohnen = links_to(site, f"{prefix}themen/wohnen/")
        for url in ("werkzeuge/beispiel/", "werkzeuge/zweites/", "modellvorhaben/verbund/"):
            assert page_file(site, prefix + url).resolve() in wohnen
        beteiligung = links_to(site, f"{prefix}themen/beteiligung/")
        assert page_file(site, prefix + "werkzeuge/zweites/").resolve() not in beteiligung
    assert "Housing" in page_file(site, "en/themen/wohnen/").read_text()


def test_glossary_anchor_and_usage_both_ways(site: Path) -> None:
    for prefix in ("", "en/"):
        glossary = page_file(site, f"{prefix}glossar/")
        assert "kleinstadt" in parse(glossary).ids()
        # the tool lists the term in its front matter and mentions it in its text
        targets = {(p, f) for p, f in (resolve(site, f"{prefix}werkzeuge/beispiel/", link.attrs["href"]) or (None, None)
                                       for link in parse(page_file(site, f"{prefix}werkzeuge/beispiel/")).links())}
        assert (glossary.resolve(), "kleinstadt") in {(p.resolve(), f) for p, f in targets if p}
        # and the term says where it is used
        assert page_file(site, f"{prefix}werkzeuge/beispiel/").resolve() in links_to(site, f"{prefix}glossar/")


def test_every_page_links_to_its_other_language(site: Path) -> None:
    for url in ("werkzeuge/beispiel/", "themen/wohnen/", "glossar/", "werkzeuge/"):
        assert page_file(site, "en/" + url).resolve() in links_to(site, url)
        assert page_file(site, url).resolve() in links_to(site, "en/" + url)


def test_catalogue_lists_every_entry_with_data_slug(site: Path) -> None:
    for prefix in ("", "en/"):
        tools = parse(page_file(site, f"{prefix}werkzeuge/"))
        assert {e.attrs["data-slug"] for e in tools.find(class_="kb-card")} == {"beispiel", "zweites"}
        projects = parse(page_file(site, f"{prefix}modellvorhaben/"))
        assert {e.attrs["data-slug"] for e in projects.find(class_="kb-card")} == {"verbund"}


def test_entries_are_not_navigation_items(site: Path) -> None:
    nav_links = [link for link in parse(page_file(site, "werkzeuge/beispiel/")).links()
                 if "md-nav__link" in link.attrs.get("class", "")]
    assert nav_links, "the sidebar shows the sections"
    assert not any("zweites" in link.attrs["href"] for link in nav_links)


def test_untranslated_entry_shows_german_text_and_says_so(tmp_path: Path) -> None:
    project = tiny_project(tmp_path)
    (project / "docs" / "werkzeuge" / "zweites.en.md").unlink()
    result = build(project)
    assert result.returncode == 0, result.stderr
    english = parse(page_file(project / "site", "en/werkzeuge/zweites/"))
    assert english.find("p", class_="kb-notice")
    assert english.find("p", class_="kb-summary", lang="de")
    assert "Ein zweites Werkzeug." in page_file(project / "site", "en/werkzeuge/zweites/").read_text()


def test_broken_source_fails_the_build_with_path_and_line(tmp_path: Path) -> None:
    project = tiny_project(tmp_path)
    source = project / "docs" / "werkzeuge" / "zweites.md"
    source.write_text(source.read_text().replace("themen: [wohnen]", "themen: [wohen]"))
    result = build(project)
    assert result.returncode != 0
    assert "docs/werkzeuge/zweites.md:6: error: unknown themen value 'wohen' (did you mean 'wohnen'?)" in result.stderr
    assert "Traceback" not in result.stderr


# Markup, a script end tag, an attribute break-out and template syntax: in every text field of
# every kind of source, this must reach the reader as the very same text, and run nowhere.
HOSTILE = "</script><script>alert(1)</script><img src=x onerror=alert(2)>\"'><svg onload=alert(3)>{{ 7*7 }}"
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"
HOSTILE_TOOL = """---
titel: {q}
kurz: {q}
zweck: {q}
formattyp: beratung
themen: [wohnen]
ziel: [lernen]
zielgruppen: [verwaltung]
modus: digital
organisation: zentral
reichweite: [regional]
dauer: {q}
dauerklasse: wochen
aufwand: hoch
kosten: {q}
ablauf: [{q}]
tipps: [{q}]
quellen: [{{titel: {q}, url: "https://example.org/?a=1&b=x"}}]
geprueft: 2026-02-01
---
"""
HOSTILE_PROJECT = """---
titel: {q}
kurz: {q}
orte:
  - {{name: {q}, bundesland: sachsen, breite: 51.0, laenge: 13.0}}
partner: [{q}]
laufzeit: {{von: 2020, bis: 2022}}
foerderung: {q}
themen: [wohnen]
werkzeuge: [beispiel, zweites]
ergebnisse: [{q}]
links: [{{titel: {q}, url: "https://example.org/"}}]
geprueft: 2026-03-01
---
"""
HOSTILE_TERM = """
boese:
  begriff: {{de: {q}, en: {q}}}
  abkuerzung: {q}
  definition: {{de: {q}, en: {q}}}
  varianten: {{de: [{q}], en: [{q}]}}
  links: [{{titel: {q}, url: "https://example.org/"}}]
"""
# Where the hostile entries show up, in both languages.
HOSTILE_PAGES = ["werkzeuge/zweites/", "werkzeuge/", "modellvorhaben/verbund/", "modellvorhaben/", "themen/wohnen/",
                 "glossar/", ""]


def test_hostile_text_stays_text(tmp_path: Path) -> None:
    project = tiny_project(tmp_path)
    docs = project / "docs"
    quoted = json.dumps(HOSTILE)  # a JSON string is a YAML double-quoted scalar
    (docs / "werkzeuge" / "zweites.md").write_text(HOSTILE_TOOL.format(q=quoted))
    english = f"---\ntitel: {quoted}\nkurz: {quoted}\nzweck: {quoted}\ndauer: {quoted}\nablauf: [{quoted}]\n---\n"
    (docs / "werkzeuge" / "zweites.en.md").write_text(english)
    (docs / "modellvorhaben" / "verbund.md").write_text(HOSTILE_PROJECT.format(q=quoted))
    (docs / "modellvorhaben" / "verbund.en.md").write_text(
        f"---\ntitel: {quoted}\nkurz: {quoted}\nfoerderung: {quoted}\nergebnisse: [{quoted}]\n---\n")
    with (docs / "glossar.yml").open("a", encoding="utf-8") as glossary:
        glossary.write(HOSTILE_TERM.format(q=quoted))
    result = build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    site = project / "site"
    # Nothing runs anywhere in the site ...
    for file in sorted(site.rglob("*.html")):
        html = file.read_text(encoding="utf-8")
        problems = inline_code(html) + (["the text <script>alert ran into the markup"] if "<script>alert" in html else [])
        assert not problems, f"{file.relative_to(site)}: {problems}"
    # ... and the text is there, as text, wherever the entries and the term are shown.
    for prefix in ("", "en/"):
        for url in HOSTILE_PAGES:
            html = page_file(site, prefix + url).read_text(encoding="utf-8")
            assert ESCAPED in html and "{{ 7*7 }}" in html, f"{prefix + url}: the hostile text is missing or altered"
    # The open data carries it unchanged: a re-user gets what the editor wrote.
    for prefix in ("", "en/"):
        for name, slug in (("werkzeuge", "zweites"), ("modellvorhaben", "verbund"), ("glossar", "boese")):
            data = json.loads((site / f"{prefix}daten/{name}.json").read_text(encoding="utf-8"))
            record = next(r for r in data["eintraege"] if r["slug"] == slug)
            assert HOSTILE in set(_texts(record)), f"{prefix}daten/{name}.json: {slug} lost or altered the text"


def _texts(value: object) -> list[str]:
    """Every string inside a JSON value."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [t for v in value.values() for t in _texts(v)]
    if isinstance(value, list):
        return [t for v in value for t in _texts(v)]
    return []


def test_root_not_found_page_is_in_the_default_language(site: Path) -> None:
    # Each language build writes the theme's 404.html at the root; the German one must win.
    assert '<html lang="de"' in (site / "404.html").read_text(encoding="utf-8")
