"""The browser editor at /admin/, used as an editor would, in real Chromium against the built site.

The CMS runs on its in-memory test repository, which keeps its files in the browser's private
file system (the origin private file system): the test fills it with the real sources first and
reads back what the CMS wrote, so nothing leaves the machine. The page's configuration is the
one the build generates, with only its backend swapped for that test repository. What the CMS
writes must pass the checker and build into pages, unchanged.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from support.sites import build, copy_sources_of

_SEED = """async (files) => {
  const root = await navigator.storage.getDirectory();
  await root.removeEntry('sveltia-cms-test', {recursive: true}).catch(() => {});
  const repo = await root.getDirectoryHandle('sveltia-cms-test', {create: true});
  for (const [path, text] of Object.entries(files)) {
    const parts = path.split('/');
    let dir = repo;
    for (const part of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(part, {create: true});
    const writable = await (await dir.getFileHandle(parts.at(-1), {create: true})).createWritable();
    await writable.write(text);
    await writable.close();
  }
}"""
_READ = """async () => {
  const files = {};
  const walk = async (dir, prefix) => {
    for await (const [name, handle] of dir.entries()) {
      if (handle.kind === 'directory') await walk(handle, prefix + name + '/');
      else files[prefix + name] = await (await handle.getFile()).text();
    }
  };
  const root = await navigator.storage.getDirectory();
  await walk(await root.getDirectoryHandle('sveltia-cms-test'), '');
  return files;
}"""
ISOLATE = "[\u2068\u2069]?"  # the CMS wraps names in its messages in Unicode isolation marks


def sources(project: Path) -> dict[str, str]:
    """The repository as the CMS reads it: every entry file under docs/."""
    found = {}
    for folder in ("werkzeuge", "modellvorhaben", "glossar"):
        for path in sorted((project / "docs" / folder).glob("*")):
            if path.is_file():
                found[path.relative_to(project).as_posix()] = path.read_text(encoding="utf-8")
    return found


@pytest.fixture()
def editor(browser: Any, site_url: str, built_site: Path, request: pytest.FixtureRequest) -> Iterator[Any]:
    """/admin/ signed in to the test repository, filled with the sources the site was built from.

    As wide as the test's ``width`` parameter, if it has one (1280 px otherwise).
    """
    width = getattr(request, "param", 1280)
    from toolkit.publish.cms_config import cms_config, dump
    from toolkit.sources.load import load

    kb, _ = load(built_site.parent / "docs", built_site.parent)
    config = dump(cms_config(vocab=kb.vocab, edit_base="", site_url=site_url, backend={"name": "test-repo"}))
    context = browser.new_context(viewport={"width": width, "height": 1000 if width < 1000 else 900}, locale="de-DE")
    page = context.new_page()
    outside: list[str] = []

    def route(request_route: Any) -> None:
        url = request_route.request.url
        if not url.startswith(site_url):
            outside.append(url)
            request_route.abort()
        elif urlpath(url) == "admin/config.yml":
            request_route.fulfill(body=config, content_type="application/yaml")
        else:
            request_route.continue_()

    page.route("**/*", route)
    refused: list[str] = []
    page.on("console", lambda message: refused.append(message.text)
            if "Content Security Policy" in message.text else None)
    page.goto(site_url + "admin/setup.js")  # the site's origin, before the CMS runs
    page.evaluate(_SEED, sources(built_site.parent))
    page.goto(site_url + "admin/")
    page.get_by_role("button", name="Mit Test-Repository arbeiten").click()
    page.get_by_role("radio", name="Inhalte").wait_for()
    page.outside = outside
    page.refused = refused
    yield page
    context.close()


def urlpath(url: str) -> str:
    return re.sub(r"^https?://[^/]+/", "", url).split("?")[0]


def field(scope: Any, label: str) -> Any:
    """A field's group, scrolled into view: the CMS renders a long form's fields as they come near."""
    from playwright.sync_api import TimeoutError as NotYet

    group = scope.get_by_role("group", name=re.compile(f"^Feld „{ISOLATE}{re.escape(label)}{ISOLATE}“$"))
    rendered = scope.get_by_role("group", name=re.compile("^Feld „"))
    for _ in range(40):  # each turn brings the last rendered field into view, so more follow
        if group.count() or not rendered.count():
            break
        rendered.last.scroll_into_view_if_needed()
        with contextlib.suppress(NotYet):  # not rendered yet: scroll on
            group.first.wait_for(state="attached", timeout=250)
    return group


def pane(page: Any, language: str) -> Any:
    return page.get_by_role("group", name=re.compile(f"^{ISOLATE}{language}{ISOLATE}-Inhalt bearbeiten$"))


def fill(scope: Any, label: str, text: str) -> None:
    box = field(scope, label).get_by_role("textbox").first
    box.scroll_into_view_if_needed()
    box.fill(text)


def choose(scope: Any, label: str, *options: str) -> None:
    """A select: radio buttons or checkboxes for a few options, a list box for many."""
    group = field(scope, label)
    group.scroll_into_view_if_needed()
    combo = group.get_by_role("combobox")
    for option in options:
        if combo.count():
            combo.click()
            scope.page.get_by_role("option", name=option, exact=True).click()
        else:
            box = group.get_by_role("radio", name=option, exact=True)
            box.or_(group.get_by_role("checkbox", name=option, exact=True)).check()


def add_items(scope: Any, label: str, *texts: str) -> None:
    from playwright.sync_api import expect

    group = field(scope, label)
    boxes = group.get_by_role("textbox")
    for text in texts:
        count = boxes.count()
        group.get_by_role("button", name=re.compile("hinzufügen")).last.click()
        expect(boxes).to_have_count(count + 1)  # the new item's box, not the one before it
        boxes.last.fill(text)


def save(page: Any) -> dict[str, str]:
    before = page.evaluate(_READ)
    page.get_by_role("button", name="Speichern", exact=True).click()
    # The CMS says so once the files are written (with the test repository, saving publishes).
    page.get_by_text(re.compile(r"Eintrag gespeichert")).first.wait_for(state="attached")
    after = page.evaluate(_READ)
    return {path: text for path, text in after.items() if before.get(path) != text}


def test_a_tool_and_a_term_made_in_the_forms_pass_the_checker_and_build(editor: Any, built_site: Path,
                                                                          tmp_path: Path) -> None:
    page = editor
    vocab = yaml.safe_load((built_site.parent / "docs" / "vokabular.yml").read_text(encoding="utf-8"))
    label = {name: {key: value["de"] for key, value in spec["werte"].items()} for name, spec in vocab.items()}
    today = dt.date.today().isoformat()

    page.goto(page.url.split("#")[0] + "#/collections/werkzeuge/new")
    german = pane(page, "Deutsch")
    fill(german, "Titel", "Stadtspaziergang mit Fragebogen")
    fill(german, "Kurzbeschreibung", "Ein geführter Rundgang, auf dem Teilnehmende Orte bewerten.")
    fill(german, "Wozu und wann", "Wenn eine Stadt wissen will, wie ihr Zentrum im Alltag erlebt wird.")
    choose(german, "Formattyp", label["formattyp"]["veranstaltung"])
    choose(german, "Themen", label["themen"]["innenentwicklung"], label["themen"]["mobilitaet"])
    choose(german, "Ziele", label["ziel"]["ideen-sammeln"])
    choose(german, "Zielgruppen", label["zielgruppen"]["zivilgesellschaft"])
    choose(german, "Modus", label["modus"]["analog"])
    choose(german, "Organisation", label["organisation"]["dezentral"])
    choose(german, "Reichweite", label["reichweite"]["lokal"])
    fill(german, "Dauer", "zwei Stunden")
    choose(german, "Dauer (Klasse)", label["dauerklasse"]["stunden"])
    choose(german, "Aufwand", label["aufwand"]["gering"])
    add_items(german, "Ablauf (Schritte)", "Route festlegen (Verwaltung, 1 Woche)", "Rundgang (alle, 2 Stunden)")
    field(german, "Zuletzt geprüft").locator("input").first.fill(today)
    fill(german, "Text", "## Wann er passt\n\nWenn viele mitreden sollen.")

    page.get_by_role("radio", name="Englisch").first.click()
    english = pane(page, "Englisch")
    fill(english, "Titel", "Town walk with a questionnaire")
    fill(english, "Kurzbeschreibung", "A guided walk on which participants rate places.")
    fill(english, "Wozu und wann", "When a town wants to learn how its centre is experienced day to day.")
    fill(english, "Dauer", "two hours")
    add_items(english, "Ablauf (Schritte)", "Set the route (administration, 1 week)", "Walk (everyone, 2 hours)")

    written = save(page)
    tool = "docs/werkzeuge/stadtspaziergang-mit-fragebogen"
    assert set(written) == {f"{tool}.md", f"{tool}.en.md"}, written

    page.goto(page.url.split("#")[0] + "#/collections/glossar/new")
    form = page.get_by_role("group", name=re.compile("Inhalt bearbeiten$"))
    fill(field(form, "Begriff"), "Deutsch", "Ortskernlotse")
    fill(field(form, "Begriff"), "Englisch", "Town-centre guide")
    fill(form, "Abkürzung", "OKL")
    fill(field(form, "Definition"), "Deutsch", "Eine Person, die Eigentümer im Ortskern berät.")
    fill(field(form, "Definition"), "Englisch", "A person who advises owners in the town centre.")
    term = save(page)
    assert set(term) == {"docs/glossar/ortskernlotse.yml"}, term
    written.update(term)

    # What the CMS wrote, unchanged, in a copy of the sources: the checker accepts it, and the
    # build makes pages of it in both languages.
    project = copy_sources_of(built_site, tmp_path / "project")
    for path, text in written.items():
        (project / path).parent.mkdir(parents=True, exist_ok=True)
        (project / path).write_text(text, encoding="utf-8")
    check = subprocess.run([sys.executable, "-m", "toolkit", "check", "--docs", str(project / "docs")],
                           cwd=project, capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    assert f"{tool}.md" not in check.stdout, check.stdout  # not even a warning about it
    result = build(project, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    german = (tmp_path / "site" / "werkzeuge" / "stadtspaziergang-mit-fragebogen" / "index.html").read_text(encoding="utf-8")
    english = (tmp_path / "site" / "en" / "werkzeuge" / "stadtspaziergang-mit-fragebogen" / "index.html").read_text(encoding="utf-8")
    assert "Stadtspaziergang mit Fragebogen" in german and "Rundgang (alle, 2 Stunden)" in german
    assert "Town walk with a questionnaire" in english and "Walk (everyone, 2 hours)" in english
    glossary = (tmp_path / "site" / "glossar" / "index.html").read_text(encoding="utf-8")
    assert 'id="ortskernlotse"' in glossary and "Eine Person, die Eigentümer im Ortskern berät." in glossary
    assert page.outside == [] and page.refused == []


def front_matter(text: str) -> dict[str, Any]:
    return yaml.safe_load(text.split("---\n")[1])


@pytest.mark.parametrize("editor", [1280, 768], indirect=True, ids=["desktop", "tablet"])
def test_an_editor_changes_a_tools_summary_and_adds_a_topic(editor: Any, built_site: Path, tmp_path: Path) -> None:
    """As a new editor would: find the tool in the list, change its summary, add a topic, save."""
    page = editor
    width = page.viewport_size["width"]
    project = built_site.parent
    source = "docs/werkzeuge/zukunftswerkstatt.md"
    before = (project / source).read_text(encoding="utf-8")
    old = front_matter(before)
    vocab = yaml.safe_load((project / "docs" / "vokabular.yml").read_text(encoding="utf-8"))
    topic = next(key for key in vocab["themen"]["werte"] if key not in old["themen"])

    page.get_by_role("treeitem", name="Werkzeuge").click()
    page.get_by_role("row", name=old["titel"], exact=True).click()
    german = pane(page, "Deutsch")
    fill(german, "Kurzbeschreibung", "Eine Werkstatt, in der eine Stadt gemeinsam Vorhaben für morgen entwickelt.")
    choose(german, "Themen", vocab["themen"]["werte"][topic]["de"])
    field(german, "Kurzbeschreibung").scroll_into_view_if_needed()
    page.screenshot(path=str(tmp_path / f"admin-edit-{width}.png"))
    # Below each field its description, in the editor's language.
    hint = field(german, "Kurzbeschreibung").inner_text()
    assert "Ein Satz: was es ist" in hint and "one sentence" not in hint, hint
    written = save(page)

    # The CMS writes both language files of the entry; the English one says what it said before.
    translation = source.replace(".md", ".en.md")
    assert set(written) <= {source, translation} and source in written, list(written)
    if translation in written:
        original = (project / translation).read_text(encoding="utf-8")
        assert front_matter(written[translation]) == front_matter(original)
        assert written[translation].split("---\n", 2)[2] == original.split("---\n", 2)[2]
    new = front_matter(written[source])
    assert new["kurz"].startswith("Eine Werkstatt, in der") and new["themen"] == [*old["themen"], topic]
    # Nothing else changed: every other field as it was, in the same order, and the same body.
    assert list(new) == list(old)
    assert {k: v for k, v in new.items() if k not in ("kurz", "themen")} == \
        {k: v for k, v in old.items() if k not in ("kurz", "themen")}
    assert written[source].split("---\n", 2)[2] == before.split("---\n", 2)[2]
    copy = copy_sources_of(built_site, tmp_path / "project")
    for path, text in written.items():
        (copy / path).write_text(text, encoding="utf-8")
    check = subprocess.run([sys.executable, "-m", "toolkit", "check", "--docs", str(copy / "docs")],
                           cwd=copy, capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    assert page.outside == [] and page.refused == []
