"""The operator's facts (docs/betreiber.yml): who runs the site, how to reach them, where its
sources live.

One file holds them; the legal pages, the contact lines, the footer and the "edit this page"
links read them from there. A hand-written page names a fact with a marker such as
``{{ betreiber.anschrift }}``; the page shows the value, or, while the fact is unset, a marked
placeholder in the page's language. Each unset fact is a warning for ``make check`` and an error
for ``check --publication``, which the publishing workflow runs before it deploys.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from toolkit.content.markup import esc, md_text
from toolkit.content.schema import BETREIBER, Field
from toolkit.sources.files import parse_yaml, read_text
from toolkit.sources.problems import Problem, Problems, Severity, did_you_mean
from toolkit.sources.validate import Checker

OPERATOR_FILE = "betreiber.yml"
GITHUB = "https://github.com"
_GITHUB_OWNER = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$")
_GITHUB_REPOSITORY = re.compile(r"^[A-Za-z0-9._-]{1,100}$")
_BRANCH = re.compile(r"^[A-Za-z0-9._/-]{1,200}$")
MARKER = re.compile(r"\{\{\s*betreiber\.([a-z_]+(?:\.[a-z_]+)*)\s*\}\}")

# What a placeholder calls each fact, per language: "[noch nicht eingetragen: Anschrift]".
NAMES: dict[str, tuple[str, str]] = {
    "name": ("Name des Betreibers", "name of the operator"),
    "rechtsform": ("Rechtsform", "legal form"),
    "art": ("Art der Stelle (öffentliche Stelle oder privat)", "kind of body (public or private)"),
    "anschrift": ("Anschrift", "postal address"),
    "e_mail": ("E-Mail-Adresse", "e-mail address"),
    "telefon": ("Telefonnummer", "telephone number"),
    "vertreten_durch": ("vertretungsberechtigte Person", "legal representative"),
    "register": ("Registereintrag", "register entry"),
    "umsatzsteuer_id": ("Umsatzsteuer-Identifikationsnummer", "VAT identification number"),
    "verantwortlich.name": ("Name der oder des Verantwortlichen", "name of the person responsible"),
    "verantwortlich.anschrift": ("Anschrift der oder des Verantwortlichen", "address of the person responsible"),
    "datenschutzbeauftragte.name": ("Name der oder des Datenschutzbeauftragten", "name of the data protection officer"),
    "datenschutzbeauftragte.e_mail": ("E-Mail der oder des Datenschutzbeauftragten",
                                      "e-mail address of the data protection officer"),
    "datenschutzbeauftragte.anschrift": ("Anschrift der oder des Datenschutzbeauftragten",
                                         "address of the data protection officer"),
    "datenschutzaufsicht.name": ("zuständige Datenschutz-Aufsichtsbehörde", "competent supervisory authority"),
    "datenschutzaufsicht.anschrift": ("Anschrift der Aufsichtsbehörde", "address of the supervisory authority"),
    "datenschutzaufsicht.url": ("Website der Aufsichtsbehörde", "website of the supervisory authority"),
    "barrierefreiheit.e_mail": ("E-Mail-Adresse für Meldungen zur Barrierefreiheit",
                                "e-mail address for accessibility reports"),
    "barrierefreiheit.telefon": ("Telefonnummer für Meldungen zur Barrierefreiheit",
                                 "telephone number for accessibility reports"),
    "schlichtungsstelle.name": ("Schlichtungsstelle", "conciliation body"),
    "schlichtungsstelle.url": ("Website der Schlichtungsstelle", "website of the conciliation body"),
    "repository.besitzer": ("Besitzer des Repositorys auf GitHub", "owner of the repository on GitHub"),
    "repository.name": ("Name des Repositorys", "name of the repository"),
    "repository.zweig": ("veröffentlichter Zweig des Repositorys", "published branch of the repository"),
    "hosting.dienst": ("Hosting-Dienst", "hosting service"),
    "hosting.anbieter": ("Hosting-Anbieter", "hosting provider"),
    "hosting.sitz": ("Sitz des Hosting-Anbieters", "seat of the hosting provider"),
    "hosting.url": ("Beschreibung des Hosting-Anbieters", "hosting provider's description"),
    # Derived facts: markers that combine or translate the facts above.
    "repository": ("Adresse des Repositorys", "address of the repository"),
    "rechtsgrundlage": ("Rechtsgrundlage (hängt von der Art der Stelle ab)",
                        "legal basis (depends on the kind of body)"),
}
# The legal basis of the processing on the privacy page (server logs, e-mail), by kind of body:
# a public body processes to fulfil its public task, a private one on its legitimate interest.
LEGAL_BASIS = {
    "bund": ("Art. 6 Abs. 1 Buchst. e DSGVO in Verbindung mit § 3 Bundesdatenschutzgesetz (BDSG)",
             "Article 6(1)(e) GDPR in conjunction with section 3 of the Federal Data Protection Act (BDSG)"),
    "land": ("Art. 6 Abs. 1 Buchst. e DSGVO in Verbindung mit dem Datenschutzgesetz des Landes",
             "Article 6(1)(e) GDPR in conjunction with the data protection act of the Land"),
    "privat": ("Art. 6 Abs. 1 Buchst. f DSGVO; unser berechtigtes Interesse ist es, die Website sicher "
               "bereitzustellen und Anfragen zu beantworten",
               "Article 6(1)(f) GDPR; our legitimate interest is to provide the website securely and to "
               "answer enquiries"),
}
UNSET = {"de": "noch nicht eingetragen", "en": "not yet entered"}


def _leaves(declared: tuple[Field, ...], prefix: str = "") -> list[tuple[str, Field]]:
    found = []
    for spec in declared:
        name = f"{prefix}{spec.name}"
        found += _leaves(spec.fields, f"{name}.") if spec.type == "object" else [(name, spec)]
    return found


FACTS = dict(_leaves(BETREIBER))
MARKERS = {*FACTS, "repository", "rechtsgrundlage"}


@dataclass(frozen=True)
class Operator:
    """The checked facts of docs/betreiber.yml; an unset fact is missing from ``values``."""

    path: str  # relative to the repository root
    values: dict[str, Any]  # dotted name -> value, e.g. "verantwortlich.name"
    gaps: tuple[Problem, ...]  # one warning per fact the published site still needs

    def get(self, name: str) -> Any:
        return self.values.get(name)

    @property
    def repository_url(self) -> str | None:
        owner, name = self.get("repository.besitzer"), self.get("repository.name")
        return f"{GITHUB}/{owner}/{name}" if owner and name else None

    @property
    def edit_base(self) -> str:
        """The address a source path is appended to for "edit this page"; empty while unknown."""
        branch = self.get("repository.zweig")
        return f"{self.repository_url}/edit/{branch}/" if self.repository_url and branch else ""


def load_operator(docs: Path, root: Path, problems: Problems) -> Operator | None:
    """The operator's facts, or ``None`` when the sources have no docs/betreiber.yml."""
    path = docs / OPERATOR_FILE
    rel = path.relative_to(root).as_posix()
    if not path.exists() and not path.is_symlink():
        return None
    text = read_text(path, rel, problems)
    parsed = parse_yaml(text, rel, problems) if text is not None else None
    if parsed is None:
        return Operator(rel, {}, ())
    data, lines = parsed
    if data is None or data == {}:
        data = {}
    if not isinstance(data, dict):
        problems.error(rel, 1, "must list the operator's facts as 'name: value' (see the comments in the file)")
        return Operator(rel, {}, ())
    clean = Checker(rel, lines, {}, problems).fields(data, BETREIBER)
    values = _flatten(clean)
    _check_repository(values, rel, lines, problems)
    gaps = []
    for name, spec in FACTS.items():
        if not spec.publication or name in values:
            continue
        key = tuple(name.split("."))
        if _written(data, key):
            continue  # present but wrong: the checker has said why
        gap = Problem(rel, lines.line(key), Severity.WARNING,
                      f"operator fact '{name}' is still empty: enter {spec.doc} (needed before publishing; "
                      f"until then the pages show a placeholder)")
        problems.append(gap)
        gaps.append(gap)
    return Operator(rel, values, tuple(gaps))


