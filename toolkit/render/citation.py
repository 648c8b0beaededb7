"""Citing a medium: a formatted reference to copy, BibTeX and RIS for reference managers.

Everything comes from the medium's own fields and leaves out what a source does not give: no
"o. O." for an unknown place, no invented year. The files hold the medium as published (its
title is never translated), so they are the same for both languages and are written once, at
the German addresses: ``medien/<slug>/<slug>.bib`` and ``.ris`` beside each page, and every
medium in ``daten/medien.bib`` and ``daten/medien.ris``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from toolkit.content import urls
from toolkit.content.labels import label
from toolkit.content.model import DEFAULT_LANGUAGE, Entry, KnowledgeBase

KIND = "medium"
BIBTEX_SUFFIX = ".bib"
RIS_SUFFIX = ".ris"
ALL_FILE = "daten/medien"  # + .bib / .ris

# art (docs/vokabular.yml) -> BibTeX entry type, RIS reference type, schema.org type. Reports
# and guides from institutions are technical reports to BibTeX; films, podcasts and websites
# have no type of their own there and are @misc with their address.
TYPES: dict[str, tuple[str, str, str]] = {
    "studie": ("techreport", "RPRT", "Report"),
    "bericht": ("techreport", "RPRT", "Report"),
    "leitfaden": ("techreport", "RPRT", "Report"),
    "arbeitshilfe": ("techreport", "GEN", "CreativeWork"),
    "broschuere": ("booklet", "PAMP", "CreativeWork"),
    "film": ("misc", "VIDEO", "VideoObject"),
    "podcast": ("misc", "SOUND", "PodcastEpisode"),
    "website": ("misc", "ELEC", "WebSite"),
    "buch": ("book", "BOOK", "Book"),
}
DEFAULT_TYPE = ("misc", "GEN", "CreativeWork")
# Kinds that are not read: the reference names what they are after the title, "[Film]".
NAMED_KINDS = ("film", "podcast", "website")
# The language keys of docs/vokabular.yml (sprachen) as BibTeX's language names (babel's).
BIBTEX_LANGUAGES = {"de": "german", "en": "english"}


@dataclass(frozen=True)
class Name:
    surname: str  # a person's surname, or an institution's full name
    given: str = ""

    @property
    def institution(self) -> bool:
        """A name of several words with no given names is an institution's ("Bundesinstitut für …");
        a single word without given names is a person known by surname only."""
        return not self.given and " " in self.surname.strip()


def names(entry: Entry, field: str) -> list[Name]:
    return [Name(p["name"], p.get("vorname", "")) for p in entry.get(field, [])]


# -- the formatted reference --------------------------------------------------------------------

def initials(given: str) -> str:
    """``Norbert R.`` -> ``N. R.``; ``Hans-Peter`` -> ``H.-P.``."""
    parts = []
    for word in given.split():
        parts.append("-".join(f"{piece[0]}." for piece in word.split("-") if piece))
    return " ".join(parts)


def short_name(name: Name) -> str:
    if name.institution or not name.given:
        return name.surname
    return f"{name.surname}, {initials(name.given)}"


def reference(entry: Entry, lang: str, kb: KnowledgeBase | None = None) -> str:
    """The reference as one line of plain text, in the reader's language's conventions.

    ``Wékel, Ohnsorge, Zdiara (Hrsg.) (2018): Titel. Verlag.`` Only the known parts appear; an
    unknown year is said so (o. J. / n.d.), as a reader would otherwise look for one.
    """
    authors, editors = names(entry, "autoren"), names(entry, "herausgeber")
    lead = ", ".join(short_name(n) for n in authors)
    if not authors and editors:
        lead = ", ".join(short_name(n) for n in editors) + f" ({label(lang, 'editors_short')})"
    year = str(entry.get("jahr")) if entry.get("jahr") else ("o. J." if lang == DEFAULT_LANGUAGE else "n.d.")
    title = entry.data["titel"].rstrip()
    if entry.data.get("art") in NAMED_KINDS and kb is not None and "art" in kb.vocab:
        title += f" [{kb.vocab['art'].label(entry.data['art'], lang)}]"
    parts = [f"{lead} ({year}): {_sentence(title)}" if lead else f"{title} ({year})."]
    if authors and editors:  # the authors lead; the editors follow as in "Hrsg. von …"
        parts.append(_sentence(label(lang, "edited_by", names=", ".join(short_name(n) for n in editors))))
    place, publisher = entry.get("ort"), entry.get("verlag")
    if place and publisher:
        parts.append(_sentence(f"{place}: {publisher}"))
    elif place or publisher:
        parts.append(_sentence(place or publisher))
    if entry.get("webadresse"):
        checked = entry.get("geprueft_am")
        online = "Online: " + entry.data["webadresse"]
        if isinstance(checked, date):
            online += " (" + label(lang, "url_checked", date=_day(checked, lang)) + ")"
        parts.append(online)
    return " ".join(parts)


def _sentence(text: str) -> str:
    """A part of the reference ends with one full stop (none added after ! or ?)."""
    text = text.rstrip()
    return text if text.endswith((".", "!", "?")) else text + "."


def _day(value: date, lang: str) -> str:
    return f"{value.day}.{value.month}.{value.year}" if lang == DEFAULT_LANGUAGE else value.isoformat()


# -- BibTeX ---------------------------------------------------------------------------------------

# Characters LaTeX reads as commands; braces are escaped so that an odd one cannot unbalance
# the entry. Umlauts and other letters stay as UTF-8 (biber and BibTeX 8-bit read them).
_LATEX = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "%": r"\%", "&": r"\&", "$": r"\$", "#": r"\#",
          "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}
_LATEX_PATTERN = re.compile("|".join(re.escape(c) for c in _LATEX))


def latex(text: str) -> str:
    return _LATEX_PATTERN.sub(lambda m: _LATEX[m.group(0)], " ".join(text.split()))


def _bib_name(name: Name) -> str:
    if name.institution:
        return "{" + latex(name.surname) + "}"  # braced: BibTeX must not split it into given names
    return latex(name.surname) + (", " + latex(name.given) if name.given else "")


def bibtex(entry: Entry) -> str:
    """One BibTeX entry; its key is the slug. Titles are braced twice so that the nouns of a
    German title keep their capitals in any bibliography style."""
    kind, _, _ = TYPES.get(entry.data.get("art", ""), DEFAULT_TYPE)
    if kind == "techreport" and not entry.get("verlag"):
        kind = "misc"  # a technical report names its institution; without one it is a plain entry
    fields: list[tuple[str, str]] = []
    for field, key in (("autoren", "author"), ("herausgeber", "editor")):
        people = names(entry, field)
        if people:
            fields.append((key, " and ".join(_bib_name(n) for n in people)))
    fields.append(("title", "{" + latex(entry.data["titel"]) + "}"))
    if entry.get("jahr"):
        fields.append(("year", str(entry.data["jahr"])))
    if entry.get("verlag"):
        fields.append(("institution" if kind == "techreport" else "publisher", latex(entry.data["verlag"])))
    if entry.get("ort"):
        fields.append(("address", latex(entry.data["ort"])))
    if entry.get("webadresse"):
        fields.append(("url", _bib_url(entry.data["webadresse"])))
        if isinstance(entry.get("geprueft_am"), date):
            fields.append(("urldate", entry.data["geprueft_am"].isoformat()))
    languages = [BIBTEX_LANGUAGES[k] for k in entry.get("sprachen", []) if k in BIBTEX_LANGUAGES]
    if languages:
        fields.append(("language", " and ".join(languages)))
    if entry.get("lizenz"):
        fields.append(("note", latex(entry.data["lizenz"])))
    width = max(len(k) for k, _ in fields)
    body = ",\n".join(f"  {k.ljust(width)} = {{{v}}}" for k, v in fields)
    return f"@{kind}{{{entry.slug},\n{body}\n}}\n"


def _bib_url(url: str) -> str:
    # The url field is read verbatim; only braces could end it early.
    return url.replace("{", "%7B").replace("}", "%7D")


# -- RIS -------------------------------------------------------------------------------------------

RIS_NEWLINE = "\r\n"  # the RIS specification's line end


def ris(entry: Entry) -> str:
    """One RIS record: ``TAG  - value`` lines, ending with ``ER  - ``."""
    _, kind, _ = TYPES.get(entry.data.get("art", ""), DEFAULT_TYPE)
    lines = [("TY", kind)]
    lines += [("AU", _ris_name(n)) for n in names(entry, "autoren")]
    lines += [("A2", _ris_name(n)) for n in names(entry, "herausgeber")]
    lines.append(("TI", entry.data["titel"]))
    if entry.get("jahr"):
        lines.append(("PY", str(entry.data["jahr"])))
    if entry.get("verlag"):
        lines.append(("PB", entry.data["verlag"]))
    if entry.get("ort"):
        lines.append(("CY", entry.data["ort"]))
    if entry.get("webadresse"):
        lines.append(("UR", entry.data["webadresse"]))
        if isinstance(entry.get("geprueft_am"), date):
            lines.append(("Y2", entry.data["geprueft_am"].strftime("%Y/%m/%d")))
    lines += [("LA", code) for code in entry.get("sprachen", [])]
    if entry.get("lizenz"):
        lines.append(("N1", entry.data["lizenz"]))
    lines.append(("ID", entry.slug))
    text = "".join(f"{tag}  - {' '.join(str(value).split())}{RIS_NEWLINE}" for tag, value in lines)
    return text + f"ER  - {RIS_NEWLINE}"


def _ris_name(name: Name) -> str:
    return name.surname if name.institution or not name.given else f"{name.surname}, {name.given}"


# -- files -----------------------------------------------------------------------------------------

def file_base(slug: str) -> str:
    """``medien/<slug>/<slug>`` below the site root, the German page's folder."""
    return urls.entry_url(KIND, slug, DEFAULT_LANGUAGE) + slug


