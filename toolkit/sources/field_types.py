"""Every type a declared field can have (``schema.Field.type``), in one place each.

A type says how a value is checked, how it appears in the JSON Schema for editors' tools, which
widget the browser editor gives it, how a template's comment describes it, and its type in the
open data's table schema. The modules that write those media (``validate.py``,
``jsonschema.py``, ``cms_config.py``, ``template.py``, ``datapackage.py``) hand each type a small
writer with what they know (the vocabularies, how to write a nested field), and ask it.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Protocol

from toolkit.content.model import LANGUAGES, Vocabulary
from toolkit.content.schema import TIME, Field
from toolkit.content.slug import SLUG
from toolkit.sources.files import CONTROL, Key
from toolkit.sources.problems import did_you_mean

URL = re.compile(r"^https?://[^\s<>\"']+$")
EMAIL = re.compile(r"^[^@\s<>\"'()\[\],;:]+@[^@\s<>\"'()\[\],;:]+\.[^@\s<>\"'()\[\],;:]+$")


class Checking(Protocol):
    """What a type needs of the checker (``validate.Checker``)."""

    @property
    def vocab(self) -> dict[str, Vocabulary]: ...

    def error(self, key: Key, message: str) -> None: ...
    def warning(self, key: Key, message: str) -> None: ...
    def type_error(self, key: Key, spec: Field, expected: str, value: Any) -> None: ...
    def value(self, value: Any, spec: Field, key: Key) -> Any: ...
    def fields(self, meta: dict[str, Any], declared: tuple[Field, ...], key: Key = ()) -> dict[str, Any]: ...
    def reference(self, spec: Field, slug: str, key: Key) -> None: ...


class JsonSchemaWriting(Protocol):
    """What a type needs to write its JSON Schema (``jsonschema.py``)."""

    @property
    def vocab(self) -> dict[str, Vocabulary]: ...

    def value(self, spec: Field) -> dict[str, Any]: ...
    def mapping(self, declared: tuple[Field, ...]) -> dict[str, Any]: ...


class EditorWriting(Protocol):
    """What a type needs to configure the browser editor's widget (``cms_config.py``)."""

    @property
    def vocab(self) -> dict[str, Vocabulary]: ...

    def field(self, spec: Field) -> dict[str, Any]: ...
    def widget(self, spec: Field) -> dict[str, Any]: ...
    def relation(self, spec: Field) -> dict[str, Any]: ...
    def options(self, spec: Field) -> list[dict[str, str]]: ...
    def label(self, name: str) -> str: ...
    def long(self, spec: Field) -> bool: ...


class TemplateWriting(Protocol):
    """What a type needs to explain its value in a template's comment (``template.py``)."""

    @property
    def words(self) -> dict[str, str]: ...

    def limit(self, spec: Field) -> str: ...
    def keys(self, spec: Field) -> str: ...
    def first(self, spec: Field) -> list[str]: ...
    def refs(self, ref: str | None) -> str: ...


class FieldType:
    name = ""
    table_type = "string"  # the Table Schema type of its column in the open data
    table_format: str | None = None

    def check(self, c: Checking, value: Any, spec: Field, key: Key) -> Any:
        raise NotImplementedError

    def json_schema(self, spec: Field, to: JsonSchemaWriting) -> dict[str, Any]:
        raise NotImplementedError

    def editor(self, spec: Field, to: EditorWriting) -> dict[str, Any]:
        raise NotImplementedError

    def described(self, spec: Field, to: TemplateWriting) -> str:
        return to.words[self.name]


class Text(FieldType):
    name = "text"

    def check(self, c: Checking, value: Any, spec: Field, key: Key) -> str | None:
        if not isinstance(value, str):
            c.type_error(key, spec, "text", value)
            return None
        control = CONTROL.search(value)
        if control:  # written as an escape in quotes ("\e", "\x1b"): the file itself is clean
            c.error(key, f"'{spec.name}' contains the invisible control character U+{ord(control.group()):04X}; "
                         f"delete it")
            return None
        if spec.pattern and not re.fullmatch(spec.pattern, value.strip()):
            c.error(key, f"'{spec.name}' must be {spec.pattern_hint or 'written as the template shows'}, "
                         f"not {describe(value)}")
            return None
        return value.strip()

    def json_schema(self, spec: Field, to: JsonSchemaWriting) -> dict[str, Any]:
        if spec.pattern:
            return {"type": "string", "pattern": f"^(?:{spec.pattern})$"}
        return {"type": "string", "minLength": 1} if spec.required else {"type": "string"}

    def editor(self, spec: Field, to: EditorWriting) -> dict[str, Any]:
        return {"widget": "text" if to.long(spec) else "string"}

    def described(self, spec: Field, to: TemplateWriting) -> str:
        return to.words["time"] if spec.pattern == TIME else to.words["text"]