def _flatten(values: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for name, value in values.items():
        if isinstance(value, dict):
            flat.update(_flatten(value, f"{prefix}{name}."))
        else:
            flat[f"{prefix}{name}"] = value
    return flat


def _written(data: Any, key: tuple[str, ...]) -> bool:
    for part in key:
        if not isinstance(data, dict) or part not in data:
            return False
        data = data[part]
    return data not in (None, "", [], {})


def _check_repository(values: dict[str, Any], rel: str, lines: Any, problems: Problems) -> None:
    # The edit links are built from these three: a stray slash or space would make them all wrong.
    for name, pattern, what in (("repository.besitzer", _GITHUB_OWNER, "letters, digits and hyphens"),
                                ("repository.name", _GITHUB_REPOSITORY, "letters, digits, '.', '_' and '-'"),
                                ("repository.zweig", _BRANCH, "letters, digits, '.', '_', '-' and '/'")):
        value = values.get(name)
        if value is not None and not pattern.match(value):
            problems.error(rel, lines.line(tuple(name.split("."))),
                           f"'{name}' must be {what} only, as in the address github.com/<owner>/<name>; "
                           f"not {value!r}")
            del values[name]


# -- markers in pages ------------------------------------------------------------------------

def check_markers(text: str, rel: str, first_line: int, operator: Operator | None, problems: Problems) -> None:
    """Report markers that name no fact, and markers in sources that have no docs/betreiber.yml."""
    for match in MARKER.finditer(text):
        line = first_line + text.count("\n", 0, match.start())
        name = match.group(1)
        if name not in MARKERS:
            problems.error(rel, line, f"'{{{{ betreiber.{name} }}}}' names no operator fact"
                                      f"{did_you_mean(name, MARKERS)}; the facts are the fields of "
                                      f"docs/{OPERATOR_FILE}")
        elif operator is None:
            problems.error(rel, line, f"'{{{{ betreiber.{name} }}}}' needs docs/{OPERATOR_FILE}, which is missing; "
                                      f"create it with the operator's facts")


def fill(markdown: str, operator: Operator | None, lang: str) -> str:
    """``markdown`` with every marker replaced by its fact, or a marked placeholder while unset.

    A line that names an optional fact (a register entry, a second telephone number) is left out
    while that fact is empty: it may not apply to this operator at all.
    """
    if "betreiber." not in markdown:
        return markdown
    kept: list[str] = []
    for line in markdown.split("\n"):
        if any(_optional_and_unset(operator, m.group(1)) for m in MARKER.finditer(line)):
            continue
        kept.append(line)
    for i, line in enumerate(kept):  # a line break before a left-out last line would stand alone
        if line.endswith("<br>") and (i + 1 == len(kept) or not kept[i + 1].strip()):
            kept[i] = line[: -len("<br>")]
    return MARKER.sub(lambda m: fact_html(operator, m.group(1), lang), "\n".join(kept))


def _optional_and_unset(operator: Operator | None, name: str) -> bool:
    spec = FACTS.get(name)
    return spec is not None and not spec.publication and (operator is None or operator.get(name) is None)


def fact_html(operator: Operator | None, name: str, lang: str, *, markdown: bool = True) -> str:
    """One fact as inline HTML, a link where it is an address; ``markdown``: for a Markdown page."""
    value = _value(operator, name, lang)
    if value is None:
        return placeholder(name, lang)
    shown = md_text(value) if markdown else esc(value)
    spec = FACTS.get(name)
    kind = "url" if name == "repository" else spec.type if spec else "text"
    if kind == "email":
        return f'<a href="mailto:{esc(value)}">{shown}</a>'
    if kind == "url":
        return f'<a href="{esc(value)}" rel="noopener noreferrer" class="kb-external">{shown}</a>'
    if name.endswith("telefon"):
        dial = re.sub(r"[^0-9+]", "", value)
        return f'<a href="tel:{esc(dial)}">{shown}</a>' if dial else shown
    return shown


def placeholder(name: str, lang: str) -> str:
    words = NAMES.get(name, (name, name))[0 if lang == "de" else 1]
    return f'<mark class="kb-unset">[{UNSET.get(lang, UNSET["en"])}: {esc(words)}]</mark>'


def _value(operator: Operator | None, name: str, lang: str) -> str | None:
    if operator is None:
        return None
    if name == "repository":
        return operator.repository_url
    if name == "rechtsgrundlage":
        kind = operator.get("art")
        return LEGAL_BASIS[kind][0 if lang == "de" else 1] if kind in LEGAL_BASIS else None
    value = operator.get(name)
    return None if value is None else str(value)


def promote_gaps(problems: Problems, operator: Operator | None, root_rel: str) -> Problems:
    """For publishing: every unset fact becomes an error, and a missing file is one."""
    if operator is None:
        promoted = Problems(problems)
        promoted.error(root_rel, 0, "is missing: the published site needs the operator's facts "
                                    "(name, address, contacts, repository); create it")
        promoted.sort()
        return promoted
    gaps = set(operator.gaps)
    promoted = Problems(Problem(p.path, p.line, Severity.ERROR, p.message) if p in gaps else p for p in problems)
    promoted.sort()
    return promoted
