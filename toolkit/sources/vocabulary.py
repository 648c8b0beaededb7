"""The controlled vocabularies: one YAML file, every key with a German and an English label."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from toolkit.content.kinds import VOCABULARIES
from toolkit.content.model import LANGUAGES, Vocabulary, VocabValue
from toolkit.content.slug import SLUG
from toolkit.sources.files import parse_yaml, read_text
from toolkit.sources.problems import Problems, did_you_mean

VOCABULARY_FILE = "vokabular.yml"
SEARCH_WORDS = "suchwoerter"  # the optional field of a value with words a visitor may type for it



def load_vocabularies(docs: Path, root: Path, problems: Problems) -> dict[str, Vocabulary]:
    path = docs / VOCABULARY_FILE
    rel = path.relative_to(root).as_posix()
    if not path.exists():
        problems.error(rel, 0, "is missing: it holds the controlled vocabularies")
        return {}
    text = read_text(path, rel, problems)
    parsed = parse_yaml(text, rel, problems) if text is not None else None
    if parsed is None:
        return {}
    data, lines = parsed
    if not isinstance(data, dict):
        problems.error(rel, 1, "must map each vocabulary name to its 'beschreibung' and 'werte'")
        return {}
    result: dict[str, Vocabulary] = {}
    for name, spec in data.items():
        line = lines.line((name,))
        if name not in VOCABULARIES:
            problems.error(rel, line, f"unknown vocabulary '{name}'{did_you_mean(name, VOCABULARIES)}: no field "
                                      "takes its values from it (fields declare their vocabulary in toolkit/content/schema.py)")
            continue
        if not isinstance(spec, dict) or not isinstance(spec.get("werte"), dict) or not spec["werte"]:
            problems.error(rel, line, f"vocabulary '{name}' needs 'beschreibung:' and a non-empty 'werte:'")
            continue
        if not isinstance(spec.get("beschreibung"), str) or not spec["beschreibung"].strip():
            problems.error(rel, line, f"vocabulary '{name}' needs a one-line 'beschreibung:'")
        for extra in set(spec) - {"beschreibung", "werte"}:
            problems.error(rel, lines.line((name, extra)), f"unknown field '{extra}' in vocabulary '{name}'")
        values: dict[str, VocabValue] = {}
        for key, value in spec["werte"].items():
            where = (name, "werte", key)
            parsed_value = _value(str(key), value, rel, lines.line(where), problems,
                                  lambda *inner, where=where: lines.line((*where, SEARCH_WORDS, *inner)))
            if parsed_value is not None:
                values[parsed_value.key] = parsed_value
        result[name] = Vocabulary(name, str(spec.get("beschreibung", "")).strip(), values)
    for name, uses in VOCABULARIES.items():
        if name not in data:
            problems.error(rel, 1, f"vocabulary '{name}' is missing: the fields {', '.join(uses)} take their values from it")
    return result


def _value(key: str, value: object, rel: str, line: int, problems: Problems,
           search_line: Callable[..., int]) -> VocabValue | None:
    """``search_line(lang)``: the line of the search words in ``lang``; ``search_line()``: of all."""
    if not SLUG.match(key):
        problems.error(rel, line, f"vocabulary key '{key}' must be lowercase letters, digits and hyphens")
        return None
    if not isinstance(value, dict):
        problems.error(rel, line, f"'{key}' needs 'de:' and 'en:' labels")
        return None
    labels = {lang: value.get(lang) for lang in LANGUAGES}
    missing = [lang for lang, label in labels.items() if not isinstance(label, str) or not label.strip()]
    if missing:
        problems.error(rel, line, f"'{key}' needs a text label for: {', '.join(missing)}")
        return None
    intro = value.get("einleitung") or {}
    unknown = set(value) - {*LANGUAGES, "einleitung", SEARCH_WORDS}
    if unknown:
        problems.error(rel, line, f"'{key}' has unknown fields: {', '.join(sorted(unknown))} "
                       f"(allowed: de, en, einleitung, {SEARCH_WORDS})")
    if not isinstance(intro, dict) or not all(isinstance(intro.get(lang, ""), str) for lang in LANGUAGES):
        problems.error(rel, line, f"'{key}': 'einleitung' needs texts 'de:' and 'en:'")
        intro = {}
    search = _search_words(key, value.get(SEARCH_WORDS), rel, search_line, problems)
    return VocabValue(key, {k: v.strip() for k, v in labels.items() if isinstance(v, str)},
                      {k: v.strip() for k, v in intro.items() if k in LANGUAGES and v}, search)


def _search_words(key: str, spec: object, rel: str, line_of: Callable[..., int],
                  problems: Problems) -> dict[str, tuple[str, ...]]:
    """``suchwoerter: {de: [...], en: [...]}``: optional, each language a list of words."""
    line = line_of()
    if spec is None:
        return {}
    hint = f"'{key}': '{SEARCH_WORDS}' needs lists of words per language, e.g. {SEARCH_WORDS}: {{de: [Wort], en: [word]}}"
    if not isinstance(spec, dict):
        problems.error(rel, line, hint)
        return {}
    result: dict[str, tuple[str, ...]] = {}
    for lang, words in spec.items():
        if lang not in LANGUAGES:
            problems.error(rel, line_of(lang), f"'{key}': '{SEARCH_WORDS}' has unknown language '{lang}' (allowed: de, en)")
            continue
        if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
            problems.error(rel, line_of(lang), hint)
            continue
        result[lang] = tuple(dict.fromkeys(w.strip() for w in words))
    return result
