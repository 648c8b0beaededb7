"""An Atom feed (RFC 4287) of new and changed tools and model projects, one per language.

Feed readers follow what the editors review: an entry's ``geprueft`` date is its Atom
``updated``, and the newest come first. Addresses are absolute (Atom identifiers must be), built
from the site's address. The feed holds no build time: two builds give the same bytes.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date

from toolkit.content import urls
from toolkit.content.conventions import LICENCE_URL
from toolkit.content.kinds import ENTRY_KINDS
from toolkit.content.labels import label, section
from toolkit.content.model import DEFAULT_LANGUAGE, Entry, KnowledgeBase

ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
FEED_FILE = "feed.xml"
# Feed readers fetch the whole file on every visit: the newest entries are what they show.
FEED_LIMIT = 100

WORDS = section("feed")  # {lang: {key: text}}, from labels.py


def feed_url(lang: str) -> str:
    """The feed's address below the site root: ``feed.xml``, ``en/feed.xml``."""
    return urls.prefix(lang) + FEED_FILE


def feed_entries(kb: KnowledgeBase) -> list[Entry]:
    """Tools and projects, most recently reviewed first; ties by kind and slug, for a stable order."""
    entries = [e for kind in ENTRY_KINDS if kind.feed for e in kb.collection(kind.name).values()]
    entries.sort(key=lambda e: (-_reviewed(e).toordinal(), e.kind, e.slug))
    return entries[:FEED_LIMIT]


def atom_feed(*, kb: KnowledgeBase, lang: str, site_url: str, site_name: str, holder: str) -> bytes:
    """The feed of ``lang`` as UTF-8 XML; ``site_url`` is the site's absolute address, ending in /."""
    words = WORDS[lang]
    entries = feed_entries(kb)
    ET.register_namespace("", ATOM)
    feed = ET.Element(_atom("feed"), {XML_LANG: lang})
    _text(feed, "id", site_url + feed_url(lang))
    _text(feed, "title", words["title"].format(site=site_name))
    _text(feed, "subtitle", words["subtitle"])
    _link(feed, site_url + feed_url(lang), rel="self", type_="application/atom+xml")
    _link(feed, site_url + urls.prefix(lang), rel="alternate", type_="text/html")
    # An empty feed still needs a date; the epoch says "nothing yet" without inventing one.
    newest = _reviewed(entries[0]) if entries else date(1970, 1, 1)
    _text(feed, "updated", _timestamp(newest))
    author = ET.SubElement(feed, _atom("author"))
    _text(author, "name", holder)
    _text(feed, "rights", words["rights"].format(holder=holder, url=LICENCE_URL))
    for entry in entries:
        address = site_url + urls.entry_url(entry.kind, entry.slug, lang)
        item = ET.SubElement(feed, _atom("entry"))
        if not entry.translated(lang):
            item.set(XML_LANG, DEFAULT_LANGUAGE)
        _text(item, "id", address)
        _text(item, "title", entry.title(lang))
        _link(item, address, rel="alternate", type_="text/html")
        _text(item, "updated", _timestamp(_reviewed(entry)))
        _text(item, "summary", entry.text("kurz", lang))
        ET.SubElement(item, _atom("category"), {"term": entry.kind, "label": label(lang, f"entry_{entry.kind}")})
        for topic in entry.get("themen", []):
            if "themen" in kb.vocab and topic in kb.vocab["themen"].values:
                ET.SubElement(item, _atom("category"), {
                    "term": topic, "scheme": site_url + urls.prefix(lang) + "themen/",
                    "label": kb.vocab["themen"].label(topic, lang)})
    ET.indent(feed)
    data: bytes = ET.tostring(feed, encoding="utf-8", xml_declaration=True)  # bytes for any encoding but "unicode"
    return data + b"\n"


def _reviewed(entry: Entry) -> date:
    value = entry.data.get("geprueft")
    return value if isinstance(value, date) else date(1970, 1, 1)


def _timestamp(day: date) -> str:
    # Atom wants a full timestamp; the sources know the day only.
    return f"{day.isoformat()}T00:00:00Z"


def _atom(tag: str) -> str:
    return f"{{{ATOM}}}{tag}"


def _text(parent: ET.Element, tag: str, text: str) -> ET.Element:
    element = ET.SubElement(parent, _atom(tag))
    element.text = text
    return element


def _link(parent: ET.Element, href: str, *, rel: str, type_: str) -> None:
    ET.SubElement(parent, _atom("link"), {"rel": rel, "type": type_, "href": href})
