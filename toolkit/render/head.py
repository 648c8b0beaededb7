"""What a page's head tells search engines, messengers and feed readers about it.

Each page gets a description from its own text (an entry's summary, a topic's introduction, a
hand-written page's ``description`` or first paragraph), Open Graph properties for link previews,
and schema.org data as JSON-LD: the glossary as a ``DefinedTermSet``, a tool as a ``HowTo`` with
its steps, a model project as a ``Project`` with its towns, and a ``BreadcrumbList`` from the
start page to the page. JSON-LD stands in a ``<script type="application/ld+json">`` block, which a
browser never executes, so the site's strict Content-Security-Policy needs no exception.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from toolkit.content import events, urls
from toolkit.content.conventions import DESCRIPTION_MAX, LICENCE_URL
from toolkit.content.labels import label, section
from toolkit.content.model import DEFAULT_LANGUAGE, LANGUAGES, Entry, KnowledgeBase
from toolkit.content.routes import Role, Route
from toolkit.index import CrossIndex
from toolkit.render.citation import schema_org
from toolkit.render.feed import feed_url

# Open Graph names a language with its region.
LOCALES = {"de": "de_DE", "en": "en_GB"}

WORDS = section("head")  # {lang: {key: text}}, from labels.py


@dataclass(frozen=True)
class PageHead:
    """Plain text (the template escapes it); ``json_ld`` is safe inside a script element."""

    description: str
    open_graph: tuple[tuple[str, str], ...]
    json_ld: str


def feed_link(lang: str) -> dict[str, str]:
    """The feed of ``lang`` for the head's autodiscovery link: address below the site root, title."""
    return {"href": feed_url(lang), "title": WORDS[lang]["feed"]}


def page_head(*, kb: KnowledgeBase, index: CrossIndex, page: Route, lang: str, markdown: str,
              meta: Mapping[str, Any], site_url: str, site_name: str, changed: date | None) -> PageHead:
    """The head of ``page`` (``routes.Route``, of an entry or topic that exists) in ``lang``.

    ``markdown`` is the page's own source text and ``meta`` its front matter; ``site_url`` the
    site's absolute address ending in ``/``; ``changed`` when the page's content last changed.
    """
    path = page.path
    address = site_url + urls.page_url(path, lang)
    trail: list[tuple[str, str]] = []  # (name, site-relative address) between the start page and this one
    if page.role is Role.ENTRY:
        entry = kb.collection(page.kind or "")[page.slug or ""]
        title, description, kind = entry.title(lang), entry.text("kurz", lang), "article"
        trail.append((label(lang, f"collection_{entry.kind}"), urls.catalogue_url(entry.kind, lang)))
        main = _entry_data(kb, entry, lang, address, description, changed)
    elif page.role is Role.TOPIC:
        value = kb.vocab["themen"].values[page.slug or ""]
        title, kind = value.label[lang], "website"
        description = value.intro.get(lang) or WORDS[lang]["topic"].format(label=value.label[lang])
        trail.append((WORDS[lang]["themen"], urls.prefix(lang) + "themen/"))
        main = None
    else:
        title, kind = str(meta.get("title") or first_heading(markdown) or site_name), "website"
        description = str(meta.get("description") or first_paragraph(markdown) or "")
        main = _glossary_data(kb, lang, address, title, description) if page.role is Role.GLOSSARY else None
    description = shorten(description)
    graph: list[dict[str, Any]] = [main] if main else []
    if page.role is not Role.HOME:
        crumbs = [(WORDS[lang]["home"], urls.prefix(lang)), *trail, (title, urls.page_url(path, lang))]
        graph.append({
            "@type": "BreadcrumbList",
            "itemListElement": [{"@type": "ListItem", "position": n, "name": crumb, "item": site_url + url}
                                for n, (crumb, url) in enumerate(crumbs, start=1)],
        })
    open_graph = [("og:type", kind), ("og:site_name", site_name), ("og:title", title), ("og:url", address),
                  ("og:locale", LOCALES[lang])]
    open_graph += [("og:locale:alternate", LOCALES[other]) for other in LANGUAGES if other != lang]
    if description:
        open_graph.append(("og:description", description))
    return PageHead(description, tuple(open_graph), _script_json(graph))


