"""Estimates are marked as such: the field that says who estimated a tool's figures is declared, and
its marker names the figures as estimates."""

from __future__ import annotations

from toolkit.content.labels import label
from toolkit.content.schema import WERKZEUG


def test_the_field_is_declared_for_tools() -> None:
    assert "richtwerte" in {f.name for f in WERKZEUG}


def test_the_marker_names_the_estimates_as_such() -> None:
    assert "Richtwerte der Redaktion" in label("de", "richtwerte_redaktion")
    assert "Editors' estimates" in label("en", "richtwerte_redaktion")
