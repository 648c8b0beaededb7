"""Golden cases for the checker: a broken source in, the exact messages out.

Each file in tests/golden/check/ is one case: ``files`` (and ``bytes``, ``repeat``, ``symlinks``,
``remove``) change a small valid knowledge base (tests/fixtures/base plus the real vocabulary); ``output`` is
what ``python -m toolkit check`` must print, line for line, and ``exit`` its status.
``bytes`` are written as they are (backslash escapes, for broken encodings); ``repeat`` writes
``head``, then ``text`` ``times`` over, then ``tail`` (for very large or deeply nested files).
"""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest
import yaml

from support.projects import make_base, run_check
from support.sites import REPO

CASES = sorted((REPO / "tests" / "golden" / "check").glob("*.yml"))


def apply_case(root: Path, case: dict) -> None:
    for rel in case.get("remove", []):
        (root / rel).unlink()
    for rel, text in (case.get("files") or {}).items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    for rel, text in (case.get("bytes") or {}).items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes(codecs.decode(text, "unicode_escape").encode("latin-1"))
    for rel, spec in (case.get("repeat") or {}).items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(spec.get("head", "") + spec["text"] * spec["times"] + spec.get("tail", ""),
                                encoding="utf-8")
    for rel, target in (case.get("symlinks") or {}).items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        os.symlink(target, root / rel)


def test_base_is_valid(tmp_path: Path) -> None:
    result = run_check(make_base(tmp_path))
    assert (result.returncode, result.stdout) == (0, ""), result.stdout + result.stderr


@pytest.mark.parametrize("case_file", CASES, ids=[c.stem for c in CASES])
def test_golden(case_file: Path, tmp_path: Path) -> None:
    case = yaml.safe_load(case_file.read_text(encoding="utf-8"))
    root = make_base(tmp_path)
    apply_case(root, case)
    result = run_check(root)
    assert "Traceback" not in result.stderr + result.stdout
    assert result.stdout.splitlines() == case["output"].strip().splitlines()
    assert result.returncode == case.get("exit", 1)
