"""The media of the sources, and a BibTeX file read as a reference manager reads it."""

from __future__ import annotations

import bibtexparser
from bibtexparser.bparser import BibTexParser

from toolkit.content.model import Entry, KnowledgeBase


def media(kb: KnowledgeBase) -> dict[str, Entry]:
    found = kb.collection("medium")
    assert found, "the sources hold no media"
    return found


def read_bibtex(text: str) -> dict[str, dict[str, str]]:
    parser = BibTexParser(common_strings=False)
    parser.ignore_nonstandard_types = False
    database = bibtexparser.loads(text, parser=parser)
    return {entry["ID"]: entry for entry in database.entries}
