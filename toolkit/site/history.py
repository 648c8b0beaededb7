"""When each source file last changed, from the repository's history.

One ``git log`` over the sources answers for every file at once: a page's "last changed" date
must not cost one process per page. Without git, outside a repository (a build from a tarball)
or in a shallow clone, there is no history: callers fall back to the sources' own dates.
"""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

# A record separator that cannot occur in a file name or a date.
_MARK = "\x1e"


def file_dates(*, root: Path, paths: tuple[str, ...] = ("docs",)) -> dict[str, date]:
    """Path relative to ``root`` -> date of the last commit that changed it; ``{}`` without history."""
    try:
        shallow = _git(root, "rev-parse", "--is-shallow-repository")
        if shallow is None or shallow.strip() != "false":
            # A shallow clone would date every file to its one commit: a wrong date is worse than none.
            return {}
        # core.quotepath=off: names with umlauts come out as they are, not as octal escapes.
        # --relative: paths relative to root, even when the repository's top level lies above it.
        log = _git(root, "-c", "core.quotepath=off", "log", f"--format={_MARK}%cs", "--name-only",
                   "--relative", "--", *paths)
    except OSError:  # no git installed
        return {}
    return parse_log(log or "")


def parse_log(text: str) -> dict[str, date]:
    """Parse ``git log --format=<MARK>%cs --name-only`` output: the newest date per path."""
    dates: dict[str, date] = {}
    for record in text.split(_MARK)[1:]:
        day, *names = record.strip("\n").split("\n")
        when = date.fromisoformat(day.strip())
        for name in filter(None, (n.strip() for n in names)):
            # Commits come newest first, but not strictly by date after merges: keep the newest.
            if name not in dates or when > dates[name]:
                dates[name] = when
    return dates


def _git(root: Path, *args: str) -> str | None:
    result = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True,
                            encoding="utf-8", timeout=60, check=False)
    return result.stdout if result.returncode == 0 else None
