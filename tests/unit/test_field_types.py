"""Each field type in one place (toolkit/sources/field_types.py): every declared field has one, and it
answers for every medium the sources are written into."""

from __future__ import annotations

from collections.abc import Iterator

from support.sites import REPO
from toolkit.content.kinds import KINDS
from toolkit.content.schema import BETREIBER, Field
from toolkit.publish.cms_config import cms_config
from toolkit.publish.jsonschema import schemas
from toolkit.publish.template import templates
from toolkit.sources.field_types import FIELD_TYPES, field_type
from toolkit.sources.problems import Problems
from toolkit.sources.vocabulary import load_vocabularies

VOCAB = load_vocabularies(REPO / "docs", REPO, Problems())


def declared(fields: tuple[Field, ...]) -> Iterator[Field]:
    for spec in fields:
        yield spec
        yield from declared(spec.fields)
        if spec.item is not None:
            yield from declared((spec.item,))


def test_every_declared_field_has_a_type() -> None:
    every = [*(f for kind in KINDS.values() for f in declared(kind.fields)), *declared(BETREIBER)]
    unknown = sorted({f"{f.name}: {f.type}" for f in every if f.type not in FIELD_TYPES})
    assert unknown == []
    assert {f.type for f in every} <= set(FIELD_TYPES)


def test_each_type_used_by_an_entry_answers_for_every_medium() -> None:
    # The schemas, the editor's configuration and the templates are all made through the types:
    # a type missing one of them fails here, not in an editor's tool.
    made = schemas(vocab=VOCAB)
    assert all(f"{name}.schema.json" in made for name in KINDS)
    config = cms_config(vocab=VOCAB, edit_base="https://github.com/o/n/edit/main/", site_url="https://x/")
    assert {c["name"] for c in config["collections"]} == {kind.folder for kind in KINDS.values()}
    assert all(text.strip() for text in templates(vocab=VOCAB).values())


def test_a_number_keeps_its_kind_and_its_bounds_in_every_medium() -> None:
    spec = Field("teilnehmende", "int", "people", minimum=1, maximum=30)
    kind = field_type(spec)
    assert kind.table_type == "integer"
    assert kind.json_schema(spec, None) == {"type": "integer", "minimum": 1, "maximum": 30}  # type: ignore[arg-type]  # a number needs no writer