def citation_files(kb: KnowledgeBase) -> dict[str, bytes]:
    """Every medium's BibTeX and RIS file, and one of each with all media (by slug)."""
    media = sorted(kb.collection(KIND).values(), key=lambda e: e.slug)
    files: dict[str, bytes] = {}
    for medium in media:
        files[file_base(medium.slug) + BIBTEX_SUFFIX] = bibtex(medium).encode("utf-8")
        files[file_base(medium.slug) + RIS_SUFFIX] = ris(medium).encode("utf-8")
    files[ALL_FILE + BIBTEX_SUFFIX] = "\n".join(bibtex(m) for m in media).encode("utf-8")
    files[ALL_FILE + RIS_SUFFIX] = (RIS_NEWLINE.join(ris(m) for m in media)).encode("utf-8")
    return files


# -- schema.org -------------------------------------------------------------------------------------

def schema_org(entry: Entry, lang: str, address: str, description: str) -> dict[str, Any]:
    """The medium as schema.org data for the page's JSON-LD."""
    _, _, kind = TYPES.get(entry.data.get("art", ""), DEFAULT_TYPE)
    data: dict[str, Any] = {"@type": kind, "name": entry.data["titel"], "description": description,
                            "url": entry.get("webadresse") or address, "mainEntityOfPage": address}
    for field, key in (("autoren", "author"), ("herausgeber", "editor")):
        people = names(entry, field)
        if people:
            data[key] = [_thing(n) for n in people]
    if entry.get("jahr"):
        data["datePublished"] = str(entry.data["jahr"])
    if entry.get("verlag"):
        data["publisher"] = {"@type": "Organization", "name": entry.data["verlag"]}
    if entry.get("sprachen"):
        data["inLanguage"] = list(entry.data["sprachen"])
    if entry.get("lizenz"):
        data["license"] = entry.data["lizenz"]
    return data


def _thing(name: Name) -> dict[str, str]:
    if name.institution:
        return {"@type": "Organization", "name": name.surname}
    person = {"@type": "Person", "familyName": name.surname, "name": f"{name.given} {name.surname}".strip()}
    if name.given:
        person["givenName"] = name.given
    return person