class Number(FieldType):
    """A number between the field's bounds; ``Integer`` for whole numbers."""

    name = "number"
    table_type = "number"
    expected = "a number"

    def accepts(self, value: Any) -> bool:
        return not isinstance(value, bool) and isinstance(value, (int, float))

    def check(self, c: Checking, value: Any, spec: Field, key: Key) -> int | float | None:
        if not self.accepts(value):
            c.type_error(key, spec, self.expected, value)
            return None
        number = value if self.name == "int" else float(value)
        if (spec.minimum is not None and number < spec.minimum) or (spec.maximum is not None and number > spec.maximum):
            low = "" if spec.minimum is None else f"at least {spec.minimum:g}"
            high = "" if spec.maximum is None else f"at most {spec.maximum:g}"
            c.error(key, f"'{spec.name}' is {number}, but must be {' and '.join(p for p in (low, high) if p)}")
            return None
        return number

    def json_schema(self, spec: Field, to: JsonSchemaWriting) -> dict[str, Any]:
        bounds = {k: v for k, v in (("minimum", spec.minimum), ("maximum", spec.maximum)) if v is not None}
        return {"type": "integer" if self.name == "int" else "number", **bounds}

    def editor(self, spec: Field, to: EditorWriting) -> dict[str, Any]:
        bounds = {k: v for k, v in (("min", spec.minimum), ("max", spec.maximum)) if v is not None}
        return {"widget": "number", "value_type": "int" if self.name == "int" else "float", **bounds}

    def described(self, spec: Field, to: TemplateWriting) -> str:
        limit = to.limit(spec)
        return to.words[self.name] + (f", {limit}" if limit else "")


class Integer(Number):
    name = "int"
    table_type = "integer"
    expected = "a whole number"

    def accepts(self, value: Any) -> bool:
        return not isinstance(value, bool) and isinstance(value, int)


class Date(FieldType):
    name = "date"
    table_type = "date"

    def check(self, c: Checking, value: Any, spec: Field, key: Key) -> dt.date | None:
        if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
            c.type_error(key, spec, "a date written YYYY-MM-DD (e.g. 2026-03-01)", value)
            return None
        return value

    def json_schema(self, spec: Field, to: JsonSchemaWriting) -> dict[str, Any]:
        # The YAML language server reads an unquoted date as text, so the pattern is what it checks.
        return {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}

    def editor(self, spec: Field, to: EditorWriting) -> dict[str, Any]:
        # A plain date: the checker reads YYYY-MM-DD, without time or time zone.
        return {"widget": "datetime", "format": "YYYY-MM-DD", "date_format": "DD.MM.YYYY", "time_format": False}


class Url(FieldType):
    name = "url"
    table_format = "uri"

    def check(self, c: Checking, value: Any, spec: Field, key: Key) -> str | None:
        if not isinstance(value, str) or not URL.match(value.strip()):
            c.error(key, f"'{spec.name}' must be a web address starting with https:// or http://, not {describe(value)}")
            return None
        return value.strip()

    def json_schema(self, spec: Field, to: JsonSchemaWriting) -> dict[str, Any]:
        return {"type": "string", "pattern": URL.pattern}

    def editor(self, spec: Field, to: EditorWriting) -> dict[str, Any]:
        return {"widget": "string", "type": "url", "pattern": [r"^https?://\S+$", "Eine Webadresse mit https://"]}


class Email(FieldType):
    name = "email"

    def check(self, c: Checking, value: Any, spec: Field, key: Key) -> str | None:
        if not isinstance(value, str) or not EMAIL.match(value.strip()):
            c.error(key, f"'{spec.name}' must be an e-mail address such as name@example.org, not {describe(value)}")
            return None
        return value.strip()

    def json_schema(self, spec: Field, to: JsonSchemaWriting) -> dict[str, Any]:
        return {"type": "string", "format": "email", "pattern": EMAIL.pattern}

    def editor(self, spec: Field, to: EditorWriting) -> dict[str, Any]:
        return {"widget": "string", "type": "email"}


