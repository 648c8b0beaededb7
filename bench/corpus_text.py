"""Words and sentences for the synthetic benchmark corpus: German-looking and English-looking filler.

The sentences are grammatical enough to look like real prose to a search index and a Markdown
parser (umlauts, long compounds, punctuation), and say nothing about any real town or project.
Every choice comes from the caller's seeded random generator, so a corpus is reproducible.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

# Adjectives of tool titles: German stem (declined by the noun's gender) and English word.
ADJECTIVES = [
    ("mobil", "Mobile"), ("digital", "Digital"), ("offen", "Open"), ("gemeinsam", "Joint"),
    ("klein", "Small"), ("regional", "Regional"), ("kurz", "Short"), ("lang", "Long"),
    ("kreativ", "Creative"), ("modular", "Modular"), ("hybrid", "Hybrid"), ("lokal", "Local"),
    ("schnell", "Quick"), ("ruhig", "Quiet"), ("grün", "Green"), ("jung", "Young"),
    ("kommunal", "Municipal"), ("praktisch", "Practical"), ("partizipativ", "Participatory"),
    ("experimentell", "Experimental"), ("saisonal", "Seasonal"), ("ländlich", "Rural"),
]
# Nouns of tool titles: German compound, grammatical gender (f, m, n) and English phrase.
NOUNS = [
    ("Ortskernwerkstatt", "f", "town-centre workshop"), ("Zukunftskonferenz", "f", "future conference"),
    ("Bürgerrunde", "f", "citizens' round"), ("Stadtteilbegehung", "f", "neighbourhood walk"),
    ("Ideenbörse", "f", "ideas exchange"), ("Leerstandsbörse", "f", "vacancy exchange"),
    ("Planungszelle", "f", "planning cell"), ("Lernwerkstatt", "f", "learning workshop"),
    ("Sprechstunde", "f", "consultation hour"), ("Fotosafari", "f", "photo safari"),
    ("Marktplatzaktion", "f", "market-square campaign"), ("Datenanalyse", "f", "data analysis"),
    ("Mobilitätsbefragung", "f", "mobility survey"), ("Jugendbeteiligung", "f", "youth participation"),
    ("Stammtisch", "m", "regulars' table"), ("Rundgang", "m", "walking tour"),
    ("Beirat", "m", "advisory board"), ("Dialog", "m", "dialogue"), ("Wettbewerb", "m", "competition"),
    ("Leitfaden", "m", "guide"), ("Fonds", "m", "fund"), ("Quartiersrat", "m", "neighbourhood council"),
    ("Ideenwettbewerb", "m", "ideas competition"), ("Austausch", "m", "exchange"),
    ("Lenkungskreis", "m", "steering group"), ("Themenabend", "m", "theme evening"),
    ("Reallabor", "n", "real-world lab"), ("Forum", "n", "forum"), ("Planspiel", "n", "planning game"),
    ("Netzwerktreffen", "n", "network meeting"), ("Coaching", "n", "coaching"),
    ("Mentoring", "n", "mentoring"), ("Leitbild", "n", "vision statement"), ("Kataster", "n", "register"),
    ("Stadtlabor", "n", "urban lab"), ("Webinar", "n", "webinar"), ("Bürgerbudget", "n", "citizens' budget"),
    ("Zwischennutzungsprojekt", "n", "interim-use project"), ("Erzählcafé", "n", "story café"),
]
ENDINGS = {"f": "e", "m": "er", "n": "es"}
# Who a tool is aimed at, appended to some titles.
FOCUS = [
    ("für Jugendliche", "for young people"), ("für Ältere", "for older people"),
    ("für Vereine", "for associations"), ("für Neuzugezogene", "for newcomers"),
    ("für den Rat", "for the council"), ("für Betriebe", "for businesses"),
    ("im Ortsteil", "in the district"), ("im Verbund", "in the network"),
    ("am Wochenende", "at the weekend"), ("vor Ort", "on site"), ("im Netz", "online"),
]

# Glossary terms: German compound = prefix + suffix; English = prefix + suffix phrase.
TERM_PREFIXES = [
    ("Quartiers", "neighbourhood"), ("Ortskern", "town-centre"), ("Leerstands", "vacancy"),
    ("Bürger", "citizen"), ("Stadtumbau", "urban-renewal"), ("Dorf", "village"),
    ("Regional", "regional"), ("Mobilitäts", "mobility"), ("Klima", "climate"),
    ("Bildungs", "education"), ("Innenstadt", "inner-city"), ("Flächen", "land"),
    ("Zentren", "centres"), ("Wohnraum", "housing"), ("Versorgungs", "supply"),
    ("Kooperations", "cooperation"), ("Beteiligungs", "participation"), ("Daten", "data"),
    ("Energie", "energy"), ("Nahversorgungs", "local-shopping"), ("Kultur", "culture"),
    ("Tourismus", "tourism"), ("Ehrenamts", "volunteering"), ("Verkehrs", "transport"),
]
# German suffix, the ending of its genitive ("" for feminine nouns, which keep their form) and English.
TERM_SUFFIXES = [
    ("fonds", "", "fund"), ("management", "s", "management"), ("lotse", "n", "guide"),
    ("konzept", "s", "concept"), ("rat", "s", "council"), ("bündnis", "ses", "alliance"),
    ("monitoring", "s", "monitoring"), ("kataster", "s", "register"), ("agentur", "", "agency"),
    ("programm", "s", "programme"), ("netzwerk", "s", "network"), ("strategie", "", "strategy"),
    ("verfahren", "s", "procedure"), ("vertrag", "s", "agreement"), ("zentrum", "s", "centre"),
    ("bilanz", "", "balance"),
]

# Town names: first part + second part, sometimes "an der <river>".
TOWN_FIRST = [
    "Linden", "Eichen", "Birken", "Buchen", "Erlen", "Roden", "Stein", "Mühl", "Wald", "Wiesen",
    "Kirch", "Markt", "Sonnen", "Rosen", "Falken", "Hirsch", "Wolfs", "Bären", "Königs", "Neu",
    "Alt", "Ober", "Nieder", "Hohen",
]
TOWN_SECOND = [
    "berg", "feld", "hausen", "dorf", "stadt", "burg", "hagen", "tal", "au", "bach", "heim",
    "walde", "brück", "rode", "stedt", "ingen",
]
RIVERS = ["Elster", "Saale", "Lahn", "Fulda", "Werra", "Ilm", "Oder", "Aller", "Leine", "Mosel", "Nahe", "Tauber"]

_DE_SUBJECTS = [
    "Die Verwaltung", "Der Gemeinderat", "Eine kleine Arbeitsgruppe", "Das Stadtmarketing",
    "Die Bürgermeisterin", "Der Bürgermeister", "Ein örtlicher Verein", "Die Nachbarstadt",
    "Das Quartiersbüro", "Eine Gruppe Jugendlicher", "Die Wirtschaftsförderung", "Der Heimatverein",
    "Die Moderation", "Das Planungsbüro", "Die Kirchengemeinde", "Eine Hochschule aus der Region",
]
_DE_VERBS = [
    "lädt", "sammelt", "bespricht", "prüft", "dokumentiert", "verbindet", "plant", "ordnet",
    "erprobt", "begleitet", "vergleicht", "beschreibt", "entwickelt", "gewichtet",
]
_DE_OBJECTS = [
    "die Ideen der Teilnehmenden", "erste Vorschläge für den Marktplatz", "die Ergebnisse der Befragung",
    "offene Fragen zur Nahversorgung", "Wünsche für leer stehende Läden", "Wege zur Schule und zur Arbeit",
    "die Zahlen zur Bevölkerungsentwicklung", "Beispiele aus anderen Kleinstädten",
    "einen Zeitplan für die nächsten Monate", "die Zuständigkeiten im Rathaus",
    "Angebote für ältere Menschen", "Treffpunkte im Ortskern", "Fördermöglichkeiten von Land und Bund",
]
_DE_TAILS = [
    "in einem hellen Raum mit viel Wandfläche", "an zwei Abenden im Herbst", "gemeinsam mit dem Rat",
    "ohne großen Aufwand", "mit Karten, Stiften und Klebepunkten", "in kleinen Gruppen",
    "bevor eine Entscheidung fällt", "im Gemeindehaus", "auf dem Wochenmarkt", "über mehrere Wochen",
    "mit Unterstützung von außen", "und hält alles in einem kurzen Protokoll fest",
]
_DE_OPENERS = [
    "Zuerst", "Danach", "Oft", "Meist", "In vielen Fällen", "Erfahrungsgemäß", "Am Ende",
    "Zwischendurch", "Gerade in kleinen Städten", "Wenn es gut läuft",
]
_DE_REMARKS = [
    "Das kostet wenig Geld, aber etwas Geduld.", "Wichtig ist, früh zu sagen, was mit den Ergebnissen geschieht.",
    "Wer persönlich einlädt, erreicht mehr Menschen als über das Amtsblatt.",
    "Eine feste Ansprechperson im Rathaus macht vieles leichter.",
    "Kurze Wege und vertraute Orte senken die Schwelle zum Mitmachen.",
    "Nicht jede Idee lässt sich sofort umsetzen; manche brauchen einen zweiten Anlauf.",
    "Ein kleiner Imbiss und eine Kinderbetreuung wirken manchmal Wunder.",
    "Die Ergebnisse sollten allen zugänglich sein, auch denen, die nicht dabei waren.",
]
_EN_SUBJECTS = [
    "The administration", "The town council", "A small working group", "The town marketing office",
    "The mayor", "A local association", "The neighbouring town", "The neighbourhood office",
    "A group of young people", "The economic development office", "The local history society",
    "The facilitator", "The planning office", "The parish", "A regional university",
]
_EN_VERBS = [
    "collects", "discusses", "reviews", "documents", "connects", "plans", "sorts", "tests",
    "supports", "compares", "describes", "develops", "weighs",
]
_EN_OBJECTS = [
    "the participants' ideas", "first proposals for the market square", "the results of the survey",
    "open questions about local shops", "wishes for empty shop fronts", "routes to school and work",
    "the figures on population change", "examples from other small towns", "a schedule for the coming months",
    "who is responsible in the town hall", "services for older people", "meeting places in the centre",
    "funding from the state and federal government",
]
_EN_TAILS = [
    "in a bright room with plenty of wall space", "on two evenings in autumn", "together with the council",
    "without much effort", "with cards, pens and sticky dots", "in small groups", "before a decision is made",
    "in the community hall", "at the weekly market", "over several weeks", "with support from outside",
    "and keeps a short record of everything",
]
_EN_OPENERS = [
    "First", "Then", "Often", "Usually", "In many cases", "In our experience", "In the end",
    "Along the way", "Especially in small towns", "When things go well",
]
_EN_REMARKS = [
    "This costs little money but some patience.", "Say early on what will happen to the results.",
    "Personal invitations reach more people than a notice in the gazette.",
    "A fixed contact person in the town hall makes many things easier.",
    "Short distances and familiar places make it easier to take part.",
    "Not every idea can be put into practice at once; some need a second attempt.",
    "A small snack and childcare sometimes work wonders.",
    "The results should be open to everyone, including those who were not there.",
]

_WORDS = {
    "de": (_DE_OPENERS, _DE_SUBJECTS, _DE_VERBS, _DE_OBJECTS, _DE_TAILS, _DE_REMARKS),
    "en": (_EN_OPENERS, _EN_SUBJECTS, _EN_VERBS, _EN_OBJECTS, _EN_TAILS, _EN_REMARKS),
}


def sentence(rng: random.Random, lang: str) -> str:
    openers, subjects, verbs, objects, tails, remarks = _WORDS[lang]
    roll = rng.random()
    if roll < 0.2:
        return rng.choice(remarks)
    subject, verb, obj, tail = rng.choice(subjects), rng.choice(verbs), rng.choice(objects), rng.choice(tails)
    if roll < 0.55:
        if lang == "de":  # German puts the verb second, after an opener
            return f"{rng.choice(openers)} {verb} {subject[0].lower() + subject[1:]} {obj} {tail}."
        return f"{rng.choice(openers)}, {subject[0].lower() + subject[1:]} {verb} {obj} {tail}."
    return f"{subject} {verb} {obj} {tail}."


def paragraph(rng: random.Random, lang: str, sentences: int, mentions: Sequence[str] = ()) -> str:
    """Sentences of filler; each of ``mentions`` (glossary terms, links) is worked into one."""
    parts = [sentence(rng, lang) for _ in range(sentences)]
    for i, mention in enumerate(mentions):
        where = i % len(parts)
        frame = (f"Dabei spielt {mention} eine Rolle." if lang == "de" else f"Here {mention} plays a part.")
        parts[where] = parts[where] + " " + frame
    return " ".join(parts)


def german_adjective(stem: str, gender: str) -> str:
    return stem[0].upper() + stem[1:] + ENDINGS[gender]