def first_heading(markdown: str) -> str:
    found = re.search(r"^#\s+(.+?)\s*#*\s*$", markdown, re.M)
    return plain(found.group(1)) if found else ""


def first_paragraph(markdown: str) -> str:
    """The plain text of the first paragraph of prose: not a heading, list, table, HTML block or note."""
    for block in re.split(r"\n\s*\n", _without_front_matter(markdown)):
        text = block.strip()
        if not text or (text[0] in "#<|-*+>!:{[`=" and not re.match(r"^(\*\*|\[[^\]]+\]\()", text)):
            continue
        if re.match(r"^\d+\.\s", text):
            continue
        return plain(text)
    return ""


def plain(markdown: str) -> str:
    """Markdown inline text as plain text: links keep their words, markup and tags go."""
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", markdown)
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"\{[:.#][^}]*\}", "", text)  # attribute lists
    text = re.sub(r"<[^>]+>", " ", text)
    text = re.sub(r"(\*\*|__|\*|`)", "", text)
    return re.sub(r"\s+", " ", html.unescape(text)).strip()


def shorten(text: str, limit: int = DESCRIPTION_MAX) -> str:
    """At most ``limit`` characters: whole sentences where one fits, else whole words and an ellipsis."""
    text = re.sub(r"\s+", " ", text).strip()
    if len(text) <= limit:
        return text
    sentences = re.split(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ0-9„\"])", text)
    kept = ""
    for sentence in sentences:
        if len(kept) + len(sentence) + 1 > limit:
            break
        kept = f"{kept} {sentence}".strip()
    if kept:
        return kept
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:–-")
    return cut + "…"


# -- internals ------------------------------------------------------------------------------

def _language(entry: Entry, lang: str) -> str:
    return lang if entry.translated(lang) else DEFAULT_LANGUAGE


@dataclass(frozen=True)
class _About:
    """What every kind's schema.org data starts from."""

    kb: KnowledgeBase
    entry: Entry
    lang: str
    address: str
    description: str
    changed: date | None  # the page's last change: from the history, else the review date

    @property
    def keywords(self) -> str:
        topics = self.kb.vocab.get("themen")
        return ", ".join(topics.label(t, self.lang) for t in self.entry.get("themen", [])
                         if topics and t in topics.values)


def _entry_data(kb: KnowledgeBase, entry: Entry, lang: str, address: str, description: str,
                changed: date | None) -> dict[str, Any]:
    about = _About(kb, entry, lang, address, description, changed)
    data = ENTRY_DATA.get(entry.kind, _work_data)(about)
    if about.keywords:
        data["keywords"] = about.keywords
    return data


def _work_data(about: _About) -> dict[str, Any]:
    """Any entry as a schema.org ``CreativeWork``, for a kind without data of its own."""
    return {"@type": "CreativeWork", "name": about.entry.title(about.lang), "description": about.description,
            "url": about.address, "inLanguage": _language(about.entry, about.lang)}


def _tool_data(about: _About) -> dict[str, Any]:
    """A tool as schema.org ``HowTo``: its steps in order."""
    entry, lang = about.entry, about.lang
    data: dict[str, Any] = {
        "@type": "HowTo",
        "name": entry.title(lang),
        "description": about.description,
        "url": about.address,
        "inLanguage": _language(entry, lang),
        "license": LICENCE_URL,
        "step": [{"@type": "HowToStep", "position": n, "text": str(step)}
                 for n, step in enumerate(entry.text("ablauf", lang) or [], start=1)],
    }
    if about.changed is not None:
        data["dateModified"] = about.changed.isoformat()
    return data


def _project_data(about: _About) -> dict[str, Any]:
    """A model project as schema.org ``Project``, located in its towns."""
    towns = []
    for town in about.entry.get("orte", []):
        place: dict[str, Any] = {"@type": "Place", "name": town.get("name")}
        if town.get("breite") is not None and town.get("laenge") is not None:
            place["geo"] = {"@type": "GeoCoordinates", "latitude": town["breite"], "longitude": town["laenge"]}
        towns.append(place)
    return {"@type": "Project", "name": about.entry.title(about.lang), "description": about.description,
            "url": about.address, "location": towns}


