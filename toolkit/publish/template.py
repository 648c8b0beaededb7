"""Templates for new sources: every declared field, explained by a comment, left empty to fill.

Everything comes from the declarations in ``schema.py`` and the vocabularies, so a template
never disagrees with the checker. Required fields stay empty (the checker then names each one
still to fill); optional groups are shown commented out, so that leaving them alone is valid.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

import yaml

from toolkit.content.kinds import ENTRY_FOLDERS, FIELDS, KINDS
from toolkit.content.labels import label
from toolkit.content.model import DEFAULT_LANGUAGE, LANGUAGES, Vocabulary
from toolkit.content.schema import Field
from toolkit.publish.jsonschema import schema_file
from toolkit.sources.field_types import field_type

# Comment lines stay readable in a narrow editor window.
WIDTH = 100
SCHEMA_FOLDER = "schema"

# The German file's comments are German: each field's description (schema.py) in German, keyed
# by its English text; a field without one here is explained in English.
GERMAN_DOCS = {
    "name of the method or format": "Name der Methode oder des Formats",
    "one sentence: what it is": "ein Satz: was es ist",
    "why and when to use it": "wozu und wann man es einsetzt",
    "kind of format": "Art des Formats",
    "topics it serves": "Themen, denen es dient",
    "whom it is for": "für wen es gedacht ist",
    "what it helps to achieve: its purposes": "was es erreichen hilft: seine Ziele",
    "analog, digital or hybrid": "analog, digital oder hybrid",
    "organised centrally or locally": "zentral oder vor Ort organisiert",
    "local, regional or nationwide": "lokal, regional oder bundesweit",
    "how long it takes, in words": "wie lange es dauert, in Worten",
    "coarse duration, for filtering": "grobe Dauer, für die Filter",
    "how many people take part": "wie viele Menschen teilnehmen",
    "fewest participants": "mindestens so viele Teilnehmende",
    "most participants": "höchstens so viele Teilnehmende",
    "effort for the organisers": "Aufwand für die Organisierenden",
    "rough costs, in words": "ungefähre Kosten, in Worten",
    "the steps, in order": "die Schritte, der Reihe nach",
    "one step: who does what, how long": "ein Schritt: wer tut was, wie lange",
    "source of duration, participants, costs: 'redaktion' (editors' estimates)":
        "Herkunft von Dauer, Teilnehmenden und Kosten: 'redaktion' (Richtwerte der Redaktion)",
    "practical tips": "Tipps für die Umsetzung",
    "one tip": "ein Tipp",
    "sources and further reading": "Quellen und weiterführende Literatur",
    "a reference: title and web address": "ein Beleg: Titel und Internetadresse",
    "title of the source, as published": "Titel der Quelle, wie veröffentlicht",
    "web address, starting with https:// or http://": "Internetadresse, beginnend mit https:// oder http://",
    "related tools (more are computed)": "verwandte Werkzeuge (weitere werden berechnet)",
    "glossary terms this entry uses (more are detected in the text)":
        "Glossarbegriffe, die der Eintrag verwendet (weitere werden im Text erkannt)",
    "date of the last editorial review, as YYYY-MM-DD": "Datum der letzten redaktionellen Prüfung, als JJJJ-MM-TT",
    "former slugs of this entry; their old addresses keep working":
        "frühere Slugs dieses Eintrags; ihre alten Adressen funktionieren weiter",
    "a former slug": "ein früherer Slug",
    "title of the project": "Titel des Vorhabens",
    "one sentence: what the project does": "ein Satz: was das Vorhaben tut",
    "the towns of the network": "die Städte des Verbunds",
    "a town of the project": "eine Stadt des Vorhabens",
    "official name of the town": "amtlicher Name der Stadt",
    "federal state": "Bundesland",
    "BBSR location type": "Lagetyp nach BBSR",
    "latitude in degrees, approximate": "geografische Breite in Grad, ungefähr",
    "longitude in degrees, approximate": "geografische Länge in Grad, ungefähr",
    "population": "Einwohnerzahl",
    "year of the population figure": "Jahr der Einwohnerzahl",
    "partners, e.g. a university": "Partner, etwa eine Hochschule",
    "name of a partner": "Name eines Partners",
    "the call for projects it was funded under": "der Projektaufruf, über den es gefördert wurde",
    "runtime in years": "Laufzeit in Jahren",
    "first year": "erstes Jahr",
    "last year": "letztes Jahr",
    "funding, in words": "Förderung, in Worten",
    "topics of the project": "Themen des Vorhabens",
    "tools the project used or developed": "Werkzeuge, die das Vorhaben eingesetzt oder entwickelt hat",
    "results": "Ergebnisse",
    "one result": "ein Ergebnis",
    "web pages of the project": "Internetseiten des Vorhabens",
    # Veranstaltungen
    "title of the event, as announced": "Titel der Veranstaltung, wie angekündigt",
    "one sentence: what happens there": "ein Satz: was dort geschieht",
    "first day, as YYYY-MM-DD (leave it out only for a past event documented without a date)":
        "erster Tag, als JJJJ-MM-TT (nur bei einer vergangenen Veranstaltung ohne belegtes Datum weglassen)",
    "last day, as YYYY-MM-DD, if the event lasts more than one day":
        "letzter Tag, als JJJJ-MM-TT, wenn die Veranstaltung mehrere Tage dauert",
    "times of day in Berlin time; without them the event counts as all-day":
        "Uhrzeiten in Berliner Zeit; ohne sie gilt die Veranstaltung als ganztägig",
    "when it starts on the first day, HH:MM": "Beginn am ersten Tag, HH:MM",
    "when it ends on the last day, HH:MM": "Ende am letzten Tag, HH:MM",
    "only for a past event documented without a date: the years it took place in":
        "nur für eine vergangene Veranstaltung ohne belegtes Datum: die Jahre, in denen sie stattfand",
    "first year it may have taken place in": "erstes Jahr, in dem sie stattgefunden haben kann",
    "last year it may have taken place in": "letztes Jahr, in dem sie stattgefunden haben kann",
    "where it takes place on site (leave it out for an online-only event)":
        "wo sie vor Ort stattfindet (bei einer reinen Online-Veranstaltung weglassen)",
    "the town": "die Stadt",
    "venue and street, if known": "Gebäude und Straße, wenn bekannt",
    "latitude of the town in degrees, approximate": "Breitengrad der Stadt, ungefähr",
    "longitude of the town in degrees, approximate": "Längengrad der Stadt, ungefähr",
    "where it takes place online (leave it out for an event on site only)":
        "wo sie online stattfindet (bei einer reinen Präsenzveranstaltung weglassen)",
    "the video platform or tool, e.g. a video conference service":
        "die Plattform, z. B. ein Videokonferenzdienst",
    "where to join, if it is public": "Link zur Teilnahme, wenn er öffentlich ist",
    "the tool this event is an instance of (its slug in docs/werkzeuge/)":
        "das Werkzeug, dessen Form die Veranstaltung hat (sein Slug in docs/werkzeuge/)",
    "topics of the event": "Themen der Veranstaltung",
    "who organises it": "wer sie veranstaltet",
    "how to register": "wie man sich anmeldet",
    "registration page": "Seite zur Anmeldung",
    "registration deadline, as YYYY-MM-DD, on or before the first day":
        "Anmeldeschluss, als JJJJ-MM-TT, spätestens am ersten Tag",
    "fee, in words (e.g. 'kostenfrei')": "Teilnahmegebühr, in Worten (z. B. 'kostenfrei')",
    "what the venue offers for accessibility": "was der Ort für Barrierefreiheit bietet",
    "further notes on accessibility": "weitere Hinweise zur Barrierefreiheit",
    "planned, fully booked, cancelled or postponed; leave it out while it is planned":
        "geplant, ausgebucht, abgesagt oder verschoben; leer lassen, solange sie wie geplant stattfindet",
    "programme, documentation or report": "Programm, Dokumentation oder Bericht",
    # Medien
    "media and literature this entry cites (slugs in docs/medien/)":
        "Medien und Literatur, die der Eintrag nennt (Slugs in docs/medien/)",
    "title as published, subtitle after a full stop; not translated":
        "Titel wie veröffentlicht, Untertitel nach einem Punkt; wird nicht übersetzt",
    "one sentence: what the medium is about": "ein Satz: worum es in dem Medium geht",
    "kind of medium": "Art des Mediums",
    "authors, in the order of the title page": "Autorinnen und Autoren, in der Reihenfolge des Titelblatts",
    "editors (Hrsg.), when the medium names editors instead of authors":
        "Herausgebende (Hrsg.), wenn das Medium sie statt Autorinnen und Autoren nennt",
    "a person or an institution": "eine Person oder eine Institution",
    "surname of a person, or the full name of an institution":
        "Nachname einer Person oder der volle Name einer Institution",
    "given names of a person, where known; empty for an institution":
        "Vornamen einer Person, soweit bekannt; leer bei einer Institution",
    "publisher or issuing institution": "Verlag oder herausgebende Institution",
    "place of publication": "Erscheinungsort",
    "year of publication": "Erscheinungsjahr",
    "web address of the medium, starting with https:// or http://":
        "Internetadresse des Mediums, beginnend mit https:// oder http://",
    "date the web address was last opened and found working, as YYYY-MM-DD":
        "Datum, an dem die Internetadresse zuletzt aufgerufen wurde und funktionierte, als JJJJ-MM-TT",
    "languages of the medium": "Sprachen des Mediums",
    "licence of the medium, where known, e.g. 'CC BY 4.0'": "Lizenz des Mediums, soweit bekannt, z. B. 'CC BY 4.0'",
    "topics it covers": "Themen, die es behandelt",
    "tools it describes or relates to": "Werkzeuge, die es beschreibt oder zu denen es passt",
    "model projects it describes or relates to": "Modellvorhaben, die es beschreibt oder zu denen es passt",
}
# Languages whose nouns keep their capital letter inside a sentence.
_CAPITALISED_NOUNS = {"de"}
_WORDS = {
    "en": {"required": "Required", "optional": "Optional", "text": "text", "int": "a whole number",
           "number": "a number", "at_least": "at least {n}", "at_most": "at most {n}", "and": " and ",
           "date": "a date such as 2026-03-01", "url": "a web address", "one_of": "one of: {keys}",
           "one_ref": "one of the {refs}", "object": "a group of the fields below",
           "bilingual": "the German text after 'de:', the English after 'en:'",
           "key_list": "a list in brackets, e.g. [{first}], of: {keys}",
           "slug_list": "a list in brackets, e.g. [first-slug, second-slug], of {refs}",
           "object_list": "a list; each item has the fields below, the first one after '- '",
           "text_list": "a list, one item per line starting with '- '", "slugs": "slugs",
           "slugs_of": "slugs of {kinds} (file names in docs/{folder}/ without .md)",
           "term_slugs": "glossary slugs (the keys in docs/glossar.yml)",
           "vocab_keys": "the keys of '{vocab}' in docs/vokabular.yml",
           "time": "a time of day in quotes, such as \"09:30\""},
    "de": {"required": "Pflicht", "optional": "Freiwillig", "text": "Text", "int": "eine ganze Zahl",
           "number": "eine Zahl", "at_least": "mindestens {n}", "at_most": "höchstens {n}", "and": " und ",
           "date": "ein Datum wie 2026-03-01", "url": "eine Internetadresse", "one_of": "einer von: {keys}",
           "one_ref": "einer der {refs}", "object": "eine Gruppe aus den Feldern darunter",
           "bilingual": "der deutsche Text nach 'de:', der englische nach 'en:'",
           "key_list": "eine Liste in eckigen Klammern, z. B. [{first}], aus: {keys}",
           "slug_list": "eine Liste in eckigen Klammern, z. B. [erster-slug, zweiter-slug], aus {refs}",
           "object_list": "eine Liste; jeder Eintrag hat die Felder darunter, das erste nach '- '",
           "text_list": "eine Liste, ein Eintrag pro Zeile, beginnend mit '- '", "slugs": "Slugs",
           "slugs_of": "Slugs der {kinds} (Dateinamen in docs/{folder}/ ohne .md)",
           "term_slugs": "Glossar-Slugs (die Schlüssel in docs/glossar.yml)",
           "vocab_keys": "die Schlüssel von '{vocab}' in docs/vokabular.yml",
           "time": "eine Uhrzeit in Anführungszeichen wie \"09:30\""},
}
_INTRO = {
    ("werkzeug", "de"): "Ein Werkzeug (Methode oder Format).",
    ("modellvorhaben", "de"): "Ein Modellvorhaben.",
    ("veranstaltung", "de"): "Eine Veranstaltung (ein Termin).",
    ("veranstaltung", "en"): "The English translation of {slug}.md: only the text fields; every other field "
                             "comes from the German file.",
    ("medium", "de"): "Ein Medium: Buch, Studie, Bericht, Film, Podcast oder Website.",
    ("werkzeug", "en"): "The English translation of {slug}.md: only the text fields; every other field "
                        "comes from the German file.",
    ("modellvorhaben", "en"): "The English translation of {slug}.md: only the text fields; every other field "
                              "comes from the German file.",
}


def _intro(kind: str, lang: str) -> str:
    """The template's first comment: what the file is."""
    if lang != "de":
        return _INTRO["werkzeug", lang]  # the same for every kind
    return _INTRO.get((kind, lang)) or f"Ein Eintrag der Art {label('de', f'entry_{kind}')}."


