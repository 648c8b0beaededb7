"""A built site's search index read back: the records Pagefind lists per language."""

from __future__ import annotations

import gzip
import json
from pathlib import Path


def search_records(site: Path) -> dict[str, dict[str, dict]]:
    """Per language, the search records the index lists: URL -> record (with its anchors).

    A record is a page's fragment file; it counts only when the language's index names it.
    """
    bundle = site / "pagefind"
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    records: dict[str, dict[str, dict]] = {}
    for lang, info in entry["languages"].items():
        meta = _unpack(bundle / f"pagefind.{info['hash']}.pf_meta")
        records[lang] = {}
        for fragment in sorted((bundle / "fragment").glob(f"{lang}_*.pf_fragment")):
            if fragment.name.removesuffix(".pf_fragment").encode() in meta:
                record = json.loads(_unpack(fragment))
                records[lang][record["url"]] = record
    return records


def _unpack(path: Path) -> bytes:
    data = gzip.decompress(path.read_bytes())
    signature = b"pagefind_dcd"
    assert data.startswith(signature), f"{path}: not a Pagefind file as this test knows it"
    return data[len(signature):]