# Medien
def _medium_data(about: _About) -> dict[str, Any]:
    """A book, report, film or website as schema.org knows it (citation.py)."""
    return schema_org(about.entry, about.lang, about.address, about.description)


# Veranstaltungen
EVENT_STATUS = {"geplant": "EventScheduled", "ausgebucht": "EventScheduled", "abgesagt": "EventCancelled",
                "verschoben": "EventPostponed"}


def _event_data(about: _About) -> dict[str, Any]:
    """An event as schema.org ``Event``: dates with their offset, place and/or online location."""
    kb, entry, lang, data = about.kb, about.entry, about.lang, about.entry.data
    item: dict[str, Any] = {"@type": "Event", "name": entry.title(lang), "description": about.description,
                            "url": about.address, "inLanguage": _language(entry, lang)}
    if events.dated(data):
        item["startDate"] = _when(events.start(data))
        finish = events.end(data)
        if finish is not None:
            item["endDate"] = _when(finish)
        item["eventStatus"] = "https://schema.org/" + EVENT_STATUS[data.get("status", "geplant")]
    locations: list[dict[str, Any]] = []
    place = data.get("ort")
    if place:
        locations.append({"@type": "Place", "name": place.get("adresse") or place["name"], "address": {
            "@type": "PostalAddress", "addressLocality": place["name"],
            "addressRegion": kb.vocab["bundesland"].label(place["bundesland"], lang), "addressCountry": "DE"},
            "geo": {"@type": "GeoCoordinates", "latitude": place["breite"], "longitude": place["laenge"]}})
    online = data.get("online")
    if online:
        locations.append({"@type": "VirtualLocation", "name": online["plattform"],
                          **({"url": online["url"]} if online.get("url") else {})})
    if locations:
        item["location"] = locations[0] if len(locations) == 1 else locations
        mode = "Mixed" if len(locations) == 2 else "Online" if online else "Offline"
        item["eventAttendanceMode"] = f"https://schema.org/{mode}EventAttendanceMode"
    if data.get("veranstalter"):
        item["organizer"] = {"@type": "Organization", "name": data["veranstalter"]}
    if data.get("anmeldung", {}).get("url"):
        item["offers"] = {"@type": "Offer", "url": data["anmeldung"]["url"]}
    return item


def _when(value: Any) -> str:
    text: str = value.isoformat(timespec="minutes") if hasattr(value, "hour") else value.isoformat()
    return text


# kind -> its schema.org data (the topics are added as keywords to each); a kind not named here
# is a CreativeWork.
ENTRY_DATA: dict[str, Callable[[_About], dict[str, Any]]] = {
    "werkzeug": _tool_data,
    "modellvorhaben": _project_data,
    events.KIND: _event_data,
    # Medien
    "medium": _medium_data,
}


def _glossary_data(kb: KnowledgeBase, lang: str, address: str, title: str, description: str) -> dict[str, Any]:
    terms = []
    for term in sorted(kb.terms.values(), key=lambda t: t.slug):
        item: dict[str, Any] = {
            "@type": "DefinedTerm",
            "@id": address + "#" + term.slug,
            "url": address + "#" + term.slug,
            "name": term.text("begriff", lang),
            "description": term.text("definition", lang),
            "inDefinedTermSet": address,
        }
        if term.get("abkuerzung"):
            item["alternateName"] = term.get("abkuerzung")
        terms.append(item)
    return {"@type": "DefinedTermSet", "@id": address, "name": title, "description": shorten(description),
            "url": address, "inLanguage": lang, "license": LICENCE_URL, "hasDefinedTerm": terms}


def _script_json(graph: list[dict[str, Any]]) -> str:
    if not graph:
        return ""
    document = {"@context": "https://schema.org", "@graph": graph}
    text = json.dumps(document, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    # Inside <script>, "</script" or "<!--" in a source's text would end or bend the block.
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _without_front_matter(markdown: str) -> str:
    if markdown.startswith("---"):
        end = markdown.find("\n---", 3)
        if end != -1:
            return markdown[end + 4:]
    return markdown
