"""A synthetic, reproducible benchmark corpus: the real site with made-up entries.

``python bench/corpus.py --tools N --projects M --terms K --events E --media F DEST`` writes
into DEST a complete site: the project's own ``mkdocs.yml``, ``hooks/``, ``overrides/`` and hand-written pages, its
vocabularies and figures, and N tools, M model projects and K glossary terms in German and
English, and E events and F media. The entries use every field and every vocabulary value (once the corpus is large
enough to hold them all), name each other (``verwandt``, ``werkzeuge``, ``begriffe``,
``siehe_auch``), link each other in their text and mention glossary terms there. The same
arguments and seed always give the same files, so anyone can reproduce a benchmark.

Benchmark tooling, not part of the shipped package: it imports ``toolkit`` (the project's own
vocabularies, slugs and folders), and nothing in ``toolkit`` imports it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

import corpus_text as words
from toolkit.content.conventions import DESCRIPTION_MAX
from toolkit.content.kinds import ENTRY_KINDS
from toolkit.content.slug import slugify
from toolkit.sources.load import COLLECTION_PAGES, GLOSSARY_FILE
from toolkit.sources.problems import Problems
from toolkit.sources.vocabulary import load_vocabularies

REPO = Path(__file__).resolve().parent.parent
MARKER = "CORPUS.txt"
# What a corpus takes from the project as it is; entries are replaced.
PROJECT_FILES = ("mkdocs.yml",)
PROJECT_FOLDERS = ("hooks", "overrides", "docs")
ENTRY_FOLDERS = tuple(kind.folder for kind in ENTRY_KINDS)
# Hand-written pages link to entries and glossary terms by slug; those slugs must exist.
_ENTRY_LINK = re.compile(r"\b(werkzeuge|modellvorhaben)/([a-z0-9]+(?:-[a-z0-9]+)*)\.md\b")
_TERM_LINK = re.compile(r"\bglossar\.md#([a-z0-9]+(?:-[a-z0-9]+)*)")

# Rough centres of the federal states, so that towns fall inside Germany on the map.
STATE_CENTRES = {
    "baden-wuerttemberg": (48.6, 9.0, 0.5), "bayern": (48.9, 11.4, 0.7), "berlin": (52.52, 13.40, 0.05),
    "brandenburg": (52.4, 13.3, 0.5), "bremen": (53.08, 8.80, 0.03), "hamburg": (53.55, 10.0, 0.05),
    "hessen": (50.6, 9.0, 0.4), "mecklenburg-vorpommern": (53.8, 12.5, 0.4), "niedersachsen": (52.7, 9.3, 0.6),
    "nordrhein-westfalen": (51.5, 7.5, 0.4), "rheinland-pfalz": (49.9, 7.4, 0.3), "saarland": (49.4, 6.95, 0.1),
    "sachsen": (51.0, 13.3, 0.3), "sachsen-anhalt": (51.9, 11.7, 0.4), "schleswig-holstein": (54.2, 9.8, 0.3),
    "thueringen": (50.9, 11.0, 0.3),
}
DURATIONS = {
    "stunden": ("zwei bis drei Stunden", "two to three hours"),
    "ein-tag": ("ein Tag, dazu einige Wochen Vorbereitung", "one day, plus a few weeks of preparation"),
    "mehrere-tage": ("zwei bis drei Tage", "two to three days"),
    "wochen": ("einige Wochen", "a few weeks"),
    "monate": ("mehrere Monate bis ein Jahr", "several months to a year"),
}
HEADINGS = {
    "werkzeug": {"de": ["Wann es passt", "So gelingt es", "Erfahrungen"],
                 "en": ["When it fits", "How to make it work", "Experience"]},
    "modellvorhaben": {"de": ["Worum es geht", "Vorgehen", "Was andere mitnehmen können"],
                       "en": ["What it is about", "Approach", "What other towns can take away"]},
    # Medien
    "medium": {"de": ["Worum es geht", "Für wen es sich lohnt", "Einordnung"],
               "en": ["What it is about", "Who will find it useful", "Context"]},
}
# Veranstaltungen: the vocabularies only events use, and the years their dates fall in, around
# the day builds take as today (2026-01-01): some past, most upcoming.
EVENT_VOCABULARIES = ("veranstaltungsstatus", "barrierefreiheit")
EVENT_FIRST_DAY = dt.date(2025, 1, 1)
EVENT_DAYS = 900
FIRST_REVIEW = dt.date(2024, 1, 1)
REVIEW_DAYS = 900


class CorpusError(Exception):
    """The corpus cannot be written as asked; the message says why and what to do."""


@dataclass
class Corpus:
    """What was written, for the command's summary."""

    dest: Path
    tools: int
    projects: int
    terms: int
    events: int = 0
    files: int = 0
    unused: dict[str, list[str]] = field(default_factory=dict)  # vocabulary -> keys no entry uses
    media: int = 0


