"""Command line: ``python -m toolkit check | new | export | corpus``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from toolkit.load import load


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m toolkit", description="Kleinstadtakademie knowledge base tools")
    commands = parser.add_subparsers(dest="command", required=True)

    check = commands.add_parser("check", help="check every source and report each problem as path:line")
    check.add_argument("--docs", type=Path, default=Path("docs"), help="the sources folder (default: docs)")
    check.add_argument("--format", choices=("text", "github"), default="text",
                       help="text: path:line: error: message; github: GitHub Actions annotations")
    check.set_defaults(run=run_check)

    args = parser.parse_args(argv)
    return int(args.run(args))


def run_check(args: argparse.Namespace) -> int:
    docs: Path = args.docs
    if not docs.is_dir():
        print(f"{docs}: error: no such folder (run this in the repository, or pass --docs)", file=sys.stderr)
        return 2
    _, problems = load(docs, root=Path.cwd() if docs.resolve().is_relative_to(Path.cwd().resolve()) else docs.parent)
    for problem in problems:
        print(problem.format_github() if args.format == "github" else problem.format())
    errors, warnings = len(problems.errors), len(problems.warnings)
    print(f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}", file=sys.stderr)
    return 1 if errors else 0