_HOW = {
    "en": "The comment above each field says what belongs there. Leave an optional field empty if it is "
          "not known. 'make check' names every required field that is still empty.",
    "de": "Der Kommentar über jedem Feld sagt, was hineingehört. Ein freiwilliges Feld bleibt leer, wenn die "
          "Angabe nicht bekannt ist. 'make check' nennt jedes Pflichtfeld, das noch leer ist.",
}
_BODY = {
    "de": "<!-- Hier folgt der Text in Markdown (Zwischenüberschriften mit ##). Diesen Kommentar löschen. -->",
    "en": "<!-- The text follows here, in Markdown (headings with ##). Delete this comment. -->",
}


def entry_template(*, kind: str, lang: str, slug: str, vocab: dict[str, Vocabulary], title: str = "",
                   depth: int = 2) -> str:
    """A Markdown source for a tool or model project; ``depth`` is its folder depth in the repository."""
    declared = FIELDS[kind] if lang == "de" else tuple(f for f in FIELDS[kind] if f.translatable)
    schema = "../" * depth + f"{SCHEMA_FOLDER}/{schema_file(kind, lang)}"
    # The schema line stands inside the front matter: MkDocs finds front matter only at the very start.
    lines = ["---", f"# yaml-language-server: $schema={schema}"]
    lines += _comment(f"{_intro(kind, lang).format(slug=slug)} {_HOW[lang]}", 0)
    prefill = {"titel": title} if lang == "de" and title else {}
    for spec in declared:
        lines += _field(spec, vocab, 0, prefill.get(spec.name), lang=lang)
    lines += ["---", "", _BODY[lang], ""]
    return "\n".join(lines)


