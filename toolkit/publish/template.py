"""Templates for new sources: every declared field, explained by a comment, left empty to fill.

Everything comes from the declarations in ``schema.py`` and the vocabularies, so a template
never disagrees with the checker. Required fields stay empty (the checker then names each one
still to fill); optional groups are shown commented out, so that leaving them alone is valid.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

import yaml

from toolkit.content.kinds import ENTRY_FOLDERS, FIELDS, KINDS
from toolkit.content.labels import field_doc, label, section
from toolkit.content.model import DEFAULT_LANGUAGE, LANGUAGES, Vocabulary
from toolkit.content.schema import Field
from toolkit.publish.jsonschema import schema_file
from toolkit.sources.field_types import field_type

# Comment lines stay readable in a narrow editor window.
WIDTH = 100
SCHEMA_FOLDER = "schema"

# Languages whose nouns keep their capital letter inside a sentence.
_CAPITALISED_NOUNS = {"de"}
# The templates' words (labels.py, "template.<name>"), per language.
_WORDS = section("template")


def _intro(kind: str, lang: str, slug: str) -> str:
    """The template's first comment: what the file is and how to fill it in."""
    words = _WORDS[lang]
    if lang != DEFAULT_LANGUAGE:  # a translation: the same for every kind
        what = words["translation"].format(slug=slug)
    else:
        what = words.get(f"intro_{kind}") or words["intro"].format(kind=label(lang, f"entry_{kind}"))
    return f"{what} {words['how']}"


def entry_template(*, kind: str, lang: str, slug: str, vocab: dict[str, Vocabulary], title: str = "",
                   depth: int = 2) -> str:
    """A Markdown source for a tool or model project; ``depth`` is its folder depth in the repository."""
    declared = FIELDS[kind] if lang == DEFAULT_LANGUAGE else tuple(f for f in FIELDS[kind] if f.translatable)
    schema = "../" * depth + f"{SCHEMA_FOLDER}/{schema_file(kind, lang)}"
    # The schema line stands inside the front matter: MkDocs finds front matter only at the very start.
    lines = ["---", f"# yaml-language-server: $schema={schema}"]
    lines += _comment(_intro(kind, lang, slug), 0)
    prefill = {"titel": title} if lang == DEFAULT_LANGUAGE and title else {}
    for spec in declared:
        lines += _field(spec, vocab, 0, prefill.get(spec.name), lang=lang)
    lines += ["---", "", _WORDS[lang]["body"], ""]
    return "\n".join(lines)


def glossary_template(*, slug: str, vocab: dict[str, Vocabulary], title: str = "") -> str:
    """One term for ``docs/glossar.yml``, to be appended to the file."""
    lines = _comment(_intro("begriff", DEFAULT_LANGUAGE, slug), 0) + [f"{slug}:"]
    for spec in FIELDS["begriff"]:
        lines += _field(spec, vocab, 2, title if spec.name == "begriff" else None, lang=DEFAULT_LANGUAGE)
    return "\n".join(lines) + "\n"


def templates(*, vocab: dict[str, Vocabulary]) -> dict[str, str]:
    """Blank templates by file name, to copy where the web editor is all an editor has."""
    files = {}
    for kind in ENTRY_FOLDERS.values():
        for lang in LANGUAGES:
            name = f"{kind}.md" if lang == DEFAULT_LANGUAGE else f"{kind}.{lang}.md"
            files[name] = entry_template(kind=kind, lang=lang, slug="<slug>", vocab=vocab)
    files["begriff.yml"] = glossary_template(slug="neuer-begriff", vocab=vocab)
    return files


