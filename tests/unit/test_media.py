"""Citations without a build: special characters survive BibTeX and RIS as the parsers read them, and a
reference gives only what is known of a medium."""

from __future__ import annotations

from datetime import date

import rispy

from support.media_records import read_bibtex
from toolkit.content.model import Entry
from toolkit.render import citation


def test_special_characters_survive_bibtex_and_ris() -> None:
    medium = Entry("medium", "sonderzeichen", {
        "titel": "Wege & Ziele: 100 % {Kleinstadt} #1 – Straße_Ä",
        "art": "bericht", "verlag": "Amt für Stadt- & Raumfragen", "sprachen": ["de"],
        "autoren": [{"name": "Müller-Lüdenscheidt", "vorname": "Hans-Peter"},
                    {"name": "Bundesinstitut für Bau-, Stadt- und Raumforschung"}],
        "jahr": 2020, "webadresse": "https://example.org/a?b=1&c=%20", "geprueft_am": date(2026, 1, 2),
    })
    record = read_bibtex(citation.bibtex(medium))["sonderzeichen"]
    # The parser gives LaTeX back as written: unescaped, it is the source's text.
    unescape = {r"\&": "&", r"\%": "%", r"\{": "{", r"\}": "}", r"\#": "#", r"\_": "_"}
    title = record["title"][1:-1]
    for escaped, char in unescape.items():
        title = title.replace(escaped, char)
    assert title == medium.data["titel"]
    assert record["author"] == "Müller-Lüdenscheidt, Hans-Peter and {Bundesinstitut für Bau-, Stadt- und Raumforschung}"
    assert record["url"] == medium.data["webadresse"] and record["urldate"] == "2026-01-02"
    (ris,) = rispy.loads(citation.ris(medium))
    assert ris["title"] == medium.data["titel"] and ris["access_date"] == "2026/01/02"
    assert ris["authors"] == ["Müller-Lüdenscheidt, Hans-Peter", "Bundesinstitut für Bau-, Stadt- und Raumforschung"]


def test_the_reference_gives_only_what_is_known() -> None:
    edited = Entry("medium", "x", {"titel": "Planungspraxis. Neue Materialien", "art": "buch", "jahr": 2018,
                                   "verlag": "Verlag", "herausgeber": [{"name": "Wékel", "vorname": "Julia Maria"},
                                                                       {"name": "Ohnsorge"}]})
    assert citation.reference(edited, "de") == "Wékel, J. M., Ohnsorge (Hrsg.) (2018): Planungspraxis. Neue Materialien. Verlag."
    assert citation.reference(edited, "en") == "Wékel, J. M., Ohnsorge (eds.) (2018): Planungspraxis. Neue Materialien. Verlag."
    bare = Entry("medium", "y", {"titel": "Was ist das? Einfach erklärt!", "art": "film",
                                 "webadresse": "https://example.org/film"})
    assert citation.reference(bare, "de") == "Was ist das? Einfach erklärt! (o. J.). Online: https://example.org/film"
    assert citation.reference(bare, "en") == "Was ist das? Einfach erklärt! (n.d.). Online: https://example.org/film"
