"""Checking parsed front matter against the declared fields (see ``schema.py``); how each type of
value is checked is in ``field_types.py``.

Every check reports ``path:line`` of the offending key and, where there is a likely fix, says
it. Checks never stop at the first problem: an editor sees everything in one run.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from toolkit.content.model import Vocabulary
from toolkit.content.schema import Field
from toolkit.sources.field_types import describe, empty, field_type
from toolkit.sources.files import Key, Lines
from toolkit.sources.problems import Problems, did_you_mean


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
            if empty(value):
                continue
            checked = self.value(value, spec, where)
            if checked is not None:
                clean[name] = checked
        for spec in declared:
            if not spec.required or spec.name in clean:
                continue
            if translation_of is not None:
                continue  # an empty text of a translation is a missing translation: the loader warns
            if spec.name in meta and not empty(meta[spec.name]):
                continue  # present but wrong: already reported
            state = "is still empty" if spec.name in meta else "is missing"
            line_key = (*key, spec.name) if spec.name in meta else key
            self.error(line_key, f"required field '{spec.name}' {state}: {spec.doc}")
        return clean

    def value(self, value: Any, spec: Field, key: Key) -> Any:
        return field_type(spec).check(self, value, spec, key)

    def warning(self, key: Key, message: str) -> None:
        self.problems.warning(self.path, self.lines.line(key), message)

    def reference(self, spec: Field, slug: str, key: Key) -> None:
        """``slug`` names an entry of the kind ``spec.ref``: resolved once every entry is loaded."""
        assert spec.ref is not None
        self.references.append(Reference(spec.ref, slug, self.path, self.lines.line(key), spec.name))

    def type_error(self, key: Key, spec: Field, expected: str, value: Any) -> None:
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
        self.error(key, f"'{spec.name}' must be {expected}, not {describe(value)}{hint}")