def glossary_template(*, slug: str, vocab: dict[str, Vocabulary], title: str = "") -> str:
    """One term for ``docs/glossar.yml``, to be appended to the file."""
    lines = _comment(f"A glossary term (Begriff). {_HOW['en']}", 0) + [f"{slug}:"]
    for spec in FIELDS["begriff"]:
        lines += _field(spec, vocab, 2, title if spec.name == "begriff" else None)
    return "\n".join(lines) + "\n"


def templates(*, vocab: dict[str, Vocabulary]) -> dict[str, str]:
    """Blank templates by file name, to copy where the web editor is all an editor has."""
    files = {}
    for kind in ENTRY_FOLDERS.values():
        for lang in LANGUAGES:
            name = f"{kind}.md" if lang == DEFAULT_LANGUAGE else f"{kind}.{lang}.md"
            files[name] = entry_template(kind=kind, lang=lang, slug="<slug>", vocab=vocab)
    files["begriff.yml"] = glossary_template(slug="neuer-begriff", vocab=vocab)
    return files


def _field(spec: Field, vocab: dict[str, Vocabulary], indent: int, prefill: str | None = None, *,
           lang: str = "en") -> list[str]:
    pad = " " * indent
    lines = _comment(_explain(spec, vocab, lang), indent)
    if spec.type == "bilingual":
        return lines + [f"{pad}{spec.name}:", f"{pad}  de:{_scalar(prefill)}", f"{pad}  en:"]
    if spec.type == "object":
        inner = [line for sub in spec.fields for line in _field(sub, vocab, indent + 2, lang=lang)]
        return lines + [f"{pad}{spec.name}:", *(inner if spec.required else _folded(spec.fields, vocab, indent + 2,
                                                                                   lang=lang))]
    if spec.type == "list" and spec.item is not None and spec.item.type == "object":
        if not spec.required:
            return lines + [f"{pad}{spec.name}:", *_folded(spec.item.fields, vocab, indent + 2, item=True, lang=lang)]
        inner = [line for sub in spec.item.fields for line in _field(sub, vocab, indent + 4, lang=lang)]
        first = next(i for i, line in enumerate(inner) if not line.lstrip().startswith("#"))
        inner[first] = f"{pad}  - {inner[first].lstrip()}"
        inner[:first] = [f"{pad}  {line.lstrip()}" for line in inner[:first]]
        return lines + [f"{pad}{spec.name}:", *inner]
    if spec.type == "list" and spec.item is not None and spec.item.type == "text":
        return lines + [f"{pad}{spec.name}:", f"{pad}  # - {_doc(spec.item, lang)}"]
    if spec.type == "list":
        return lines + [f"{pad}{spec.name}: []"]
    return lines + [f"{pad}{spec.name}:{_scalar(prefill)}"]