class Choice(FieldType):
    """One of a few values named in the declaration, where a vocabulary would be too much."""

    name = "choice"

    def check(self, c: Checking, value: Any, spec: Field, key: Key) -> str | None:
        if not isinstance(value, str) or value not in spec.choices:
            c.error(key, f"'{spec.name}' must be one of {', '.join(spec.choices)}, not {describe(value)}"
                         f"{did_you_mean(value, spec.choices)}")
            return None
        return value

    def json_schema(self, spec: Field, to: JsonSchemaWriting) -> dict[str, Any]:
        return {"enum": list(spec.choices)}

    def editor(self, spec: Field, to: EditorWriting) -> dict[str, Any]:
        return {"widget": "select", "options": list(spec.choices)}

    def described(self, spec: Field, to: TemplateWriting) -> str:
        return to.words["text"]


class VocabularyKey(FieldType):
    name = "key"

    def check(self, c: Checking, value: Any, spec: Field, key: Key) -> object:
        """The key, or None when it is not one; the value unchecked while its vocabulary is broken."""
        assert spec.vocab is not None
        if spec.vocab not in c.vocab:
            return value  # the vocabulary file itself is broken: reported there, not at every use
        values = c.vocab[spec.vocab].values
        if not isinstance(value, str):
            c.type_error(key, spec, "a vocabulary key", value)
            return None
        if value not in values:
            c.error(key, f"unknown {spec.vocab} value '{value}'{did_you_mean(value, values)}; "
                         f"allowed: {', '.join(values)}")
            return None
        return value

    def json_schema(self, spec: Field, to: JsonSchemaWriting) -> dict[str, Any]:
        assert spec.vocab is not None
        known = to.vocab.get(spec.vocab)
        return {"enum": list(known.values)} if known else {"type": "string", "pattern": SLUG.pattern}

    def editor(self, spec: Field, to: EditorWriting) -> dict[str, Any]:
        return {"widget": "select", "options": to.options(spec)}

    def described(self, spec: Field, to: TemplateWriting) -> str:
        return to.words["one_of"].format(keys=to.keys(spec))


class Slug(FieldType):
    """The slug of an entry: of the kind ``spec.ref`` (a reference, checked once all are loaded)."""

    name = "slug"

    def check(self, c: Checking, value: Any, spec: Field, key: Key) -> str | None:
        if not isinstance(value, str):
            c.type_error(key, spec, "a slug", value)
            return None
        if not SLUG.match(value):
            c.error(key, f"'{value}' is not a slug: use lowercase letters, digits and hyphens")
            return None
        if spec.ref:
            c.reference(spec, value, key)
        return value

    def json_schema(self, spec: Field, to: JsonSchemaWriting) -> dict[str, Any]:
        return {"type": "string", "pattern": SLUG.pattern}

    def editor(self, spec: Field, to: EditorWriting) -> dict[str, Any]:
        if spec.ref is None:  # a slug of its own kind, e.g. a former one: written by hand
            return {"widget": "string", "pattern": [SLUG.pattern, "Kleinbuchstaben, Ziffern und Bindestriche"]}
        return to.relation(spec)

    def described(self, spec: Field, to: TemplateWriting) -> str:
        return to.words["one_ref"].format(refs=to.refs(spec.ref))