def _field(spec: Field, vocab: dict[str, Vocabulary], indent: int, prefill: str | None = None, *,
           lang: str) -> list[str]:
    pad = " " * indent
    lines = _comment(_explain(spec, vocab, lang), indent)
    if spec.type == "bilingual":
        return lines + [f"{pad}{spec.name}:", f"{pad}  de:{_scalar(prefill)}", f"{pad}  en:"]
    if spec.type == "object":
        inner = [line for sub in spec.fields for line in _field(sub, vocab, indent + 2, lang=lang)]
        return lines + [f"{pad}{spec.name}:", *(inner if spec.required else _folded(spec.fields, vocab, indent + 2,
                                                                                   lang=lang))]
    if spec.type == "list" and spec.item is not None and spec.item.type == "object":
        if not spec.required:
            return lines + [f"{pad}{spec.name}:", *_folded(spec.item.fields, vocab, indent + 2, item=True, lang=lang)]
        inner = [line for sub in spec.item.fields for line in _field(sub, vocab, indent + 4, lang=lang)]
        first = next(i for i, line in enumerate(inner) if not line.lstrip().startswith("#"))
        inner[first] = f"{pad}  - {inner[first].lstrip()}"
        inner[:first] = [f"{pad}  {line.lstrip()}" for line in inner[:first]]
        return lines + [f"{pad}{spec.name}:", *inner]
    if spec.type == "list" and spec.item is not None and spec.item.type == "text":
        return lines + [f"{pad}{spec.name}:", f"{pad}  # - {field_doc(spec.item.doc, lang)}"]
    if spec.type == "list":
        return lines + [f"{pad}{spec.name}: []"]
    return lines + [f"{pad}{spec.name}:{_scalar(prefill)}"]


def _folded(fields: tuple[Field, ...], vocab: dict[str, Vocabulary], indent: int, *, item: bool = False,
            lang: str) -> list[str]:
    """An optional group shown commented out: removing the '# ' before a line makes it a field."""
    pad = " " * indent
    lines = []
    for i, spec in enumerate(fields):
        lead = ("- " if i == 0 else "  ") if item else ""
        value = " []" if spec.type == "list" and spec.item is not None and spec.item.type != "text" else ""
        lines.append(f"{pad}# {lead}{spec.name}:{value}  # {_explain(spec, vocab, lang)}")
    return lines


def _explain(spec: Field, vocab: dict[str, Vocabulary], lang: str) -> str:
    words = _WORDS[lang]
    need = words["required"] if spec.required else words["optional"]
    return f"{field_doc(spec.doc, lang, capital=True)}. {need}; {_kind_of_value(spec, vocab, lang)}."


@dataclass(frozen=True)
class _Writer:
    """What a field type needs to explain its value (field_types.TemplateWriting)."""

    vocab: dict[str, Vocabulary]
    lang: str

    @property
    def words(self) -> dict[str, str]:
        return _WORDS[self.lang]

    def limit(self, spec: Field) -> str:
        words = self.words
        bounds = [words["at_least"].format(n=f"{spec.minimum:g}") if spec.minimum is not None else "",
                  words["at_most"].format(n=f"{spec.maximum:g}") if spec.maximum is not None else ""]
        return words["and"].join(b for b in bounds if b)

    def keys(self, spec: Field) -> str:
        return _keys(spec, self.vocab, self.lang)

    def first(self, spec: Field) -> list[str]:
        return _first(spec, self.vocab)

    def refs(self, ref: str | None) -> str:
        """What a slug of the kind ``ref`` is and where the editor finds it."""
        kind = KINDS.get(ref or "")
        if kind is None:
            return self.words["slugs"]
        if not kind.pages:  # glossary terms: keys of one file
            return self.words["term_slugs"]
        kinds = label(self.lang, f"collection_{kind.name}")
        if self.lang not in _CAPITALISED_NOUNS:  # "Model projects" in the middle of a sentence
            kinds = kinds.lower()
        return self.words["slugs_of"].format(kinds=kinds, folder=kind.folder)


def _kind_of_value(spec: Field, vocab: dict[str, Vocabulary], lang: str) -> str:
    return field_type(spec).described(spec, _Writer(vocab, lang))


def _keys(spec: Field, vocab: dict[str, Vocabulary], lang: str) -> str:
    known = vocab.get(spec.vocab or "")
    return ", ".join(known.values) if known else _WORDS[lang]["vocab_keys"].format(vocab=spec.vocab)


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