@dataclass
class _Term:
    slug: str
    de: str
    en: str
    genitive: str  # the German genitive, another spelling to detect; "" when it is the same


class _Flow(list[str]):
    """A list of keys or slugs, written on one line as editors do: ``themen: [wohnen, bildung]``."""


class _Dumper(yaml.SafeDumper):
    pass


_Dumper.add_representer(_Flow, lambda dumper, data: dumper.represent_sequence(
    "tag:yaml.org,2002:seq", data, flow_style=True))


@dataclass
class _Named:
    slug: str
    title: dict[str, str]


def write_corpus(*, project: Path, dest: Path, tools: int, projects: int, terms: int, seed: int = 1,
                 replace: bool = False, events: int = 0, media: int = 0) -> Corpus:
    """Write the corpus into ``dest`` (empty, missing, or an earlier corpus with ``replace``)."""
    if min(tools, projects, terms) < 1:
        raise CorpusError("a corpus needs at least one tool, one model project and one glossary term")
    if min(events, media) < 0:
        raise CorpusError("the number of events and of media cannot be negative (0 leaves them out)")
    # Checked before anything is written: a refused corpus leaves DEST as it was.
    linked = _linked_slugs(project / "docs")
    for kind, count, option in (("werkzeuge", tools, "--tools"), ("modellvorhaben", projects, "--projects"),
                                ("glossar", terms, "--terms")):
        if len(linked[kind]) > count:
            raise CorpusError(f"the hand-written pages link to {len(linked[kind])} entries of docs/{kind}; "
                              f"ask for at least that many ({option} {len(linked[kind])})")
    _prepare(dest, replace=replace)
    # Marked at once: a corpus that fails half-way can be replaced like a finished one.
    (dest / MARKER).write_text("An unfinished synthetic benchmark corpus.\n", encoding="utf-8")
    _copy_project(project, dest)
    docs = dest / "docs"
    problems = Problems()
    vocab = {name: list(v.values) for name, v in load_vocabularies(docs, dest, problems).items()}
    if problems.errors:
        raise CorpusError("the project's vocabulary has errors; run 'python -m toolkit check' first:\n"
                          + "\n".join(p.format() for p in problems.errors))
    rng = random.Random(seed)
    gen = _Generator(rng, vocab)
    term_list = gen.terms(terms, reserved=linked["glossar"])
    tool_list = gen.tool_names(tools, reserved=linked["werkzeuge"])
    project_list = gen.project_names(projects, reserved=linked["modellvorhaben"])
    corpus = Corpus(dest, tools, projects, terms, events)
    written = [docs / GLOSSARY_FILE]
    (docs / GLOSSARY_FILE).write_text(gen.glossary_yaml(term_list), encoding="utf-8")
    for i, tool in enumerate(tool_list):
        written += _write_entry(docs / "werkzeuge" / tool.slug, *gen.tool(i, tool, tool_list, term_list))
    for i, proj in enumerate(project_list):
        written += _write_entry(docs / "modellvorhaben" / proj.slug,
                                *gen.project(i, proj, tool_list, term_list))
    # Veranstaltungen: drawn after every other entry, so a corpus without events stays the same
    for i, event in enumerate(gen.event_names(events)):
        written += _write_entry(docs / "veranstaltungen" / event.slug, *gen.event(i, event, tool_list, term_list))
    # Medien: drawn after every other entry, so a corpus without them stays the same.
    for i in range(media):
        written += _write_entry(docs / "medien" / f"medium-{i + 1}", *gen.medium(i, tool_list, project_list, term_list))
    corpus.media = media
    corpus.files = len(written)
    # The events' own vocabularies count only where events were asked for.
    own = set() if events else set(EVENT_VOCABULARIES)
    corpus.unused = {name: [k for k in keys if k not in gen.used[name]] for name, keys in vocab.items()
                     if name not in own and any(k not in gen.used[name] for k in keys)}
    (dest / MARKER).write_text(
        "A synthetic benchmark corpus, made by:\n"
        f"python bench/corpus.py --tools {tools} --projects {projects} --terms {terms} --events {events} --media {media} "
        f"--seed {seed} DEST\n",
        encoding="utf-8")
    return corpus


