"""The operator's facts (docs/betreiber.yml) filled with made-up values that are easy to find on a page."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from toolkit.sources.operator_facts import FACTS


def filled_values() -> dict[str, str]:
    """A made-up value for every fact, recognisable on the pages; e-mail and web addresses valid."""
    values = {}
    for name, spec in FACTS.items():
        word = name.replace(".", "-").replace("_", "-")
        if spec.type == "email":
            values[name] = f"{word}@beispiel.example"
        elif spec.type == "url":
            values[name] = f"https://{word}.beispiel.example/"
        elif spec.type == "choice":
            values[name] = spec.choices[0]
        elif name.startswith("repository."):
            values[name] = {"repository.besitzer": "beispiel-org", "repository.name": "wissen.basis",
                            "repository.zweig": "veroeffentlicht"}[name]
        else:
            values[name] = f"Wert für {word} & Co."
    return values


def fill(docs: Path, values: dict[str, str]) -> None:
    data: dict[str, Any] = {}
    for name, value in values.items():
        *parents, last = name.split(".")
        node = data
        for part in parents:
            node = node.setdefault(part, {})
        node[last] = value
    (docs / "betreiber.yml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