class List(FieldType):
    """Items of one declared type (``spec.item``), each at most once."""

    name = "list"

    def check(self, c: Checking, value: Any, spec: Field, key: Key) -> list[Any] | None:
        assert spec.item is not None
        if not isinstance(value, list):
            c.type_error(key, spec, "a list (one item per line, starting with '- ')", value)
            return None
        result = []
        seen: set[str] = set()
        for i, item in enumerate(value):
            checked = c.value(item, spec.item, (*key, i))
            if checked is None:
                continue
            marker = repr(checked)
            if marker in seen:
                c.error((*key, i), f"'{spec.name}' lists {checked!r} twice; remove one")
                continue
            seen.add(marker)
            result.append(checked)
        return result

    def json_schema(self, spec: Field, to: JsonSchemaWriting) -> dict[str, Any]:
        assert spec.item is not None
        items = to.value(spec.item)
        if spec.item.doc != spec.doc:
            items = {"description": spec.item.doc, **items}
        minimum = {"minItems": 1} if spec.required else {}
        return {"type": "array", "items": items, "uniqueItems": True, **minimum}

    def editor(self, spec: Field, to: EditorWriting) -> dict[str, Any]:
        assert spec.item is not None
        item = spec.item
        minimum = {"min": 1} if spec.required else {}
        if item.type == "key":
            return {"widget": "select", "multiple": True, "options": to.options(item), **minimum}
        if item.type == "slug" and item.ref is not None:
            return {**to.relation(item), "multiple": True, **minimum}
        if item.type == "object":
            return {"widget": "list", "fields": [to.field(f) for f in item.fields], **minimum}
        single = {"name": item.name, "label": to.label(spec.name), **to.widget(item)}
        return {"widget": "list", "field": single, **minimum}

    def described(self, spec: Field, to: TemplateWriting) -> str:
        item = spec.item
        assert item is not None
        if item.type == "key":
            return to.words["key_list"].format(first=", ".join(to.first(spec)), keys=to.keys(item))
        if item.type == "slug":
            return to.words["slug_list"].format(refs=to.refs(item.ref))
        if item.type == "object":
            return to.words["object_list"]
        return to.words["text_list"]


class Group(FieldType):
    """Fields of their own (``spec.fields``); pairs of them in ``spec.order`` must be in order."""

    name = "object"

    def check(self, c: Checking, value: Any, spec: Field, key: Key) -> dict[str, Any] | None:
        if not isinstance(value, dict):
            c.type_error(key, spec, "a group of fields (" + ", ".join(f.name for f in spec.fields) + ")", value)
            return None
        clean = c.fields(value, spec.fields, key)
        for lower, upper in spec.order:
            low, high = clean.get(lower), clean.get(upper)
            if low is not None and high is not None and low > high:
                c.error(key, f"'{spec.name}': the lower value {low} is greater than the upper value {high}")
                return None
        return clean

    def json_schema(self, spec: Field, to: JsonSchemaWriting) -> dict[str, Any]:
        return to.mapping(spec.fields)

    def editor(self, spec: Field, to: EditorWriting) -> dict[str, Any]:
        return {"widget": "object", "fields": [to.field(f) for f in spec.fields]}


class Bilingual(FieldType):
    """A text in German and English side by side, as the glossary's terms hold them."""

    name = "bilingual"

    def check(self, c: Checking, value: Any, spec: Field, key: Key) -> dict[str, str] | None:
        pair = (Field("de", "text", f"the German text of '{spec.name}'", required=True),
                Field("en", "text", f"the English text of '{spec.name}'"))
        if not isinstance(value, dict):
            c.type_error(key, spec, "two texts, 'de:' and 'en:'", value)
            return None
        clean = c.fields(value, pair, key)
        if "de" in clean and "en" not in clean and empty(value.get("en")):
            # A term not yet translated: the English site shows the German text meanwhile.
            c.warning((*key, "en"), f"'{spec.name}' has no English text yet; the English site shows the German "
                                    f"text until 'en:' is filled in")
            clean["en"] = clean["de"]
        return clean if len(clean) == 2 else None

    def json_schema(self, spec: Field, to: JsonSchemaWriting) -> dict[str, Any]:
        pair = (Field("de", "text", f"{spec.doc}: German", required=True),
                Field("en", "text", f"{spec.doc}: English", required=True))
        return to.mapping(pair)

    def editor(self, spec: Field, to: EditorWriting) -> dict[str, Any]:
        pair = [{"name": lang, "label": to.label(lang), "widget": "text" if to.long(spec) else "string",
                 "required": spec.required} for lang in LANGUAGES]
        return {"widget": "object", "fields": pair}


FIELD_TYPES: dict[str, FieldType] = {t.name: t for t in (Text(), Integer(), Number(), Date(), Url(), Email(), Choice(),
                                                         VocabularyKey(), Slug(), List(), Group(), Bilingual())}


def field_type(spec: Field) -> FieldType:
    return FIELD_TYPES[spec.type]


def empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


def describe(value: Any) -> str:
    """A value as a message names it: "empty", "a list", "the number 3", "'text'"."""
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