def _prepare(dest: Path, *, replace: bool) -> None:
    if dest.exists() and any(dest.iterdir()):
        if not (dest / MARKER).exists():
            raise CorpusError(f"{dest} is not empty; choose a new folder (a corpus never overwrites other files)")
        if not replace:
            raise CorpusError(f"{dest} holds an earlier corpus; pass --replace to write a new one there")
        shutil.rmtree(dest)
    dest.mkdir(parents=True, exist_ok=True)


def _copy_project(project: Path, dest: Path) -> None:
    for name in PROJECT_FILES:
        if not (project / name).is_file():
            raise CorpusError(f"{project / name} is missing; run this in the repository or pass --project")
        shutil.copy2(project / name, dest / name)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in PROJECT_FOLDERS:
        if (project / name).is_dir():
            shutil.copytree(project / name, dest / name, ignore=ignore, dirs_exist_ok=True)
    docs = dest / "docs"
    for folder in ENTRY_FOLDERS:
        for path in (docs / folder).glob("*.md"):
            if path.name not in COLLECTION_PAGES:
                path.unlink()
    (docs / GLOSSARY_FILE).unlink(missing_ok=True)


def _linked_slugs(docs: Path) -> dict[str, list[str]]:
    """Entry and term slugs the hand-written pages link to, in order of first appearance."""
    found: dict[str, dict[str, None]] = {"werkzeuge": {}, "modellvorhaben": {}, "glossar": {}}
    for path in sorted(docs.rglob("*.md")):
        if path.parent.parent == docs and path.parent.name in ENTRY_FOLDERS and path.name not in COLLECTION_PAGES:
            continue  # an entry: the corpus replaces them all
        text = path.read_text(encoding="utf-8", errors="replace")
        for folder, slug in _ENTRY_LINK.findall(text):
            if f"{slug}.md" not in COLLECTION_PAGES:
                found[folder].setdefault(slug, None)
        for slug in _TERM_LINK.findall(text):
            found["glossar"].setdefault(slug, None)
    return {kind: list(slugs) for kind, slugs in found.items()}


def _write_entry(base: Path, german: str, english: str) -> list[Path]:
    paths = [base.with_name(base.name + ".md"), base.with_name(base.name + ".en.md")]
    for path, text in zip(paths, (german, english), strict=True):
        path.write_text(text, encoding="utf-8")
    return paths


def _dump(data: dict[str, Any]) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10_000,
                     default_flow_style=False)


def _front_matter(data: dict[str, Any], body: str) -> str:
    meta = _dump(data)
    return f"---\n{meta}---\n\n{body}"


