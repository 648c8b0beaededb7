"""Templates for new sources: every declared field, explained by a comment, left empty to fill.

Everything comes from the declarations in ``schema.py`` and the vocabularies, so a template
never disagrees with the checker. Required fields stay empty (the checker then names each one
still to fill); optional groups are shown commented out, so that leaving them alone is valid.
"""

from __future__ import annotations

import textwrap

import yaml

from toolkit.jsonschema import schema_file
from toolkit.model import Vocabulary
from toolkit.schema import KINDS, Field

# Comment lines stay readable in a narrow editor window.
WIDTH = 100
SCHEMA_FOLDER = "schema"

_REFERENCES = {
    "werkzeug": "tool slugs (file names in docs/werkzeuge/ without .md)",
    "modellvorhaben": "model-project slugs (file names in docs/modellvorhaben/ without .md)",
    "begriff": "glossary slugs (the keys in docs/glossar.yml)",
}
_INTRO = {
    ("werkzeug", "de"): "A tool card (Werkzeug).",
    ("modellvorhaben", "de"): "A model project (Modellvorhaben).",
    ("werkzeug", "en"): "The English translation of {slug}.md: only the text fields; every other field "
                        "comes from the German file.",
    ("modellvorhaben", "en"): "The English translation of {slug}.md: only the text fields; every other field "
                              "comes from the German file.",
}
_HOW = ("The comment above each field says what belongs there. Leave an optional field empty if it is "
        "not known. 'make check' names every required field that is still empty.")
_BODY = {
    "de": "<!-- Hier folgt der Text in Markdown (Zwischenüberschriften mit ##). Diesen Kommentar löschen. -->",
    "en": "<!-- The text follows here, in Markdown (headings with ##). Delete this comment. -->",
}


def entry_template(*, kind: str, lang: str, slug: str, vocab: dict[str, Vocabulary], title: str = "",
                   depth: int = 2) -> str:
    """A Markdown source for a tool or model project; ``depth`` is its folder depth in the repository."""
    declared = KINDS[kind] if lang == "de" else tuple(f for f in KINDS[kind] if f.translatable)
    schema = "../" * depth + f"{SCHEMA_FOLDER}/{schema_file(kind, lang)}"
    # The schema line stands inside the front matter: MkDocs finds front matter only at the very start.
    lines = ["---", f"# yaml-language-server: $schema={schema}"]
    lines += _comment(f"{_INTRO[kind, lang].format(slug=slug)} {_HOW}", 0)
    prefill = {"titel": title} if lang == "de" and title else {}
    for spec in declared:
        lines += _field(spec, vocab, 0, prefill.get(spec.name))
    lines += ["---", "", _BODY[lang], ""]
    return "\n".join(lines)


def glossary_template(*, slug: str, vocab: dict[str, Vocabulary], title: str = "") -> str:
    """One term for ``docs/glossar.yml``, to be appended to the file."""
    lines = _comment(f"A glossary term (Begriff). {_HOW}", 0) + [f"{slug}:"]
    for spec in KINDS["begriff"]:
        lines += _field(spec, vocab, 2, title if spec.name == "begriff" else None)
    return "\n".join(lines) + "\n"


def templates(*, vocab: dict[str, Vocabulary]) -> dict[str, str]:
    """Blank templates by file name, to copy where the web editor is all an editor has."""
    files = {}
    for kind in ("werkzeug", "modellvorhaben"):
        for lang in ("de", "en"):
            name = f"{kind}.md" if lang == "de" else f"{kind}.{lang}.md"
            files[name] = entry_template(kind=kind, lang=lang, slug="<slug>", vocab=vocab)
    files["begriff.yml"] = glossary_template(slug="neuer-begriff", vocab=vocab)
    return files


