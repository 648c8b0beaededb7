"""Checking parsed front matter against the declared fields (see ``schema.py``).

Every check reports ``path:line`` of the offending key and, where there is a likely fix, says
it. Checks never stop at the first problem: an editor sees everything in one run.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from toolkit.model import Vocabulary
from toolkit.problems import Problems, did_you_mean
from toolkit.schema import Field
from toolkit.slug import SLUG
from toolkit.source import CONTROL, Key, Lines

_URL = re.compile(r"^https?://[^\s<>\"']+$")
EMAIL = re.compile(r"^[^@\s<>\"'()\[\],;:]+@[^@\s<>\"'()\[\],;:]+\.[^@\s<>\"'()\[\],;:]+$")


@dataclass(frozen=True)
class Reference:
    """A slug named in a source; resolved once every entry is loaded."""

    kind: str
    slug: str
    path: str
    line: int
    field: str


@dataclass
class Checker:
    """Checks one source's fields; collects problems and the references it names."""

    path: str
    lines: Lines
    vocab: dict[str, Vocabulary]
    problems: Problems
    references: list[Reference] = field(default_factory=list)

    def error(self, key: Key, message: str) -> None:
        self.problems.error(self.path, self.lines.line(key), message)

    def fields(self, meta: dict[str, Any], declared: tuple[Field, ...], key: Key = (), *,
               translation_of: str | None = None) -> dict[str, Any]:
        """Check a mapping against ``declared``; return the clean values of the fields present."""
        by_name = {f.name: f for f in declared}
        clean: dict[str, Any] = {}
        for name, value in meta.items():
            spec = by_name.get(name)
            where = (*key, name)
            if spec is None:
                self.error(where, f"unknown field '{name}'{did_you_mean(name, by_name)}")
                continue
            if translation_of is not None and not spec.translatable:
                self.error(where, f"'{name}' is not translated: it belongs only in the German file "
                                  f"{translation_of}; remove it here")
                continue
            if _empty(value):
                continue
            checked = self.value(value, spec, where)
            if checked is not None:
                clean[name] = checked
        for spec in declared:
            if not spec.required or spec.name in clean:
                continue
            if translation_of is not None:
                continue  # an empty text of a translation is a missing translation: the loader warns
            if spec.name in meta and not _empty(meta[spec.name]):
                continue  # present but wrong: already reported
            state = "is still empty" if spec.name in meta else "is missing"
            line_key = (*key, spec.name) if spec.name in meta else key
            self.error(line_key, f"required field '{spec.name}' {state}: {spec.doc}")
        return clean

    def value(self, value: Any, spec: Field, key: Key) -> Any:
        check = getattr(self, f"_{spec.type}")
        return check(value, spec, key)

    def _type_error(self, key: Key, spec: Field, expected: str, value: Any) -> None:
        raw = self.lines.raw.get(key)
        hint = ""
        if raw is not None and isinstance(value, bool) and expected in ("text", "a vocabulary key", "a slug"):
            hint = f"; YAML reads {raw} as {str(value).lower()}, so put it in quotes: \"{raw}\""
        elif raw is not None and value is None:
            hint = f"; YAML reads {raw} as nothing, so put it in quotes: \"{raw}\""
        elif raw is not None and expected in ("text", "a vocabulary key", "a slug"):
            hint = f"; put it in quotes: \"{raw}\""
        elif expected.startswith("a list") and isinstance(value, str):
            hint = f"; write it as a list: [{value}]"
        elif expected == "text" and isinstance(value, dict) and len(value) == 1 and key and isinstance(key[-1], int):
            # "- Vorschläge sammeln (6 Wochen): online" is a field named "Vorschläge sammeln …" to YAML.
            (name, rest), = value.items()
            step = f"{name}: {rest}" if rest is not None else f"{name}:"
            step = step.replace("\\", "\\\\").replace('"', '\\"')
            hint = f"; YAML reads the ': ' in it as a field name, so put the whole step in double quotes: - \"{step}\""
        self.error(key, f"'{spec.name}' must be {expected}, not {_describe(value)}{hint}")

    def _text(self, value: Any, spec: Field, key: Key) -> str | None:
        if not isinstance(value, str):
            self._type_error(key, spec, "text", value)
            return None
        control = CONTROL.search(value)
        if control:  # written as an escape in quotes ("\e", "\x1b"): the file itself is clean
            self.error(key, f"'{spec.name}' contains the invisible control character U+{ord(control.group()):04X}; "
                            f"delete it")
            return None
        if spec.pattern and not re.fullmatch(spec.pattern, value.strip()):
            self.error(key, f"'{spec.name}' must be {spec.pattern_hint or 'written as the template shows'}, "
                            f"not {_describe(value)}")
            return None
        return value.strip()

    def _int(self, value: Any, spec: Field, key: Key) -> int | None:
        if isinstance(value, bool) or not isinstance(value, int):
            self._type_error(key, spec, "a whole number", value)
            return None
        return self._bounded(value, spec, key)

    def _number(self, value: Any, spec: Field, key: Key) -> float | None:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self._type_error(key, spec, "a number", value)
            return None
        return self._bounded(float(value), spec, key)

    def _bounded(self, value: Any, spec: Field, key: Key) -> Any:
        if spec.minimum is not None and value < spec.minimum or spec.maximum is not None and value > spec.maximum:
            low = "" if spec.minimum is None else f"at least {spec.minimum:g}"
            high = "" if spec.maximum is None else f"at most {spec.maximum:g}"
            self.error(key, f"'{spec.name}' is {value}, but must be {' and '.join(p for p in (low, high) if p)}")
            return None
        return value

    def _date(self, value: Any, spec: Field, key: Key) -> dt.date | None:
        if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
            self._type_error(key, spec, "a date written YYYY-MM-DD (e.g. 2026-03-01)", value)
            return None
        return value

    def _url(self, value: Any, spec: Field, key: Key) -> str | None:
        if not isinstance(value, str) or not _URL.match(value.strip()):
            self.error(key, f"'{spec.name}' must be a web address starting with https:// or http://, not {_describe(value)}")
            return None
        return value.strip()

    def _email(self, value: Any, spec: Field, key: Key) -> str | None:
        if not isinstance(value, str) or not EMAIL.match(value.strip()):
            self.error(key, f"'{spec.name}' must be an e-mail address such as name@example.org, not {_describe(value)}")
            return None
        return value.strip()

    def _choice(self, value: Any, spec: Field, key: Key) -> str | None:
        if not isinstance(value, str) or value not in spec.choices:
            self.error(key, f"'{spec.name}' must be one of {', '.join(spec.choices)}, not {_describe(value)}"
                            f"{did_you_mean(value, spec.choices)}")
            return None
        return value

    def _key(self, value: Any, spec: Field, key: Key) -> str | None:
        assert spec.vocab is not None
        if spec.vocab not in self.vocab:
            return value  # the vocabulary file itself is broken: reported there, not at every use
        values = self.vocab[spec.vocab].values
        if not isinstance(value, str):
            self._type_error(key, spec, "a vocabulary key", value)
            return None
        if value not in values:
            self.error(key, f"unknown {spec.vocab} value '{value}'{did_you_mean(value, values)}; "
                            f"allowed: {', '.join(values)}")
            return None
        return value

    def _slug(self, value: Any, spec: Field, key: Key) -> str | None:
        if not isinstance(value, str):
            self._type_error(key, spec, "a slug", value)
            return None
        if not SLUG.match(value):
            self.error(key, f"'{value}' is not a slug: use lowercase letters, digits and hyphens")
            return None
        if spec.ref:
            self.references.append(Reference(spec.ref, value, self.path, self.lines.line(key), spec.name))
        return value

    def _list(self, value: Any, spec: Field, key: Key) -> list[Any] | None:
        assert spec.item is not None
        if not isinstance(value, list):
            self._type_error(key, spec, "a list (one item per line, starting with '- ')", value)
            return None
        result = []
        seen: set[Any] = set()
        for i, item in enumerate(value):
            checked = self.value(item, spec.item, (*key, i))
            if checked is None:
                continue
            marker = repr(checked)
            if marker in seen:
                self.error((*key, i), f"'{spec.name}' lists {checked!r} twice; remove one")
                continue
            seen.add(marker)
            result.append(checked)
        return result

    def _object(self, value: Any, spec: Field, key: Key) -> dict[str, Any] | None:
        if not isinstance(value, dict):
            self._type_error(key, spec, "a group of fields (" + ", ".join(f.name for f in spec.fields) + ")", value)
            return None
        clean = self.fields(value, spec.fields, key)
        low, high = clean.get("min", clean.get("von")), clean.get("max", clean.get("bis"))
        # Numbers only: times of day ("von": "19:00") may run past midnight into a later day.
        if isinstance(low, (int, float)) and isinstance(high, (int, float)) and low > high:
            self.error(key, f"'{spec.name}': the lower value {low} is greater than the upper value {high}")
            return None
        return clean

    def _bilingual(self, value: Any, spec: Field, key: Key) -> dict[str, str] | None:
        pair = (Field("de", "text", f"the German text of '{spec.name}'", required=True),
                Field("en", "text", f"the English text of '{spec.name}'"))
        if not isinstance(value, dict):
            self._type_error(key, spec, "two texts, 'de:' and 'en:'", value)
            return None
        clean = self.fields(value, pair, key)
        if "de" in clean and "en" not in clean and _empty(value.get("en")):
            # A term not yet translated: the English site shows the German text meanwhile.
            self.problems.warning(self.path, self.lines.line((*key, "en")),
                                  f"'{spec.name}' has no English text yet; the English site shows the German "
                                  f"text until 'en:' is filled in")
            clean["en"] = clean["de"]
        return clean if len(clean) == 2 else None


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


def _describe(value: Any) -> str:
    if value is None:
        return "empty"
    if value is True or value is False:
        return f"{str(value).lower()} (yes/no)"
    if isinstance(value, dict):
        return "a group of fields"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dt.date):
        return f"a date ({value.isoformat()})"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    return repr(value)
