"""The JSON Schemas for editors' tools: generated, committed, published, and in step with the checker.

The schema and the checker must agree on every broken fixture in tests/fixtures/broken/: both
report it, and on the same line. Some rules are the checker's alone, so they have no fixture
here: a slug naming an entry that does not exist, a lower bound above the upper one, file
names, duplicate keys and former slugs claimed twice (see tests/golden/check/).
"""

from __future__ import annotations

from pathlib import Path

from support.sites import REPO


def test_the_site_publishes_the_schemas(built_site: Path) -> None:
    for path in (REPO / "schema").glob("*.json"):
        assert (built_site / "schema" / path.name).read_text(encoding="utf-8") == path.read_text(encoding="utf-8")
