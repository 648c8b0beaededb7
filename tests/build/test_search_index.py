"""The site search's index: built once over the whole site, one index per language."""

from __future__ import annotations

import json
import re
from pathlib import Path

from toolkit.content.kinds import ENTRY_FOLDERS
from toolkit.content.labels import label
from toolkit.content.urls import prefix
from toolkit.render import search, search_words
from toolkit.sources.load import load


def _pages(site: Path, *, english: bool) -> set[str]:
    """Pages marked for the index, German ones outside en/, English ones inside."""
    found = set()
    for page in site.rglob("index.html"):
        relative = page.relative_to(site).as_posix()
        if relative.startswith("en/") == english and "data-pagefind-body" in page.read_text(encoding="utf-8"):
            found.add(relative)
    return found


def test_one_index_per_language_covers_every_page(built_site: Path) -> None:
    entry = json.loads((built_site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    languages = entry["languages"]
    assert set(languages) == {"de", "en"}
    german, english = _pages(built_site, english=False), _pages(built_site, english=True)
    # Every entry of the sources has its page in each language's index.
    kb, _ = load(built_site.parent / "docs", built_site.parent)
    for folder, kind in ENTRY_FOLDERS.items():
        entries = {f"{folder}/{slug}/index.html" for slug in kb.collection(kind)}
        assert entries and entries <= german
        assert {"en/" + e for e in entries} <= english
    assert languages["de"]["page_count"] == len(german)
    assert languages["en"]["page_count"] == len(english)
    # Once, at the root: the English build must not leave an index of its own.
    assert not (built_site / "en" / "pagefind").exists()


def test_every_page_marked_for_search_is_indexed_once(built_site: Path) -> None:
    """The build hands Pagefind each page as it writes it: none may be missed, none sent twice."""
    marked = sorted("/" + (page.parent.relative_to(built_site).as_posix() + "/").lstrip("./")
                    for page in built_site.rglob("*.html")
                    if page.name == "index.html" and "data-pagefind-body" in page.read_text(encoding="utf-8"))
    indexed = sorted(url for url, _ in search_words.page_texts(built_site / "pagefind"))
    assert indexed == marked


def _indexed(built_site: Path) -> dict[str, str]:
    return dict(search_words.page_texts(built_site / "pagefind"))


def test_page_furniture_stays_out_of_the_index(built_site: Path) -> None:
    """Fact-box labels, the review date, lists of other pages and notices are on every entry page
    and say nothing about it: a search must not find them, an excerpt must not show them."""
    kb, _ = load(built_site.parent / "docs", built_site.parent)
    texts = _indexed(built_site)
    lonely = [slug for slug in kb.collection("werkzeug") if not any(slug in p.get("werkzeuge", []) for p in kb.projects.values())]
    assert lonely, "every tool is used by a project: the notice for none cannot be checked"
    for lang in ("de", "en"):
        for slug, tool in kb.collection("werkzeug").items():
            text = texts[f"/{prefix(lang)}werkzeuge/{slug}/"]
            for key in ("steckbrief", "geprueft", "zielgruppen", "related", "terms", "used_in_projects"):
                assert label(lang, key) not in text, f"{lang} {slug}: the label {label(lang, key)!r} is indexed"
            # A fact's text keeps a space before the next one's ("dazwischen 2 bis 6 Personen").
            duration = tool.text("dauer", lang)
            assert re.search(re.escape(duration) + r"(\s|[.]|$)", text), f"{lang} {slug}: {duration!r} glued to the next fact"
            review = tool.data["geprueft"]
            assert f"{review.day}.{review.month}.{review.year}" not in text and review.isoformat() not in text
        assert label(lang, "no_projects") not in texts[f"/{prefix(lang)}werkzeuge/{lonely[0]}/"]


def test_an_entrys_tags_bring_their_search_words_as_metadata_not_text(built_site: Path) -> None:
    kb, _ = load(built_site.parent / "docs", built_site.parent)
    slug, tool = next((s, t) for s, t in sorted(kb.collection("werkzeug").items()) if search.tag_words(kb, t, "de"))
    html = (built_site / "werkzeuge" / slug / "index.html").read_text(encoding="utf-8")
    assert f'data-pagefind-meta="{search.WORDS_META}[data-{search.WORDS_META}]"' in html
    assert " · ".join(search.tag_words(kb, tool, "de")) not in _indexed(built_site)[f"/werkzeuge/{slug}/"]


def test_the_word_list_for_splitting_holds_the_german_index(built_site: Path) -> None:
    kb, _ = load(built_site.parent / "docs", built_site.parent)
    words = (built_site / "pagefind" / search_words.FILE_NAME.format(lang="de")).read_text(encoding="utf-8").split("\n")
    assert words == sorted(set(words)) and all(w == w.lower() and len(w) >= search_words.MIN_LENGTH for w in words)
    titles = {w.lower() for t in kb.collection("werkzeug").values() for w in re.findall(r"[^\W\d_]{4,}", t.title("de"))}
    assert titles <= set(words)
    # Only where compounds are split: English words are typed apart.
    assert not (built_site / "pagefind" / search_words.FILE_NAME.format(lang="en")).exists()