def _folded(fields: tuple[Field, ...], vocab: dict[str, Vocabulary], indent: int, *, item: bool = False,
            lang: str = "en") -> list[str]:
    """An optional group shown commented out: removing the '# ' before a line makes it a field."""
    pad = " " * indent
    lines = []
    for i, spec in enumerate(fields):
        lead = ("- " if i == 0 else "  ") if item else ""
        value = " []" if spec.type == "list" and spec.item is not None and spec.item.type != "text" else ""
        lines.append(f"{pad}# {lead}{spec.name}:{value}  # {_explain(spec, vocab, lang)}")
    return lines


def _doc(spec: Field, lang: str) -> str:
    return GERMAN_DOCS.get(spec.doc, spec.doc) if lang == "de" else spec.doc


def _explain(spec: Field, vocab: dict[str, Vocabulary], lang: str = "en") -> str:
    words = _WORDS[lang]
    need = words["required"] if spec.required else words["optional"]
    doc = _doc(spec, lang)
    return f"{doc[0].upper()}{doc[1:]}. {need}; {_kind_of_value(spec, vocab, lang)}."


@dataclass(frozen=True)
class _Writer:
    """What a field type needs to explain its value (field_types.TemplateWriting)."""

    vocab: dict[str, Vocabulary]
    lang: str

    @property
    def words(self) -> dict[str, str]:
        return _WORDS[self.lang]

    def limit(self, spec: Field) -> str:
        words = self.words
        bounds = [words["at_least"].format(n=f"{spec.minimum:g}") if spec.minimum is not None else "",
                  words["at_most"].format(n=f"{spec.maximum:g}") if spec.maximum is not None else ""]
        return words["and"].join(b for b in bounds if b)

    def keys(self, spec: Field) -> str:
        return _keys(spec, self.vocab, self.lang)

    def first(self, spec: Field) -> list[str]:
        return _first(spec, self.vocab)

    def refs(self, ref: str | None) -> str:
        """What a slug of the kind ``ref`` is and where the editor finds it."""
        kind = KINDS.get(ref or "")
        if kind is None:
            return self.words["slugs"]
        if not kind.pages:  # glossary terms: keys of one file
            return self.words["term_slugs"]
        kinds = label(self.lang, f"collection_{kind.name}")
        if self.lang not in _CAPITALISED_NOUNS:  # "Model projects" in the middle of a sentence
            kinds = kinds.lower()
        return self.words["slugs_of"].format(kinds=kinds, folder=kind.folder)


