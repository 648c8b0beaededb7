"""Which template renders an entry's page: a kind with a page of its own names its class here."""

from __future__ import annotations

from toolkit.content.model import Entry, KnowledgeBase
from toolkit.index import CrossIndex
from toolkit.render.entry import EntryPage
from toolkit.render.event import EventPage
from toolkit.render.medium import MediumPage

# kind -> its page template; every other kind renders with EntryPage (tools, model projects).
PAGES: dict[str, type[EntryPage]] = {
    # Veranstaltungen
    "veranstaltung": EventPage,
    # Medien
    "medium": MediumPage,
}


def entry_markdown(kb: KnowledgeBase, index: CrossIndex, entry: Entry, lang: str) -> str:
    return PAGES.get(entry.kind, EntryPage)(kb, index, entry, lang).markdown()
