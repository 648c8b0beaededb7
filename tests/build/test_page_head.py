"""What the built pages' heads tell search engines, link previews and feed readers, in both languages:
a description from each page's own text, Open Graph, JSON-LD, the feed of the page's language, and
the 404 page's own title."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
import yaml

from support.htmlscan import Page, page_file, parse, resolve
from support.sites import REPO
from support.tree import json_ld_blocks, text_of, tree, with_class
from toolkit.content.kinds import ENTRY_FOLDERS, ENTRY_KINDS
from toolkit.content.model import LANGUAGES, KnowledgeBase
from toolkit.render.head import LOCALES, shorten

if TYPE_CHECKING:
    pass

PREFIX = {"de": "", "en": "en/"}


def site_url() -> str:
    return yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))["site_url"]


def content_pages(site: Path) -> dict[str, Page]:
    """Site-relative address -> parsed page, for every page with content (not redirects, not 404,
    not a copy at a second address that names its original as canonical, like en/search/)."""
    found = {}
    for path in sorted(site.rglob("index.html")):
        if 'http-equiv="refresh"' in path.read_text(encoding="utf-8"):
            continue
        url = path.parent.relative_to(site).as_posix() + "/"
        url = "" if url == "./" else url
        if url == "admin/":
            continue  # the browser editor: the CMS's own page for editors, not a page to find
        page = parse(path)
        if [e.attrs["href"] for e in page.find("link", rel="canonical")] not in ([], [site_url() + url]):
            continue
        found[url] = page
    return found


def lang_of(url: str) -> str:
    return "en" if url.startswith("en/") else "de"


def meta(page: Page, **attrs: str) -> list[str]:
    return [e.attrs.get("content", "") for e in page.find("meta", **attrs)]


def og(page: Page, name: str) -> list[str]:
    return meta(page, property=name)


def json_ld(page: Page, file: Path) -> list[dict]:
    """Every node of the page's JSON-LD blocks (parsed as JSON; a broken block fails here)."""
    nodes = []
    for block in json_ld_blocks(tree(file)):
        document = json.loads(block)
        assert document["@context"] == "https://schema.org"
        nodes += document["@graph"]
    return nodes


@pytest.fixture(scope="module")
def pages(built_site: Path) -> dict[str, Page]:
    found = content_pages(built_site)
    assert len(found) > 40
    return found


def test_every_page_has_one_description_of_its_own(pages: dict[str, Page]) -> None:
    seen: dict[str, str] = {}
    for url, page in pages.items():
        descriptions = meta(page, name="description")
        assert len(descriptions) == 1 and descriptions[0].strip(), url
        assert len(descriptions[0]) <= 160, f"{url}: {len(descriptions[0])} characters"
        assert descriptions[0] not in seen, f"{url} has the description of {seen.get(descriptions[0])}"
        seen[descriptions[0]] = url


@pytest.mark.parametrize("lang", LANGUAGES)
def test_entry_pages_describe_themselves_by_their_summary(pages: dict[str, Page], kb: KnowledgeBase,
                                                          lang: str) -> None:
    for folder, kind in ENTRY_FOLDERS.items():
        for slug, entry in kb.collection(kind).items():
            page = pages[f"{PREFIX[lang]}{folder}/{slug}/"]
            expected = shorten(entry.text("kurz", lang))
            assert meta(page, name="description") == [expected]
            assert og(page, "og:description") == [expected]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_topic_pages_describe_themselves_by_their_introduction(pages: dict[str, Page], kb: KnowledgeBase,
                                                               lang: str) -> None:
    for key, value in kb.vocab["themen"].values.items():
        if value.intro.get(lang):
            assert meta(pages[f"{PREFIX[lang]}themen/{key}/"], name="description") == [shorten(value.intro[lang])]


def test_every_page_has_open_graph_for_link_previews(pages: dict[str, Page]) -> None:
    names = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))["site_name"]
    for url, page in pages.items():
        lang = lang_of(url)
        canonical = [e.attrs["href"] for e in page.find("link", rel="canonical")]
        assert og(page, "og:url") == canonical == [site_url() + url], url
        entry_page = re.fullmatch(rf"(en/)?({'|'.join(k.folder for k in ENTRY_KINDS)})/[^/]+/", url)
        assert og(page, "og:type") == ["article" if entry_page else "website"]
        assert og(page, "og:locale") == [LOCALES[lang]], url
        assert og(page, "og:locale:alternate") == [LOCALES[o] for o in LANGUAGES if o != lang], url
        assert og(page, "og:description") == meta(page, name="description"), url
        title = og(page, "og:title")
        assert len(title) == 1 and title[0].strip(), url
        site_name = og(page, "og:site_name")
        assert len(site_name) == 1 and (lang != "de" or site_name == [names]), url