def _field(spec: Field, vocab: dict[str, Vocabulary], indent: int, prefill: str | None = None) -> list[str]:
    pad = " " * indent
    lines = _comment(_explain(spec, vocab), indent)
    if spec.type == "bilingual":
        return lines + [f"{pad}{spec.name}:", f"{pad}  de:{_scalar(prefill)}", f"{pad}  en:"]
    if spec.type == "object":
        inner = [line for sub in spec.fields for line in _field(sub, vocab, indent + 2)]
        return lines + [f"{pad}{spec.name}:", *(inner if spec.required else _folded(spec.fields, vocab, indent + 2))]
    if spec.type == "list" and spec.item is not None and spec.item.type == "object":
        if not spec.required:
            return lines + [f"{pad}{spec.name}:", *_folded(spec.item.fields, vocab, indent + 2, item=True)]
        inner = [line for sub in spec.item.fields for line in _field(sub, vocab, indent + 4)]
        first = next(i for i, line in enumerate(inner) if not line.lstrip().startswith("#"))
        inner[first] = f"{pad}  - {inner[first].lstrip()}"
        inner[:first] = [f"{pad}  {line.lstrip()}" for line in inner[:first]]
        return lines + [f"{pad}{spec.name}:", *inner]
    if spec.type == "list" and spec.item is not None and spec.item.type == "text":
        return lines + [f"{pad}{spec.name}:", f"{pad}  # - {spec.item.doc}"]
    if spec.type == "list":
        return lines + [f"{pad}{spec.name}: []"]
    return lines + [f"{pad}{spec.name}:{_scalar(prefill)}"]


def _folded(fields: tuple[Field, ...], vocab: dict[str, Vocabulary], indent: int, *, item: bool = False) -> list[str]:
    """An optional group shown commented out: removing the '# ' before a line makes it a field."""
    pad = " " * indent
    lines = []
    for i, spec in enumerate(fields):
        lead = ("- " if i == 0 else "  ") if item else ""
        value = " []" if spec.type == "list" and spec.item is not None and spec.item.type != "text" else ""
        lines.append(f"{pad}# {lead}{spec.name}:{value}  # {_explain(spec, vocab)}")
    return lines


def _explain(spec: Field, vocab: dict[str, Vocabulary]) -> str:
    need = "Required" if spec.required else "Optional"
    return f"{spec.doc[0].upper()}{spec.doc[1:]}. {need}; {_kind_of_value(spec, vocab)}."


def _kind_of_value(spec: Field, vocab: dict[str, Vocabulary]) -> str:
    bounds = [f"at least {spec.minimum:g}" if spec.minimum is not None else "",
              f"at most {spec.maximum:g}" if spec.maximum is not None else ""]
    limit = " and ".join(b for b in bounds if b)
    if spec.type == "text":
        return "text"
    if spec.type in ("int", "number"):
        return ("a whole number" if spec.type == "int" else "a number") + (f", {limit}" if limit else "")
    if spec.type == "date":
        return "a date such as 2026-03-01"
    if spec.type == "url":
        return "a web address"
    if spec.type == "key":
        return f"one of: {_keys(spec, vocab)}"
    if spec.type == "slug":
        return f"one of the {_REFERENCES.get(spec.ref or '', 'slugs')}"
    if spec.type == "object":
        return "a group of the fields below"
    if spec.type == "bilingual":
        return "the German text after 'de:', the English after 'en:'"
    item = spec.item
    assert item is not None
    if item.type == "key":
        return f"a list in brackets, e.g. [{', '.join(_first(spec, vocab))}], of: {_keys(item, vocab)}"
    if item.type == "slug":
        return f"a list in brackets, e.g. [first-slug, second-slug], of {_REFERENCES.get(item.ref or '', 'slugs')}"
    if item.type == "object":
        return "a list; each item has the fields below, the first one after '- '"
    return "a list, one item per line starting with '- '"


def _keys(spec: Field, vocab: dict[str, Vocabulary]) -> str:
    known = vocab.get(spec.vocab or "")
    return ", ".join(known.values) if known else f"the keys of '{spec.vocab}' in docs/vokabular.yml"


def _first(spec: Field, vocab: dict[str, Vocabulary]) -> list[str]:
    known = vocab.get(spec.item.vocab or "") if spec.item else None
    return list(known.values)[:2] if known else ["key"]


def _comment(text: str, indent: int) -> list[str]:
    pad = " " * indent
    # A no-break space keeps "'- '" on one line; it becomes a plain space again after wrapping.
    lines = textwrap.wrap(text.replace("'- '", "'-\u00a0'"), WIDTH - indent, initial_indent=f"{pad}# ",
                          subsequent_indent=f"{pad}# ", break_on_hyphens=False, break_long_words=False)
    return [line.replace("\u00a0", " ") for line in lines]


def _scalar(value: str | None) -> str:
    if not value:
        return ""
    # YAML's own writer quotes a title only where YAML would misread it ("Ja", "10:30", ...).
    return " " + yaml.safe_dump(value, allow_unicode=True, width=10_000).split("\n")[0]
