"""Two builds of the same sources are byte-identical.

Then a published change is exactly the change of its sources: a reviewer can compare two builds,
a mirror can verify a copy, and nothing about the machine or the moment leaks into the site.
The second build runs from another folder, at another time and with another hash seed (the order
of Python's sets and dicts of strings), so that none of these can change a byte unnoticed.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

from support.sites import copy_sources_of

SOURCE_DATE_EPOCH = "1767225600"


def fingerprint(site: Path) -> dict[str, str]:
    return {path.relative_to(site).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(site.rglob("*")) if path.is_file()}


def build_with_seed(project: Path, seed: str) -> Path:
    site = project / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH, "PYTHONHASHSEED": seed}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
                            cwd=project, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def test_two_builds_are_byte_identical(built_site: Path, tmp_path: Path) -> None:
    seed = "2" if os.environ.get("PYTHONHASHSEED") == "1" else "1"
    again = build_with_seed(copy_sources_of(built_site, tmp_path / "elsewhere"), seed)
    first, second = fingerprint(built_site), fingerprint(again)
    assert len(first) > 20
    only_first = sorted(first.keys() - second.keys())
    only_second = sorted(second.keys() - first.keys())
    differ = sorted(name for name in first.keys() & second.keys() if first[name] != second[name])
    assert not (only_first or only_second or differ), (
        f"files only in the first build: {only_first[:20]}\n"
        f"files only in the second build: {only_second[:20]}\n"
        f"{len(differ)} file(s) with different bytes: {differ[:40]}"
    )
