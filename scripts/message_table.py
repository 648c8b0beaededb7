"""CONTRIBUTING.md's table of the checker's messages, generated from the golden cases.

Every golden case in tests/golden/check/ is a broken source with the exact messages of
``python -m toolkit check``, and its ``hilfe:`` says in German what they mean and how to fix them.
The table lists each case's messages (names and values shortened to '…') beside that text, so
every message the checker can give is explained, and the table cannot drift from the checker:
a test compares it with this output. ``python scripts/message_table.py`` rewrites the table.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden" / "check"
GUIDE = ROOT / "CONTRIBUTING.md"
START = "<!-- Meldungen: erzeugt aus tests/golden/check/ mit 'make messages'; nicht von Hand ändern -->"
END = "<!-- Ende der Meldungen -->"
_LINE = re.compile(r"^\S.*?(?::\d+)?: (?P<severity>error|warning): (?P<message>.*)$")
# A quoted name or value, not an apostrophe inside a word ("the site's").
_QUOTED = re.compile(r"(?:(?<=[\s(\[])|^)'[^']*'(?=[\s,;:)?.\]]|$)|\"[^\"]*\"")


def shape(message: str) -> str:
    """A message with the names and values of one case shortened, so cases group alike messages."""
    message = _QUOTED.sub(lambda m: m.group(0)[0] + "…" + m.group(0)[0], message)
    message = re.sub(r"; allowed: .*$", "; allowed: …", message)
    message = re.sub(r"(is still empty|is missing): .*$", r"\1: (what belongs there)", message)
    message = re.sub(r"U\+[0-9A-F]{4}", "U+…", message)
    return message


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def table() -> str:
    rows = ["| Meldung | Bedeutung und Abhilfe |", "| --- | --- |"]
    for path in sorted(GOLDEN.glob("*.yml")):
        case = yaml.safe_load(path.read_text(encoding="utf-8"))
        shapes = []
        for line in case["output"].strip().splitlines():
            match = _LINE.match(line)
            if match is None:
                raise ValueError(f"{path.name}: not a checker message: {line}")
            shown = f"{match['severity']}: {shape(match['message'])}"
            if shown not in shapes:
                shapes.append(shown)
        messages = "<br>".join(f"`{_cell(s)}`" for s in shapes)
        rows.append(f"| {messages} | {_cell(case['hilfe'])} |")
    return "\n".join(rows) + "\n"


def with_table(guide: str) -> str:
    before, start, rest = guide.partition(START)
    _, end, after = rest.partition(END)
    if not start or not end:
        raise ValueError(f"CONTRIBUTING.md lacks the markers {START!r} and {END!r}")
    return f"{before}{START}\n{table()}{END}{after}"


def main() -> int:
    GUIDE.write_text(with_table(GUIDE.read_text(encoding="utf-8")), encoding="utf-8")
    print(f"wrote the message table of {GUIDE.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
