"""The type checker's settings reach every module they are meant for.

hooks/, scripts/ and bench/ are no packages: mypy knows their modules by file name only, so each must be
named in the strict override of pyproject.toml, or a new file there would be checked leniently.
"""

from __future__ import annotations

import re
import tomllib

from support.sites import REPO

CONFIG = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mypy"]


def strict_modules() -> set[str]:
    """The modules of the override that turns on the rest of --strict."""
    (strict,) = [o for o in CONFIG["overrides"] if o.get("disallow_untyped_defs")]
    return set(strict["module"])


def test_every_hook_and_script_is_checked_strictly() -> None:
    files = sorted((REPO / "hooks").glob("*.py")) + sorted((REPO / "scripts").glob("*.py"))
    files += sorted((REPO / "bench").glob("*.py"))
    assert files
    assert {path.stem for path in files} <= strict_modules()
    assert {"toolkit", "toolkit.*"} <= strict_modules()


def test_mypy_checks_the_folders_it_is_strict_on() -> None:
    assert {"toolkit", "hooks", "scripts", "bench"} <= set(CONFIG["files"])


def test_every_silenced_type_error_says_why() -> None:
    # '# type: ignore[code]  # why' : the reason beside it tells the next reader whether it still holds.
    silenced = re.compile(r"#\s*type:\s*ignore(\[[\w,-]+\])?(?P<after>.*)$")
    unexplained = []
    for folder in ("toolkit", "hooks", "scripts", "bench", "tests"):
        for path in sorted((REPO / folder).rglob("*.py")):
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
                found = silenced.search(line)
                if found and not re.match(r"\s*#\s*\S", found["after"]):
                    unexplained.append(f"{path.relative_to(REPO)}:{number}")
    assert unexplained == []
