"""Problems found in sources, reported as ``path:line: severity: message``."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

# Control characters from a source, echoed in a message, would reach the editor's terminal (where
# an escape sequence can do things) or break the one-line format: they are shown as \x1b.
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def _printable(text: str) -> str:
    return _UNPRINTABLE.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing an editor has to fix (error) or should know (warning).

    ``path`` is relative to the repository, ``line`` is 1-based (0 when the
    whole file is meant, e.g. an unreadable file).
    """

    path: str
    line: int
    severity: Severity
    message: str

    def format(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.severity.value}: {self.message}"

    def format_github(self) -> str:
        """A GitHub Actions workflow command, shown on the line of the pull request."""
        line = f",line={self.line}" if self.line else ""
        return f"::{self.severity.value} file={_escape(self.path, in_property=True)}{line}::{_escape(self.message)}"


def _escape(text: str, *, in_property: bool = False) -> str:
    # GitHub's workflow-command escaping; in a property ',' and ':' would end the value.
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if in_property else text


class Problems(list[Problem]):
    """A list of problems with shorthands for adding them."""

    def error(self, path: str, line: int, message: str) -> None:
        self.append(Problem(_printable(path), line, Severity.ERROR, _printable(message)))

    def warning(self, path: str, line: int, message: str) -> None:
        self.append(Problem(_printable(path), line, Severity.WARNING, _printable(message)))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self if p.severity is Severity.WARNING]


def did_you_mean(value: object, candidates: Iterable[str]) -> str:
    """A hint naming the closest candidate, or "" when none is close."""
    import difflib

    if not isinstance(value, str):
        return ""
    matches = difflib.get_close_matches(value, list(candidates), n=1, cutoff=0.6)
    return f" (did you mean '{matches[0]}'?)" if matches else ""
