"""Command line: ``python -m toolkit check | new | export | links``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from toolkit.content.kinds import KINDS as DECLARED
from toolkit.content.model import Vocabulary
from toolkit.publish.files import published_files, site_settings, write_files
from toolkit.publish.jsonschema import write_schemas
from toolkit.publish.new import KINDS, Refused, create
from toolkit.publish.template import templates
from toolkit.site.facade import Site
from toolkit.sources.links import check_links, source_links
from toolkit.sources.load import load
from toolkit.sources.operator_facts import OPERATOR_FILE, promote_gaps
from toolkit.sources.problems import Problems
from toolkit.sources.vocabulary import load_vocabularies


def _add_docs(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--docs", type=Path, default=Path("docs"), help="the sources folder (default: docs)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m toolkit", description="Kleinstadtakademie knowledge base tools")
    commands = parser.add_subparsers(dest="command", required=True)

    check = commands.add_parser("check", help="check every source and report each problem as path:line")
    _add_docs(check)
    check.add_argument("--format", choices=("text", "github"), default="text",
                       help="text: path:line: error: message; github: GitHub Actions annotations")
    check.add_argument("--publication", action="store_true",
                       help="before publishing: every operator fact still empty in docs/betreiber.yml is an error")
    check.set_defaults(run=run_check)

    new = commands.add_parser("new", help="start a new entry from the template, German and English")
    new.add_argument("kind", choices=KINDS, help="the kind of entry: " + ", ".join(f"{k.name} ({k.noun})" for k in DECLARED.values()))
    new.add_argument("title", help='the German title, e.g. "Bürgerhaushalt Testlauf"; the slug is made from it')
    _add_docs(new)
    new.set_defaults(run=run_new)

    export = commands.add_parser("export", help="write files derived from the content model")
    exports = export.add_subparsers(dest="what", required=True)
    schema = exports.add_parser("schema", help="the JSON Schemas of the sources, for editors' tools")
    schema.add_argument("dest", type=Path, help="the folder to write them to, e.g. schema")
    _add_docs(schema)
    schema.set_defaults(run=run_export_schema)
    data = exports.add_parser("data", help="the open data (daten/*.json, *.csv) and the Atom feeds, as a build publishes them")
    data.add_argument("dest", type=Path, help="the folder to write them to; English goes to DEST/en/")
    _add_docs(data)
    data.add_argument("--config", type=Path, default=Path("mkdocs.yml"),
                      help="the site configuration with site_url and site_name (default: mkdocs.yml)")
    data.set_defaults(run=run_export_data)
    blank = exports.add_parser("templates", help="blank templates of every kind of entry, to copy")
    blank.add_argument("dest", type=Path, help="the folder to write them to, e.g. vorlagen")
    _add_docs(blank)
    blank.set_defaults(run=run_export_templates)

    links = commands.add_parser("links", help="ask every external link whether it still answers (reports only)")
    _add_docs(links)
    links.add_argument("--format", choices=("text", "github"), default="text",
                       help="text: path:line: warning: message; github: GitHub Actions annotations")
    links.add_argument("--timeout", type=float, default=15.0, help="seconds to wait for each answer")
    links.set_defaults(run=run_links)

    args = parser.parse_args(argv)
    return int(args.run(args))


def run_check(args: argparse.Namespace) -> int:
    docs: Path = args.docs
    if not docs.is_dir():
        print(f"{docs}: error: no such folder (run this in the repository, or pass --docs)", file=sys.stderr)
        return 2
    root = Path.cwd() if docs.resolve().is_relative_to(Path.cwd().resolve()) else docs.parent
    kb, problems = load(docs, root=root)
    if args.publication:
        operator_file = (docs.resolve() / OPERATOR_FILE).relative_to(root.resolve()).as_posix()
        problems = promote_gaps(problems, kb.operator, operator_file)
    for problem in problems:
        print(problem.format_github() if args.format == "github" else problem.format())
    errors, warnings = len(problems.errors), len(problems.warnings)
    print(f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}", file=sys.stderr)
    return 1 if errors else 0


def run_new(args: argparse.Namespace) -> int:
    docs: Path = args.docs
    if not docs.is_dir():
        print(f"{docs}: error: no such folder (run this in the repository, or pass --docs)", file=sys.stderr)
        return 2
    try:
        created = create(kind=args.kind, title=args.title, docs=docs, vocab=_vocabularies(docs))
    except Refused as refusal:
        print(f"error: {refusal}", file=sys.stderr)
        return 1
    for path in created.paths:
        print(f"{'extended' if args.kind == 'begriff' else 'created'} {path.as_posix()}")
    print(f"Fill in the fields of '{created.slug}', then run 'make check': it names each field still empty.",
          file=sys.stderr)
    return 0


def run_export_data(args: argparse.Namespace) -> int:
    docs: Path = args.docs
    if not docs.is_dir() or not args.config.is_file():
        missing = docs if not docs.is_dir() else args.config
        print(f"{missing}: error: not found (run this in the repository, or pass --docs and --config)", file=sys.stderr)
        return 2
    site = Site.load(docs, args.config.resolve().parent)
    if site.problems.errors:
        for problem in site.problems.errors:
            print(problem.format(), file=sys.stderr)
        print("error: the sources have errors; nothing written", file=sys.stderr)
        return 1
    for lang, settings in site_settings(args.config).items():
        files = published_files(kb=site.kb, index=site.index, lang=lang, redirects=False, **settings)
        for path in write_files(args.dest, files):
            print(f"wrote {path.as_posix()}")
    return 0


def run_export_schema(args: argparse.Namespace) -> int:
    for path in write_schemas(args.dest, vocab=_vocabularies(args.docs)):
        print(f"wrote {path.as_posix()}")
    return 0


def run_export_templates(args: argparse.Namespace) -> int:
    args.dest.mkdir(parents=True, exist_ok=True)
    for name, text in templates(vocab=_vocabularies(args.docs)).items():
        (args.dest / name).write_text(text, encoding="utf-8")
        print(f"wrote {(args.dest / name).as_posix()}")
    return 0


def run_links(args: argparse.Namespace) -> int:
    docs: Path = args.docs
    if not docs.is_dir():
        print(f"{docs}: error: no such folder (run this in the repository, or pass --docs)", file=sys.stderr)
        return 2
    root = Path.cwd() if docs.resolve().is_relative_to(Path.cwd().resolve()) else docs.parent
    links = source_links(docs.resolve(), root=root.resolve())
    problems = check_links(links, timeout=args.timeout)
    for problem in problems:
        print(problem.format_github() if args.format == "github" else problem.format())
    print(f"{len({link.url for link in links})} addresses asked, {len(problems)} places to look at", file=sys.stderr)
    # Reports only: a site that is down today must not fail anyone's run.
    return 0


def _vocabularies(docs: Path) -> dict[str, Vocabulary]:
    # A broken vocabulary is the checker's to report; templates and schemas use what can be read.
    return load_vocabularies(docs, docs.parent, Problems())