def _kind_of_value(spec: Field, vocab: dict[str, Vocabulary], lang: str = "en") -> str:
    return field_type(spec).described(spec, _Writer(vocab, lang))


def _keys(spec: Field, vocab: dict[str, Vocabulary], lang: str = "en") -> str:
    known = vocab.get(spec.vocab or "")
    return ", ".join(known.values) if known else _WORDS[lang]["vocab_keys"].format(vocab=spec.vocab)


def _first(spec: Field, vocab: dict[str, Vocabulary]) -> list[str]:
    known = vocab.get(spec.item.vocab or "") if spec.item else None
    return list(known.values)[:2] if known else ["key"]


def _comment(text: str, indent: int) -> list[str]:
    pad = " " * indent
    # A no-break space keeps "'- '" on one line; it becomes a plain space again after wrapping.
    lines = textwrap.wrap(text.replace("'- '", "'-\u00a0'"), WIDTH - indent, initial_indent=f"{pad}# ",
                          subsequent_indent=f"{pad}# ", break_on_hyphens=False, break_long_words=False)
    return [line.replace("\u00a0", " ") for line in lines]


def _scalar(value: str | None) -> str:
    if not value:
        return ""
    # YAML's own writer quotes a title only where YAML would misread it ("Ja", "10:30", ...).
    return " " + yaml.safe_dump(value, allow_unicode=True, width=10_000).split("\n")[0]