class _Generator:
    """Draws every value from one seeded generator, in a fixed order."""

    def __init__(self, rng: random.Random, vocab: dict[str, list[str]]) -> None:
        self.rng = rng
        self.vocab = vocab
        self.used: dict[str, set[str]] = {name: set() for name in vocab}
        self.towns = 0
        self.town_names: set[str] = set()

    # -- vocabulary values ----------------------------------------------------------------
    def pick(self, name: str, i: int) -> str:
        """The i-th entry takes the i-th value while there are unused ones, then any value."""
        keys = self.vocab.get(name) or []
        if not keys:
            raise CorpusError(f"vocabulary '{name}' is empty or missing in docs/vokabular.yml")
        key = keys[i] if i < len(keys) else self.rng.choice(keys)
        self.used[name].add(key)
        return key

    def picks(self, name: str, i: int, low: int, high: int) -> list[str]:
        first = self.pick(name, i)
        others = [k for k in self.vocab[name] if k != first]
        chosen = [first, *self.rng.sample(others, min(len(others), self.rng.randint(low, high) - 1))]
        self.used[name].update(chosen)
        return chosen

    def date(self) -> dt.date:
        return FIRST_REVIEW + dt.timedelta(days=self.rng.randrange(REVIEW_DAYS))

    # -- names ----------------------------------------------------------------------------
    def terms(self, count: int, *, reserved: list[str]) -> list[_Term]:
        combos = [(p, s) for p in words.TERM_PREFIXES for s in words.TERM_SUFFIXES]
        self.rng.shuffle(combos)
        result: list[_Term] = []
        slugs: set[str] = set()
        for i in range(count):
            (pde, pen), (sde, gen, sen) = combos[i % len(combos)]
            round_ = i // len(combos)
            number = f" {round_ + 1}" if round_ else ""
            de, en = pde + sde + number, f"{pen} {sen}{number}"
            genitive = pde + sde + gen + number if gen else ""
            slug = reserved[i] if i < len(reserved) else slugify(de)
            while slug in slugs:
                slug += "-b"
            slugs.add(slug)
            result.append(_Term(slug, de, en, genitive))
        return result

    def tool_names(self, count: int, *, reserved: list[str]) -> list[_Named]:
        result: list[_Named] = []
        seen: set[str] = set()
        titles: set[str] = set()  # a reserved slug keeps a generated title: two tools could share it
        while len(result) < count:
            stem, adj_en = self.rng.choice(words.ADJECTIVES)
            noun, gender, noun_en = self.rng.choice(words.NOUNS)
            de, en = f"{words.german_adjective(stem, gender)} {noun}", f"{adj_en} {noun_en}"
            if self.rng.random() < 0.6:
                focus_de, focus_en = self.rng.choice(words.FOCUS)
                de, en = f"{de} {focus_de}", f"{en} {focus_en}"
            slug = slugify(de)
            if slug in seen or de.casefold() in titles:
                de, en = f"{de} {len(result) + 1}", f"{en} {len(result) + 1}"
                slug = slugify(de)
            i = len(result)
            if i < len(reserved):
                slug = reserved[i]
            if slug in seen:
                continue
            seen.add(slug)
            titles.add(de.casefold())
            result.append(_Named(slug, {"de": de, "en": en}))
        return result

    def project_names(self, count: int, *, reserved: list[str]) -> list[_Named]:
        mottos = [
            ("Gemeinsam stark", "Stronger together"), ("Ortskerne beleben", "Reviving town centres"),
            ("Kleinstadt der kurzen Wege", "The small town of short distances"),
            ("Zukunft gestalten", "Shaping the future"), ("Wohnen mit Weitblick", "Housing with foresight"),
            ("Digital vernetzt", "Digitally connected"), ("Neue Nachbarschaften", "New neighbourhoods"),
            ("Lernende Städte", "Learning towns"), ("Grün in der Stadt", "Green in town"),
        ]
        result: list[_Named] = []
        seen: set[str] = set()
        for i in range(count):
            motto_de, motto_en = mottos[i % len(mottos)]
            region = self.town_name()
            de, en = f"{motto_de} – Verbund {region}", f"{motto_en} – the {region} network"
            slug = reserved[i] if i < len(reserved) else slugify(de)
            while slug in seen:
                slug += "-2"
            seen.add(slug)
            result.append(_Named(slug, {"de": de, "en": en}))
        return result

    def town_name(self) -> str:
        tries = 0
        while True:
            tries += 1
            name = self.rng.choice(words.TOWN_FIRST) + self.rng.choice(words.TOWN_SECOND)
            if self.rng.random() < 0.3:
                name += " an der " + self.rng.choice(words.RIVERS)
            # Once nearly every combination is taken, a name may repeat rather than be searched forever.
            if name not in self.town_names or len(self.town_names) > 5_000 or tries > 1_000:
                self.town_names.add(name)
                return name

    # -- texts ----------------------------------------------------------------------------
    def sentences(self, lang: str, count: int) -> list[str]:
        """``count`` different sentences: list fields refuse an item twice."""
        found: dict[str, None] = {}
        while len(found) < count:
            found.setdefault(words.sentence(self.rng, lang), None)
        return list(found)

    def summary(self, lang: str, lead: str = "") -> str:
        """One sentence short enough for a page description, as the checker asks of editors."""
        for _ in range(50):
            text = lead + self.sentences(lang, 1)[0]
            if len(text) <= DESCRIPTION_MAX:
                return text
        return text[:DESCRIPTION_MAX - 1].rstrip() + "…"

    def body(self, kind: str, lang: str, *, seed: int, mentions: list[str], links: list[str]) -> str:
        """About 300 words: three sections, a list, term mentions and links to other entries."""
        rng = random.Random(seed)  # the same sequence in both languages: same shape of text
        parts = []
        for n, heading in enumerate(HEADINGS[kind][lang]):
            parts.append(f"## {heading}\n")
            share = mentions[n::3]
            parts.append(words.paragraph(rng, lang, rng.randint(4, 6), share) + "\n")
            if n == 1:
                items = [words.sentence(rng, lang) for _ in range(rng.randint(3, 4))]
                parts.append("\n".join(f"- {item}" for item in items) + "\n")
            if n == 2:
                parts.append(words.paragraph(rng, lang, rng.randint(3, 4), links) + "\n")
        return "\n".join(parts)

    def glossary_yaml(self, terms: list[_Term]) -> str:
        data: dict[str, Any] = {}
        abbreviations: set[str] = set()
        for i, term in enumerate(terms):
            fields: dict[str, Any] = {"begriff": {"de": term.de, "en": term.en}}
            short = "".join(ch for ch in term.de if ch.isupper())[:2] + term.de[-2:].upper()
            if i % 3 == 0 and short.isalpha() and short not in abbreviations:
                abbreviations.add(short)
                fields["abkuerzung"] = short
            fields["definition"] = {
                "de": f"{term.de} bezeichnet ein Vorgehen in der Kleinstadtentwicklung. " + " ".join(self.sentences("de", 3)),
                "en": f"A {term.en} is an approach in small-town development. " + " ".join(self.sentences("en", 3)),
            }
            fields["varianten"] = ({"de": [term.genitive]} if term.genitive else {}) | {"en": [term.en + "s"]}
            if len(terms) > 1:
                picked = self.rng.sample(range(len(terms) - 1), min(2, len(terms) - 1))
                fields["siehe_auch"] = _Flow(terms[n if n < i else n + 1].slug for n in picked)
            if i % 4 == 0:
                fields["links"] = [{"titel": f"Mehr zu {term.de}", "url": f"https://example.org/glossar/{term.slug}"}]
            data[term.slug] = fields
        header = "# Synthetisches Glossar des Benchmark-Korpus (bench/corpus.py).\n\n"
        return header + _dump(data)

    def tool(self, i: int, tool: _Named, tools: list[_Named], terms: list[_Term]) -> tuple[str, str]:
        rng = self.rng
        duration = self.pick("dauerklasse", i)
        low = rng.randint(3, 20)
        steps = rng.randint(4, 7)
        tips = rng.randint(2, 5)
        others = [t for t in tools if t.slug != tool.slug]
        related = rng.sample(others, min(len(others), rng.randint(0, 3)))
        listed_terms = rng.sample(terms, min(len(terms), rng.randint(1, 3)))
        mentioned = rng.sample(terms, min(len(terms), rng.randint(2, 4)))
        data: dict[str, Any] = {
            "titel": tool.title["de"],
            "kurz": self.summary("de", f"{tool.title['de']}: "),
            "zweck": " ".join(self.sentences("de", 2)),
            "formattyp": self.pick("formattyp", i),
            "themen": _Flow(self.picks("themen", i, 1, 4)),
            "ziel": _Flow(self.picks("ziel", i, 1, 3)),
            "zielgruppen": _Flow(self.picks("zielgruppen", i, 1, 3)),
            "modus": self.pick("modus", i),
            "organisation": self.pick("organisation", i),
            "reichweite": _Flow(self.picks("reichweite", i, 1, 2)),
            "dauer": DURATIONS.get(duration, ("je nach Umfang", "depending on scope"))[0],
            "dauerklasse": duration,
            "teilnehmende": {"min": low, "max": low + rng.randint(0, 60)},
            "aufwand": self.pick("aufwand", i),
        }
        english: dict[str, Any] = {
            "titel": tool.title["en"],
            "kurz": self.summary("en", f"{tool.title['en']}: "),
            "zweck": " ".join(self.sentences("en", 2)),
            "dauer": DURATIONS.get(duration, ("je nach Umfang", "depending on scope"))[1],
        }
        if i % 5 != 4:
            data["kosten"] = f"Etwa {rng.randint(1, 40) * 100} Euro für Raum, Material und Moderation."
            english["kosten"] = f"About {data['kosten'].split()[1]} euros for room, materials and facilitation."
        data["ablauf"] = self.sentences("de", steps)
        english["ablauf"] = self.sentences("en", steps)
        data["tipps"] = self.sentences("de", tips)
        english["tipps"] = self.sentences("en", tips)
        data["quellen"] = [{"titel": f"Handreichung {n + 1} zu {tool.title['de']}",
                            "url": f"https://example.org/werkzeuge/{tool.slug}/quelle-{n + 1}"}
                           for n in range(rng.randint(1, 2))]
        if related:
            data["verwandt"] = _Flow(t.slug for t in related)
        data["begriffe"] = _Flow(t.slug for t in listed_terms)
        data["geprueft"] = self.date()
        if i % 25 == 24:
            data["fruehere_slugs"] = _Flow([f"{tool.slug}-alt"])
        body_seed = rng.randrange(2**32)
        target = related[0] if related else (others[0] if others else None)
        link = {lang: ([f"[{target.title[lang]}]({target.slug}.md)"] if target else []) for lang in ("de", "en")}
        return (
            _front_matter(data, self.body("werkzeug", "de", seed=body_seed, mentions=[t.de for t in mentioned],
                                          links=link["de"])),
            _front_matter(english, self.body("werkzeug", "en", seed=body_seed, mentions=[t.en for t in mentioned],
                                             links=link["en"])),
        )

    def project(self, i: int, proj: _Named, tools: list[_Named], terms: list[_Term]) -> tuple[str, str]:
        rng = self.rng
        towns = []
        for _ in range(3 + i % 3):
            state = self.pick("bundesland", self.towns)
            lat, lon, spread = STATE_CENTRES.get(state, (51.0, 10.0, 0.5))
            town: dict[str, Any] = {
                "name": self.town_name(),
                "bundesland": state,
                "lagetyp": self.pick("lagetyp", self.towns),
                "breite": round(lat + rng.uniform(-spread, spread), 2),
                "laenge": round(lon + rng.uniform(-spread, spread), 2),
            }
            if self.towns % 2 == 0:
                town["einwohner"] = rng.randint(5_000, 20_000) if rng.random() < 0.7 else rng.randint(20_000, 100_000)
                town["einwohner_jahr"] = 2022
            towns.append(town)
            self.towns += 1
        start = rng.randint(2019, 2022)
        used_tools = rng.sample(tools, min(len(tools), rng.randint(2, 6)))
        results = rng.randint(2, 4)
        listed_terms = rng.sample(terms, min(len(terms), rng.randint(1, 3)))
        mentioned = rng.sample(terms, min(len(terms), rng.randint(2, 4)))
        data: dict[str, Any] = {
            "titel": proj.title["de"],
            "kurz": self.summary("de"),
            "orte": towns,
            "partner": [f"Hochschule {self.town_name()}" for _ in range(rng.randint(0, 2))],
        }
        if not data["partner"]:
            del data["partner"]
        if i % 5 != 4:
            data["projektaufruf"] = self.pick("projektaufruf", i)
        data["laufzeit"] = {"von": start, "bis": start + rng.randint(1, 3)} if i % 10 else {"von": start}
        english: dict[str, Any] = {"titel": proj.title["en"], "kurz": self.summary("en")}
        if i % 3 != 2:
            amount = rng.randint(2, 40) * 10_000
            data["foerderung"] = f"{amount:,} Euro aus der Pilotphase".replace(",", ".")
            english["foerderung"] = f"{amount:,} euros from the pilot phase"
        data["themen"] = _Flow(self.picks("themen", i, 2, 4))
        data["werkzeuge"] = _Flow(t.slug for t in used_tools)
        data["ergebnisse"] = self.sentences("de", results)
        english["ergebnisse"] = self.sentences("en", results)
        data["links"] = [{"titel": f"Website des Verbunds {proj.title['de'].split('Verbund ')[-1]}",
                          "url": f"https://example.org/modellvorhaben/{proj.slug}"}]
        data["begriffe"] = _Flow(t.slug for t in listed_terms)
        data["geprueft"] = self.date()
        if i % 25 == 24:
            data["fruehere_slugs"] = _Flow([f"{proj.slug}-alt"])
        body_seed = rng.randrange(2**32)
        link = {lang: [f"[{t.title[lang]}](../werkzeuge/{t.slug}.md)" for t in used_tools[:2]] for lang in ("de", "en")}
        return (
            _front_matter(data, self.body("modellvorhaben", "de", seed=body_seed,
                                          mentions=[t.de for t in mentioned], links=link["de"])),
            _front_matter(english, self.body("modellvorhaben", "en", seed=body_seed,
                                             mentions=[t.en for t in mentioned], links=link["en"])),
        )

    # -- Veranstaltungen ---------------------------------------------------------------------
    def event_names(self, count: int) -> list[_Named]:
        kinds = [("Werkstatt", "Workshop"), ("Fachtag", "Expert day"), ("Netzwerktreffen", "Network meeting"),
                 ("Sprechstunde", "Consultation"), ("Tagung", "Conference"), ("Exkursion", "Study trip")]
        result: list[_Named] = []
        seen: set[str] = set()
        for i in range(count):
            kind_de, kind_en = kinds[i % len(kinds)]
            town = self.town_name()
            de, en = f"{kind_de} in {town}", f"{kind_en} in {town}"
            slug = slugify(de)
            while slug in seen:
                slug += "-2"
            seen.add(slug)
            result.append(_Named(slug, {"de": de, "en": en}))
        return result

    def event(self, i: int, event: _Named, tools: list[_Named], terms: list[_Term]) -> tuple[str, str]:
        rng = self.rng
        data: dict[str, Any] = {"titel": event.title["de"], "kurz": self.summary("de")}
        english: dict[str, Any] = {"titel": event.title["en"], "kurz": self.summary("en")}
        if i % 20 == 19:  # documented without a date: its period only
            start = rng.randint(2019, 2021)
            data["zeitraum"] = {"von": start, "bis": start + 1}
        else:
            first = EVENT_FIRST_DAY + dt.timedelta(days=rng.randrange(EVENT_DAYS))
            data["beginn"] = first
            if i % 4 == 1:
                data["ende"] = first + dt.timedelta(days=rng.randint(1, 2))
            if i % 3 != 2:
                hour = rng.randint(9, 17)
                data["uhrzeit"] = {"von": f"{hour:02d}:00", "bis": f"{hour + 2:02d}:30"} if i % 4 != 1 else \
                    {"von": f"{hour:02d}:00"}
            if i % 3 != 2 or i % 2:
                state = self.pick("bundesland", i)
                lat, lon, spread = STATE_CENTRES.get(state, (51.0, 10.0, 0.5))
                data["ort"] = {"name": self.town_name(), "bundesland": state,
                               "breite": round(lat + rng.uniform(-spread, spread), 2),
                               "laenge": round(lon + rng.uniform(-spread, spread), 2)}
            if i % 3 != 0 or "ort" not in data:
                data["online"] = {"plattform": "Videokonferenz", "url": f"https://example.org/termine/{event.slug}"}
            if i % 2 == 0:
                data["anmeldung"] = {"url": f"https://example.org/anmeldung/{event.slug}",
                                     "frist": first - dt.timedelta(days=rng.randint(0, 20))}
        data["format"] = rng.choice(tools).slug
        data["themen"] = _Flow(self.picks("themen", i, 1, 3))
        data["zielgruppen"] = _Flow(self.picks("zielgruppen", i, 1, 3))
        data["veranstalter"] = f"Stadtverwaltung {event.title['de'].split(' in ', 1)[1]}"
        if i % 2:
            data["kosten"], english["kosten"] = "kostenfrei", "free of charge"
        if "ort" in data:
            data["barrierefreiheit"] = _Flow(self.picks("barrierefreiheit", i, 1, 2))
        if i % 7 == 3:
            data["status"] = self.pick("veranstaltungsstatus", i // 7)
        data["begriffe"] = _Flow(t.slug for t in rng.sample(terms, min(len(terms), rng.randint(0, 2))))
        if not data["begriffe"]:
            del data["begriffe"]
        data["geprueft"] = self.date()
        return _front_matter(data, ""), _front_matter(english, "")
    # Medien
    def medium(self, i: int, tools: list[_Named], projects: list[_Named], terms: list[_Term]) -> tuple[str, str]:
        """A medium: a kind, people or an institution, a year for most, an address for some, and
        links to a few tools and projects, so that their pages list it."""
        rng = self.rng
        kind = self.pick("art", i)
        topic = self.pick("themen", i)
        data: dict[str, Any] = {
            "titel": f"{kind.capitalize()} {i + 1} über {self.place()}. {words.sentence(rng, 'de').rstrip('.')}",
            "kurz": self.summary("de"),
            "art": kind,
        }
        people: list[dict[str, str]] = []
        for _ in range(rng.randint(1, 3)):
            person = {"name": self.place(), "vorname": rng.choice(("Anna", "Jonas", "Marie", "Paul", "Lena"))}
            if person not in people:  # the checker refuses a person named twice
                people.append(person)
        if i % 4 == 3:
            data["herausgeber"] = people
        elif i % 4 == 2:
            data["autoren"] = [{"name": f"Institut für Kleinstadtforschung {self.place()}"}]
        else:
            data["autoren"] = people
        if i % 3:
            data["verlag"] = f"Verlag {self.place()}"
        if i % 7 != 6:
            data["jahr"] = rng.randint(1980, 2026)
        if i % 2 == 0:
            data["webadresse"] = f"https://example.org/medien/medium-{i + 1}"
            data["geprueft_am"] = self.date()
        data["sprachen"] = _Flow([self.pick("sprachen", i)])
        data["themen"] = _Flow([topic, *rng.sample([t for t in self.vocab["themen"] if t != topic], rng.randint(0, 2))])
        data["werkzeuge"] = _Flow(t.slug for t in rng.sample(tools, min(len(tools), rng.randint(1, 3))))
        if i % 3 == 0:
            data["modellvorhaben"] = _Flow([rng.choice(projects).slug])
        data["begriffe"] = _Flow(t.slug for t in rng.sample(terms, min(len(terms), rng.randint(0, 2))))
        data["geprueft"] = self.date()
        body_seed = rng.randrange(2**32)
        english: dict[str, Any] = {"kurz": self.summary("en")}
        return (_front_matter(data, self.body("medium", "de", seed=body_seed, mentions=[], links=[])),
                _front_matter(english, self.body("medium", "en", seed=body_seed, mentions=[], links=[])))

    def place(self) -> str:
        """A made-up place name for a medium's people and publishers: names may repeat, unlike
        towns, so that thousands of media never wait for a name not yet taken."""
        return self.rng.choice(words.TOWN_FIRST) + self.rng.choice(words.TOWN_SECOND)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python bench/corpus.py",
                                     description="Write a synthetic, buildable benchmark site (same arguments, same files).")
    parser.add_argument("dest", type=Path, help="an empty or new folder for the site")
    parser.add_argument("--tools", type=int, default=2000, help="number of tools (default: 2000)")
    parser.add_argument("--projects", type=int, default=500, help="number of model projects (default: 500)")
    parser.add_argument("--terms", type=int, default=300, help="number of glossary terms (default: 300)")
    parser.add_argument("--events", type=int, default=1000, help="number of events (default: 1000)")
    parser.add_argument("--media", type=int, default=1000, help="number of media (default: 1000)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the random choices (default: 1)")
    parser.add_argument("--project", type=Path, default=REPO,
                        help="the repository whose configuration, theme and pages are copied (default: this one)")
    parser.add_argument("--replace", action="store_true", help="replace an earlier corpus in DEST")
    args = parser.parse_args(argv)
    try:
        corpus = write_corpus(project=args.project, dest=args.dest, tools=args.tools, projects=args.projects,
                              terms=args.terms, seed=args.seed, replace=args.replace, events=args.events,
                              media=args.media)
    except CorpusError as refusal:
        print(f"error: {refusal}", file=sys.stderr)
        return 1
    print(f"wrote {corpus.tools} tools, {corpus.projects} model projects, {corpus.media} media, "
          f"{corpus.terms} glossary terms and {corpus.events} events "
          f"({corpus.files} source files) into {corpus.dest.as_posix()}")
    for name, keys in corpus.unused.items():
        print(f"note: too few entries to use every '{name}' value; unused: {', '.join(keys)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