def test_json_ld_describes_tools_projects_the_glossary_and_the_way_there(built_site: Path, pages: dict[str, Page],
                                                                         kb: KnowledgeBase) -> None:
    for url, page in pages.items():
        lang = lang_of(url)
        nodes = json_ld(page, page_file(built_site, url))
        crumbs = [n for n in nodes if n["@type"] == "BreadcrumbList"]
        if url in ("", "en/"):
            assert not crumbs, "the start page is where the trail begins"
            continue
        assert len(crumbs) == 1, url
        items = crumbs[0]["itemListElement"]
        assert [i["position"] for i in items] == list(range(1, len(items) + 1))
        assert items[0]["item"] == site_url() + PREFIX[lang] and items[-1]["item"] == site_url() + url
        for item in items:  # every step of the trail is a page of the site
            assert page_file(built_site, item["item"][len(site_url()):]).is_file(), (url, item)
    for lang in LANGUAGES:
        for slug, tool in kb.tools.items():
            url = f"{PREFIX[lang]}werkzeuge/{slug}/"
            (howto,) = [n for n in json_ld(pages[url], page_file(built_site, url)) if n["@type"] == "HowTo"]
            assert howto["name"] == tool.title(lang) and howto["url"] == site_url() + url
            assert [s["text"] for s in howto["step"]] == [str(s) for s in tool.text("ablauf", lang)]
        for slug, project in kb.projects.items():
            url = f"{PREFIX[lang]}modellvorhaben/{slug}/"
            (node,) = [n for n in json_ld(pages[url], page_file(built_site, url)) if n["@type"] == "Project"]
            assert node["name"] == project.title(lang)
            assert [p["name"] for p in node["location"]] == [t["name"] for t in project.get("orte")]
        url = f"{PREFIX[lang]}glossar/"
        (terms,) = [n for n in json_ld(pages[url], page_file(built_site, url)) if n["@type"] == "DefinedTermSet"]
        defined = {t["url"]: t for t in terms["hasDefinedTerm"]}
        assert set(defined) == {f"{site_url()}{url}#{slug}" for slug in kb.terms}
        ids = parse(page_file(built_site, url)).ids()
        for slug, term in kb.terms.items():
            item = defined[f"{site_url()}{url}#{slug}"]
            assert item["name"] == term.text("begriff", lang) and item["description"] == term.text("definition", lang)
            assert slug in ids, f"the term's address {url}#{slug} leads to no anchor"


def test_json_ld_cannot_end_its_script_block(built_site: Path) -> None:
    # A source text with "</script>" must not close the data block and start markup of its own.
    for path in built_site.rglob("*.html"):
        for block in json_ld_blocks(tree(path)):
            assert "<" not in block, path


def test_every_page_announces_the_feed_of_its_language(built_site: Path, pages: dict[str, Page]) -> None:
    for url, page in pages.items():
        feeds = [e for e in page.find("link", type="application/atom+xml")]
        assert len(feeds) == 1, url
        assert "alternate" in feeds[0].attrs["rel"].split(), "feed readers look for rel=alternate"
        assert feeds[0].attrs.get("title"), url
        assert resolve(built_site, url, feeds[0].attrs["href"]) == (built_site / PREFIX[lang_of(url)] / "feed.xml", "")
        # Material's script fetches sitemap.xml beside each link whose rel is exactly "alternate".
        assert not page.find("link", rel="alternate"), url


def test_not_found_page_has_its_own_title(built_site: Path) -> None:
    def title(path: Path) -> str:
        titles = list(tree(path).iter("title"))
        assert titles, path
        return text_of(titles[0])

    # One file answers every missing address, German and English: the title says it in both,
    # the page's own language first, as its headings do.
    not_found = title(built_site / "404.html")
    sections = with_class(tree(built_site / "404.html"), "section", "kb-not-found")
    assert all(len(s) and s[0].tag in ("h1", "h2") for s in sections), "each language's part starts with its heading"
    headings = [(s.get("lang"), text_of(s[0])) for s in sections]
    assert [code for code, _ in headings] == ["de", "en"], "the site's root answers in its default language first"
    assert not_found.startswith(" / ".join(text for _, text in headings) + " - "), not_found
    assert headings[0][1] == "Seite nicht gefunden" and headings[1][1] == "Page not found"
    assert not_found != title(built_site / "index.html")


# Link texts that do not say where they lead: Lighthouse's English list and their German kin.
VAGUE_LINK_TEXTS = {
    "click here", "click this", "go", "here", "information", "learn more", "more", "more info",
    "more information", "right here", "read more", "see more", "start", "this",
    "hier", "hier klicken", "klicken sie hier", "mehr", "mehr erfahren", "mehr infos", "mehr informationen",
    "weiterlesen", "weiter", "link", "dieser link", "diese seite",
}


def test_link_texts_say_where_they_lead(pages: dict[str, Page]) -> None:
    vague = {}
    for url, page in pages.items():
        # Links within the page (its table of contents) carry the heading they lead to, as Lighthouse allows.
        texts = {" ".join(link.text.split()).lower().strip(" .:»›→") for link in page.links()
                 if not link.attrs["href"].startswith("#")}
        if texts & VAGUE_LINK_TEXTS:
            vague[url] = sorted(texts & VAGUE_LINK_TEXTS)
    assert vague == {}


# -- where a hand-written page's description comes from ---------------------------------------

def test_hand_written_page_description_from_front_matter_or_first_paragraph(kb: KnowledgeBase) -> None:
    from toolkit.content.routes import route
    from toolkit.index import build_index
    from toolkit.render.head import page_head

    index = build_index(kb)
    markdown = ("# Über uns\n\n<div class=\"kb-ways\">Wege</div>\n\n- ein Punkt\n\n"
                "Die **Akademie** hilft [Kleinstädten](glossar.md#kleinstadt), voneinander zu lernen. "
                + "Sie sammelt Wissen aus vielen Orten und macht es für alle zugänglich. " * 3 + "\n\nZweiter Absatz.\n")

    def described(meta: dict) -> str:
        return page_head(kb=kb, index=index, page=route("ueber.md"), lang="de", markdown=markdown, meta=meta,
                         site_url=site_url(), site_name="KB", changed=None).description

    first = described({})
    assert first.startswith("Die Akademie hilft Kleinstädten, voneinander zu lernen."), "words of the first paragraph"
    assert len(first) <= 160 and first.endswith("."), "whole sentences, as many as fit"
    assert described({"description": "Von Hand geschrieben."}) == "Von Hand geschrieben."
    assert shorten("Ein Satz ohne Ende " * 20).endswith("…") and len(shorten("Ein Satz ohne Ende " * 20)) <= 160
