"""Typed records of the knowledge base. Plain data, no behaviour beyond simple lookups."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from toolkit.content.kinds import KINDS

LANGUAGES = ("de", "en")
DEFAULT_LANGUAGE = "de"


@dataclass(frozen=True)
class VocabValue:
    key: str
    label: dict[str, str]  # language -> label
    intro: dict[str, str] = field(default_factory=dict)  # language -> short introduction
    # language -> words a visitor may type for this value (compounds, synonyms, word forms);
    # the catalogue's text filter and the site search both match them.
    search: dict[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class Vocabulary:
    name: str
    description: str
    values: dict[str, VocabValue]  # in the order of the file: that is the display order

    def label(self, key: str, lang: str) -> str:
        return self.values[key].label[lang]

    def search_words(self, key: str, lang: str) -> tuple[str, ...]:
        """The editors' search words for one value in ``lang`` (empty when there are none)."""
        return self.values[key].search.get(lang, ())


@dataclass
class Entry:
    """A tool, a model project or a glossary term.

    ``data`` holds the validated German front matter: every structured field and the German
    text. ``translations`` holds, per further language, the validated text fields of its
    translation; a language without one shows the German text. Glossary terms keep both languages in ``data`` (fields of type bilingual).
    """

    kind: str
    slug: str
    data: dict[str, Any]
    translations: dict[str, dict[str, Any]] = field(default_factory=dict)  # language -> text fields
    body: dict[str, str] = field(default_factory=dict)  # language -> Markdown body
    source: dict[str, str] = field(default_factory=dict)  # language -> path of the source file
    line: int = 1  # where the entry starts in its source (glossary terms share one file)

    def translated(self, lang: str) -> bool:
        return lang == DEFAULT_LANGUAGE or lang in self.translations

    def text(self, name: str, lang: str) -> Any:
        """A text field in ``lang``; an untranslated entry falls back to German."""
        value = self.data.get(name)
        if isinstance(value, dict) and set(value) == set(LANGUAGES):
            return value[lang]
        translation = self.translations.get(lang)
        if translation is not None and name in translation:
            return translation[name]
        return value

    def title(self, lang: str) -> str:
        # Required: an entry without one has an error, and a page never shows an entry with errors.
        title: str = self.text(KINDS[self.kind].title_field, lang)
        return title

    def get(self, name: str, default: Any = None) -> Any:
        return self.data.get(name, default)


@dataclass
class KnowledgeBase:
    vocab: dict[str, Vocabulary]
    entries: dict[str, dict[str, Entry]]  # kind (toolkit/content/kinds.py) -> slug -> entry
    figures: Any = None  # toolkit.sources.figures.Figures, when docs/zahlen.yml exists
    operator: Any = None  # toolkit.sources.operator_facts.Operator, when docs/betreiber.yml exists

    def collection(self, kind: str) -> dict[str, Entry]:
        """The entries of one kind (none yet: empty)."""
        return self.entries.get(kind, {})

    @property
    def tools(self) -> dict[str, Entry]:
        return self.collection("werkzeug")

    @property
    def projects(self) -> dict[str, Entry]:
        return self.collection("modellvorhaben")

    @property
    def terms(self) -> dict[str, Entry]:
        return self.collection("begriff")
