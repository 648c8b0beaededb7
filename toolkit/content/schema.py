"""The declared fields of every kind of source: one source of truth.

The checker, the templates for new entries and the JSON Schemas are all derived from the
declarations below. Each field carries a one-line description for editors.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypedDict, Unpack


@dataclass(frozen=True)
class Field:
    name: str
    type: str  # text | int | number | date | url | email | choice | key | slug | list | object | bilingual
    doc: str
    required: bool = False
    # Text an English translation carries; every other field lives only in the German file.
    translatable: bool = False
    vocab: str | None = None  # type key: the vocabulary its value comes from
    ref: str | None = None  # type slug: the kind of entry it names
    item: Field | None = None  # type list: the declaration of one item
    fields: tuple[Field, ...] = ()  # type object: its fields
    minimum: float | None = None
    maximum: float | None = None
    example: object = None
    choices: tuple[str, ...] = ()  # type choice: the allowed values, when too few for a vocabulary
    # Type object: pairs of its fields (lower, upper) whose values must be in this order, e.g.
    # ("min", "max"); the checker reports a pair the wrong way round.
    order: tuple[tuple[str, str], ...] = ()
    # An operator fact the published site must show: while empty, a warning (an error in
    # 'check --publication') and a marked placeholder on the pages.
    publication: bool = False
    # type text: a regular expression the whole value must match, and how to write it, for the message
    pattern: str | None = None
    pattern_hint: str = ""


class Options(TypedDict, total=False):
    """What the helpers below pass on to a Field besides what they set themselves."""

    required: bool
    translatable: bool
    minimum: float | None
    maximum: float | None
    example: object
    choices: tuple[str, ...]


def text(name: str, doc: str, **kw: Unpack[Options]) -> Field:
    return Field(name, "text", doc, **kw)


def keys(name: str, doc: str, vocab: str, **kw: Unpack[Options]) -> Field:
    return Field(name, "list", doc, item=Field(name, "key", doc, vocab=vocab), **kw)


def slugs(name: str, doc: str, ref: str, **kw: Unpack[Options]) -> Field:
    return Field(name, "list", doc, item=Field(name, "slug", doc, ref=ref), **kw)


LINK = Field(
    "link",
    "object",
    "a reference: title and web address",
    fields=(
        text("titel", "title of the source, as published", required=True),
        Field("url", "url", "web address, starting with https:// or http://", required=True),
    ),
)

# The value of `richtwerte` that marks duration, participants and costs as the editors' estimates.
ESTIMATES_BY_EDITORS = "redaktion"

REVIEWED = Field("geprueft", "date", "date of the last editorial review, as YYYY-MM-DD", required=True)
TERMS = slugs("begriffe", "glossary terms this entry uses (more are detected in the text)", "begriff")
PREVIOUS = Field(
    "fruehere_slugs",
    "list",
    "former slugs of this entry; their old addresses keep working",
    item=Field("fruehere_slugs", "slug", "a former slug"),
)

WERKZEUG: tuple[Field, ...] = (
    text("titel", "name of the method or format", required=True, translatable=True),
    text("kurz", "one sentence: what it is", required=True, translatable=True),
    text("zweck", "why and when to use it", required=True, translatable=True),
    Field("formattyp", "key", "kind of format", required=True, vocab="formattyp"),
    keys("themen", "topics it serves", "themen", required=True),
    keys("ziel", "what it helps to achieve: its purposes", "ziel", required=True),
    keys("zielgruppen", "whom it is for", "zielgruppen", required=True),
    Field("modus", "key", "analog, digital or hybrid", required=True, vocab="modus"),
    Field("organisation", "key", "organised centrally or locally", required=True, vocab="organisation"),
    keys("reichweite", "local, regional or nationwide", "reichweite", required=True),
    text("dauer", "how long it takes, in words", required=True, translatable=True),
    Field("dauerklasse", "key", "coarse duration, for filtering", required=True, vocab="dauerklasse"),
    Field(
        "teilnehmende",
        "object",
        "how many people take part",
        fields=(
            Field("min", "int", "fewest participants", required=True, minimum=1),
            Field("max", "int", "most participants", required=True, minimum=1),
        ),
        order=(("min", "max"),),
    ),
    Field("aufwand", "key", "effort for the organisers", required=True, vocab="aufwand"),
    text("kosten", "rough costs, in words", translatable=True),
    Field("richtwerte", "text", "source of duration, participants, costs: 'redaktion' (editors' estimates)",
          example=ESTIMATES_BY_EDITORS),
    Field("ablauf", "list", "the steps, in order", required=True, translatable=True,
          item=text("ablauf", "one step: who does what, how long")),
    Field("tipps", "list", "practical tips", translatable=True, item=text("tipps", "one tip")),
    Field("quellen", "list", "sources and further reading", item=LINK),
    slugs("verwandt", "related tools (more are computed)", "werkzeug"),
    TERMS,
    # Medien
    slugs("medien", "media and literature this entry cites (slugs in docs/medien/)", "medium"),
    REVIEWED,
    PREVIOUS,
)

TOWN = Field(
    "ort",
    "object",
    "a town of the project",
    fields=(
        text("name", "official name of the town", required=True),
        Field("bundesland", "key", "federal state", required=True, vocab="bundesland"),
        Field("lagetyp", "key", "BBSR location type", vocab="lagetyp"),
        Field("breite", "number", "latitude in degrees, approximate", required=True, minimum=47.0, maximum=55.5),
        Field("laenge", "number", "longitude in degrees, approximate", required=True, minimum=5.5, maximum=15.5),
        Field("einwohner", "int", "population", minimum=1),
        Field("einwohner_jahr", "int", "year of the population figure", minimum=1900, maximum=2100),
    ),
)

MODELLVORHABEN: tuple[Field, ...] = (
    text("titel", "title of the project", required=True, translatable=True),
    text("kurz", "one sentence: what the project does", required=True, translatable=True),
    Field("orte", "list", "the towns of the network", required=True, item=TOWN),
    Field("partner", "list", "partners, e.g. a university", item=text("partner", "name of a partner")),
    Field("projektaufruf", "key", "the call for projects it was funded under", vocab="projektaufruf"),
    Field(
        "laufzeit",
        "object",
        "runtime in years",
        required=True,
        fields=(
            Field("von", "int", "first year", required=True, minimum=2000, maximum=2100),
            Field("bis", "int", "last year", minimum=2000, maximum=2100),
        ),
        order=(("von", "bis"),),
    ),
    text("foerderung", "funding, in words", translatable=True),
    keys("themen", "topics of the project", "themen", required=True),
    slugs("werkzeuge", "tools the project used or developed", "werkzeug", required=True),
    Field("ergebnisse", "list", "results", translatable=True, item=text("ergebnisse", "one result")),
    Field("links", "list", "web pages of the project", item=LINK),
    TERMS,
    # Medien
    slugs("medien", "media and literature this entry cites (slugs in docs/medien/)", "medium"),
    REVIEWED,
    PREVIOUS,
)

# Medien: a publication, film, podcast or website. Its bibliographic fields stay as published
# (the title is not translated); the citation files and the formatted reference come from them.
PERSON = Field(
    "person",
    "object",
    "a person or an institution",
    fields=(
        text("name", "surname of a person, or the full name of an institution", required=True),
        text("vorname", "given names of a person, where known; empty for an institution"),
    ),
)
MEDIUM: tuple[Field, ...] = (
    text("titel", "title as published, subtitle after a full stop; not translated", required=True),
    text("kurz", "one sentence: what the medium is about", required=True, translatable=True),
    Field("art", "key", "kind of medium", required=True, vocab="art"),
    Field("autoren", "list", "authors, in the order of the title page", item=PERSON),
    Field("herausgeber", "list", "editors (Hrsg.), when the medium names editors instead of authors", item=PERSON),
    text("verlag", "publisher or issuing institution"),
    text("ort", "place of publication"),
    Field("jahr", "int", "year of publication", minimum=1450, maximum=2100),
    Field("webadresse", "url", "web address of the medium, starting with https:// or http://"),
    Field("geprueft_am", "date", "date the web address was last opened and found working, as YYYY-MM-DD"),
    keys("sprachen", "languages of the medium", "sprachen", required=True),
    text("lizenz", "licence of the medium, where known, e.g. 'CC BY 4.0'"),
    keys("themen", "topics it covers", "themen", required=True),
    slugs("werkzeuge", "tools it describes or relates to", "werkzeug"),
    slugs("modellvorhaben", "model projects it describes or relates to", "modellvorhaben"),
    TERMS,
    REVIEWED,
    PREVIOUS,
)

BEGRIFF: tuple[Field, ...] = (
    Field("begriff", "bilingual", "the term, in German and English", required=True),
    text("abkuerzung", "abbreviation, if any"),
    Field("definition", "bilingual", "what it means, in German and English", required=True),
    Field(
        "varianten",
        "object",
        "other spellings to detect in texts",
        fields=(
            Field("de", "list", "German variants", item=text("de", "a variant")),
            Field("en", "list", "English variants", item=text("en", "a variant")),
        ),
    ),
    slugs("siehe_auch", "related terms", "begriff"),
    Field("links", "list", "further reading", item=LINK),
)

# Veranstaltungen
TIME = r"([01]?[0-9]|2[0-3]):[0-5][0-9]"


def clock(name: str, doc: str) -> Field:
    """A time of day, Europe/Berlin, written HH:MM."""
    return Field(name, "text", doc, pattern=TIME, pattern_hint="a time of day written HH:MM, e.g. 09:30")


VERANSTALTUNG: tuple[Field, ...] = (
    text("titel", "title of the event, as announced", required=True, translatable=True),
    text("kurz", "one sentence: what happens there", required=True, translatable=True),
    Field("beginn", "date", "first day, as YYYY-MM-DD (leave it out only for a past event documented without a date)"),
    Field("ende", "date", "last day, as YYYY-MM-DD, if the event lasts more than one day"),
    Field("uhrzeit", "object", "times of day in Berlin time; without them the event counts as all-day", fields=(
        clock("von", "when it starts on the first day, HH:MM"),
        clock("bis", "when it ends on the last day, HH:MM"),
    )),
    Field("zeitraum", "object", "only for a past event documented without a date: the years it took place in",
          fields=(
              Field("von", "int", "first year it may have taken place in", required=True, minimum=1990, maximum=2100),
              Field("bis", "int", "last year it may have taken place in", minimum=1990, maximum=2100),
          )),
    Field("ort", "object", "where it takes place on site (leave it out for an online-only event)", fields=(
        text("name", "the town", required=True),
        Field("bundesland", "key", "federal state", required=True, vocab="bundesland"),
        text("adresse", "venue and street, if known"),
        Field("breite", "number", "latitude of the town in degrees, approximate", required=True,
              minimum=47.0, maximum=55.5),
        Field("laenge", "number", "longitude of the town in degrees, approximate", required=True,
              minimum=5.5, maximum=15.5),
    )),
    Field("online", "object", "where it takes place online (leave it out for an event on site only)", fields=(
        text("plattform", "the video platform or tool, e.g. a video conference service", required=True),
        Field("url", "url", "where to join, if it is public"),
    )),
    Field("format", "slug", "the tool this event is an instance of (its slug in docs/werkzeuge/)", ref="werkzeug"),
    keys("themen", "topics of the event", "themen", required=True),
    keys("zielgruppen", "whom it is for", "zielgruppen"),
    text("veranstalter", "who organises it"),
    Field("anmeldung", "object", "how to register", fields=(
        Field("url", "url", "registration page"),
        Field("frist", "date", "registration deadline, as YYYY-MM-DD, on or before the first day"),
    )),
    text("kosten", "fee, in words (e.g. 'kostenfrei')", translatable=True),
    keys("barrierefreiheit", "what the venue offers for accessibility", "barrierefreiheit"),
    text("barrierefreiheit_hinweise", "further notes on accessibility", translatable=True),
    Field("status", "key", "planned, fully booked, cancelled or postponed; leave it out while it is planned",
          vocab="veranstaltungsstatus"),
    Field("links", "list", "programme, documentation or report", item=LINK),
    TERMS,
    REVIEWED,
    PREVIOUS,
)


def fact(name: str, doc: str, type: str = "text", **kw: Unpack[Options]) -> Field:
    """An operator fact the site needs before it is published."""
    return Field(name, type, doc, publication=True, **kw)


# docs/betreiber.yml: who runs the site. Every page that names the operator, its contacts or the
# repository reads them from there (toolkit/operator.py). Nothing here is required to build: an
# unset fact shows as a marked placeholder until the operator enters it.
BETREIBER: tuple[Field, ...] = (
    fact("name", "name of the body that runs the site (the provider under § 5 DDG)"),
    fact("rechtsform", "its legal form, e.g. 'Bundesoberbehörde' or 'eingetragener Verein'"),
    fact("art", "bund (public body of the Federation), land (of a Land or a municipality) or privat; "
                "it decides the legal basis named on the privacy page", "choice", choices=("bund", "land", "privat")),
    fact("anschrift", "postal address for service: street and number, postcode and town, in one line"),
    fact("e_mail", "e-mail address for enquiries about the site", "email"),
    fact("telefon", "telephone number for enquiries, e.g. '+49 228 12345-0'"),
    fact("vertreten_durch", "who represents the body by law, e.g. its president or its board"),
    text("register", "register and number, e.g. 'Vereinsregister Amtsgericht Bonn, VR 1234'; only if registered"),
    text("umsatzsteuer_id", "VAT identification number; only if the body has one"),
    Field("verantwortlich", "object", "responsible for the content under § 18 (2) MStV", fields=(
        fact("name", "name of the responsible person"),
        fact("anschrift", "their postal address, in one line"),
    )),
    Field("datenschutzbeauftragte", "object", "the data-protection officer", fields=(
        text("name", "their name or the office's title; may stay empty"),
        fact("e_mail", "their e-mail address", "email"),
        text("anschrift", "their postal address, if it differs from the operator's"),
    )),
    Field("datenschutzaufsicht", "object", "the supervisory authority for data protection over the operator",
          fields=(
              fact("name", "name of the authority, e.g. the Federal or the Land data-protection commissioner"),
              fact("anschrift", "its postal address, in one line"),
              fact("url", "its web address", "url"),
          )),
    Field("barrierefreiheit", "object", "where readers report barriers (accessibility statement)", fields=(
        fact("e_mail", "e-mail address for reports of barriers, answered within one month", "email"),
        text("telefon", "telephone number for reports of barriers; may stay empty"),
    )),
    Field("schlichtungsstelle", "object", "the enforcement body for accessibility (conciliation under § 16 BGG)",
          fields=(
              fact("name", "its name"),
              fact("url", "its web address", "url"),
          )),
    Field("repository", "object", "where the site's sources live on GitHub: edit links, contribute page", fields=(
        fact("besitzer", "the owner on GitHub (user or organisation), as in github.com/<owner>/<name>"),
        fact("name", "the repository's name, as in github.com/<owner>/<name>"),
        fact("zweig", "the branch that is published, usually main"),
    )),
    Field("hosting", "object", "who serves the site to readers (named on the privacy page)", fields=(
        fact("dienst", "the hosting service"),
        fact("anbieter", "the company that provides it"),
        fact("sitz", "where that company is based"),
        fact("url", "the provider's description of what it logs", "url"),
    )),
)
