"""Which template renders an entry's page: a kind with a page of its own names its class here."""

from __future__ import annotations

from toolkit.content.model import Entry, KnowledgeBase
from toolkit.index import CrossIndex
from toolkit.render.entry import EntryPage, ProjectPage, ToolPage
from toolkit.render.event import EventPage
from toolkit.render.medium import MediumPage

# kind -> its page template; a kind not named here renders with EntryPage: its fact box shows its
# declared fields, then its text, media, glossary terms and sources.
PAGES: dict[str, type[EntryPage]] = {
    "werkzeug": ToolPage,
    "modellvorhaben": ProjectPage,
    # Veranstaltungen
    "veranstaltung": EventPage,
    # Medien
    "medium": MediumPage,
}


def entry_markdown(kb: KnowledgeBase, index: CrossIndex, entry: Entry, lang: str) -> str:
    return PAGES.get(entry.kind, EntryPage)(kb, index, entry, lang).markdown()
