"""Which page a source path makes: one answer for every module that renders, dates or indexes it.

The answer depends on the path alone (``werkzeuge/x.en.md`` is the English page of the tool
``x``); whether the entry, topic or facet value exists is the caller's question, as only it
knows the loaded sources.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from toolkit.content.kinds import by_folder
from toolkit.content.model import DEFAULT_LANGUAGE, LANGUAGES

TOPIC_FOLDER = "themen"
FINDER_FOLDER = "methodenfinder"
FINDER_SOURCE = f"{FINDER_FOLDER}.md"
GLOSSARY_SOURCE = "glossar.md"


class Role(Enum):
    ENTRY = "entry"  # an entry's page: kind and slug
    CATALOGUE = "catalogue"  # a kind's catalogue (docs/<folder>/index.md): kind
    FACET = "facet"  # every entry of a kind with one facet value: kind, facet, slug (the value's key)
    TOPIC = "topic"  # a topic's page: slug (the topic's key)
    TOPICS = "topics"  # the list of topics
    HOME = "home"  # the start page, with the newest entries
    GLOSSARY = "glossary"  # the glossary, every term on one page
    FIGURES = "figures"  # the small-town figures, with their chart
    FINDER = "finder"  # the method finder
    PAGE = "page"  # a hand-written page and nothing else


# Hand-written pages whose introduction is followed by a generated list (a catalogue's is its
# folder's index.md).
LIST_PAGES = {
    "index.md": Role.HOME,
    f"{TOPIC_FOLDER}/index.md": Role.TOPICS,
    GLOSSARY_SOURCE: Role.GLOSSARY,
    "kleinstaedte.md": Role.FIGURES,
}
LIST_ROLES = frozenset({*LIST_PAGES.values(), Role.CATALOGUE})


@dataclass(frozen=True)
class Route:
    role: Role
    path: str  # the German source path (werkzeuge/x.md), of a generated page too
    kind: str | None = None
    slug: str | None = None
    facet: str | None = None

    @property
    def lists(self) -> bool:
        """A hand-written introduction followed by a generated list."""
        return self.role in LIST_ROLES


def normalise(src_uri: str) -> tuple[str, str | None]:
    """``werkzeuge/x.en.md`` -> (``werkzeuge/x.md``, ``"en"``); a German file has no language."""
    for lang in LANGUAGES:
        if lang != DEFAULT_LANGUAGE and src_uri.endswith(f".{lang}.md"):
            return src_uri[: -len(f".{lang}.md")] + ".md", lang
    return src_uri, None


def route(src_uri: str) -> Route:
    """The page ``src_uri`` (German or English source path) makes."""
    path, _ = normalise(src_uri)
    if path in LIST_PAGES:
        return Route(LIST_PAGES[path], path)
    if path == FINDER_SOURCE:
        return Route(Role.FINDER, path, kind="werkzeug")
    parts = path[:-3].split("/") if path.endswith(".md") else [path]
    kind = by_folder(parts[0])
    if kind is not None and kind.pages and len(parts) == 2:
        if parts[1] == "index":
            return Route(Role.CATALOGUE, path, kind=kind.name)
        return Route(Role.ENTRY, path, kind=kind.name, slug=parts[1])
    if kind is not None and kind.pages and len(parts) == 3:
        return Route(Role.FACET, path, kind=kind.name, slug=parts[2], facet=parts[1])
    if parts[0] == TOPIC_FOLDER and len(parts) == 2:
        return Route(Role.TOPIC, path, slug=parts[1])
    return Route(Role.PAGE, path)
