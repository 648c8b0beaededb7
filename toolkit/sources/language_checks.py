"""Checks of the language of English texts (WCAG 3.1.2, language of parts).

German words inside English text are marked ``*Wort*{lang=de}`` (Markdown's attr_list in
bodies; the same syntax in glossary definitions). The checker knows the convention: it warns
where a German term from ``docs/terminologie.yml`` stands unmarked in English prose, and where
English text uses German quotation marks („…“), which screen readers and readers take as German.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

import yaml

from toolkit.content.markup import LANG_MARK
from toolkit.content.model import Entry
from toolkit.sources.problems import Problems

TERMINOLOGY_FILE = "terminologie.yml"
GLOSSARY_FILE = "glossar.yml"
GERMAN_QUOTE = re.compile("[„‚]")
# Parts of a line that are not prose: link targets, web addresses, inline code, HTML tags.
_NOT_PROSE = re.compile(r"\]\([^)]*\)|https?://\S+|`[^`]*`|<[^>]+>")
# An English value in a YAML source: "en: text" or "en: >-" followed by more-indented lines.
_EN_KEY = re.compile(r"^(\s*)en:\s*(.*)$")


def german_terms(docs: Path, glossary: Mapping[str, Entry]) -> list[str]:
    """The German terms English prose must mark, with the inflected forms their glossary entry lists.

    ``glossary``: the terms as loaded (the glossary is parsed once, by the loader).
    Names (``name: true``) are exempt, as WCAG allows; so are adjectives (lower case).
    """
    path = docs / TERMINOLOGY_FILE
    if not path.exists():
        return []
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    terms: list[str] = []
    for term in data.get("begriffe", []):
        if term.get("name"):
            continue
        entry = glossary.get(term.get("glossar"))
        variants = (entry.get("varianten") or {}).get("de", []) if entry is not None else []
        terms += [str(w) for w in [term["de"], *variants] if " " not in str(w) and str(w)[:1].isupper()]
    return sorted(set(terms), key=len, reverse=True)


def english_lines(path: Path) -> list[tuple[int, str, bool]]:
    """(line number, text, is prose that may carry marks) of the English text in one source."""
    lines = path.read_text(encoding="utf-8").splitlines()
    if path.name.endswith(".en.md"):
        front = 0
        if lines and lines[0].strip() == "---":
            front = next((i for i, line in enumerate(lines[1:], 1) if line.strip() == "---"), 0)
        # Front-matter texts are shown as they are: only the quotation marks are checked there.
        return [(i + 1, line, i > front) for i, line in enumerate(lines)]
    found: list[tuple[int, str, bool]] = []
    block_indent: int | None = None
    for i, line in enumerate(lines):
        indent = len(line) - len(line.lstrip())
        if block_indent is not None and line.strip() and indent > block_indent:
            found.append((i + 1, line, True))
            continue
        block_indent = None
        match = _EN_KEY.match(line)
        if match and not match[2].startswith("["):  # flow lists are detection variants, not prose
            if match[2] in (">-", ">", "|", "|-"):
                block_indent = len(match[1])
            else:
                found.append((i + 1, match[2], False))
    return found


def check_language(docs: Path, root: Path, problems: Problems, glossary: Mapping[str, Entry]) -> None:
    terms = german_terms(docs, glossary)
    unmarked = re.compile(r"(?<![\w*])(" + "|".join(map(re.escape, terms)) + r")\w*") if terms else None
    sources = sorted(docs.rglob("*.en.md")) + [docs / GLOSSARY_FILE, docs / "vokabular.yml"]
    for path in sources:
        if not path.is_file() or path.is_symlink():
            continue
        rel = path.relative_to(root).as_posix()
        for number, text, prose in english_lines(path):
            if GERMAN_QUOTE.search(text):
                problems.warning(rel, number, "German quotation mark („…“) in English text: use “…” and mark "
                                 "German words as *Wort*{lang=de}")
            if prose and unmarked is not None:
                bare = unmarked.search(_NOT_PROSE.sub(" ", LANG_MARK.sub(" ", text)))
                if bare:
                    problems.warning(rel, number, f"German word '{bare[0]}' in English text is not marked: write "
                                     f"*{bare[0]}*{{lang=de}} so that screen readers pronounce it in German")
