"""Preview while editing: a site that shows its sources' problems instead of refusing to build.

A published build stops at the first error. A preview (``make serve``) must keep answering while
an editor's draft is half-written: entries whose sources have errors are left out of the
knowledge base (and out of every list and cross-link), their own pages show the problems where
the content would be, and every page carries a banner with all problems (``path:line``, message
and hint). Nothing here runs for a published build.
"""

from __future__ import annotations

import dataclasses
import re
from collections import defaultdict
from pathlib import Path, PurePosixPath

from toolkit.content.kinds import ENTRY_FOLDERS, FIELDS, KINDS
from toolkit.content.labels import label
from toolkit.content.markup import block, esc, md_text
from toolkit.content.model import Entry, KnowledgeBase
from toolkit.sources.problems import Problem, Problems

# More would bury the page under the banner; the terminal and 'make check' list every one.
BANNER_LIMIT = 30


def page_of(path: str, docs: str) -> str | None:
    """The German source of the entry page a problem's file belongs to (``werkzeuge/x.md``), if any.

    ``path`` is relative to the repository, ``docs`` is the sources folder relative to it.
    """
    parts = PurePosixPath(path).parts
    prefix = PurePosixPath(docs).parts
    if parts[: len(prefix)] != prefix or len(parts) != len(prefix) + 2 or parts[-2] not in ENTRY_FOLDERS:
        return None
    name = parts[-1]
    if not name.endswith(".md") or name in ("index.md", "index.en.md"):
        return None
    stem = name[:-3].removesuffix(".en")
    return f"{parts[-2]}/{stem}.md"


def broken_pages(problems: Problems, docs: str) -> dict[str, list[Problem]]:
    """Entry pages (German source path under docs) whose files have errors, with those files' problems."""
    broken: dict[str, list[Problem]] = defaultdict(list)
    for problem in problems.errors:
        page = page_of(problem.path, docs)
        if page is not None:
            broken[page]  # reading the defaultdict marks the page broken
    for problem in problems:
        page = page_of(problem.path, docs)
        if page in broken:
            broken[page].append(problem)
    return dict(broken)


def usable(kb: KnowledgeBase, broken: dict[str, list[Problem]]) -> KnowledgeBase:
    """``kb`` without the entries of broken pages, and without references to entries it lacks."""
    entries = {kind: {s: e for s, e in found.items() if f"{KINDS[kind].folder}/{s}.md" not in broken}
               for kind, found in kb.entries.items()}
    kept = dataclasses.replace(kb, entries=entries)
    for found in kept.entries.values():
        for slug, entry in found.items():
            found[slug] = _without_missing(entry, kept)
    return kept


def _without_missing(entry: Entry, kb: KnowledgeBase) -> Entry:
    data = dict(entry.data)
    for spec in FIELDS[entry.kind]:
        ref = spec.item.ref if spec.item is not None else None
        if ref and isinstance(data.get(spec.name), list):
            data[spec.name] = [slug for slug in data[spec.name] if slug in kb.collection(ref)]
    return dataclasses.replace(entry, data=data)


def _problem_items(problems: list[Problem]) -> str:
    items = []
    for problem in problems:
        where = f"{problem.path}:{problem.line}" if problem.line else problem.path
        items.append(f'<li class="kb-problem kb-problem--{problem.severity.value}"><code>{esc(where)}</code> '
                     f'<span class="kb-problem__severity">{esc(problem.severity.value)}</span> '
                     f'{esc(problem.message)}</li>')
    return "<ul>" + "".join(items) + "</ul>"


def banner_html(problems: Problems, lang: str) -> str:
    """The box every preview page starts with while the sources have errors; warnings follow them."""
    if not problems.errors:  # warnings alone (a missing translation) block nothing: no banner
        return ""
    errors, warnings = len(problems.errors), len(problems.warnings)
    shown = [*problems.errors, *problems.warnings][:BANNER_LIMIT]
    more = len(problems) - len(shown)
    rest = f'<p>{esc(label(lang, "preview_more", n=more))}</p>' if more else ""
    return (f'<aside class="kb-problems kb-problems--errors" role="alert" '
            f'aria-labelledby="kb-problems-title" data-pagefind-ignore>'
            f'<h2 id="kb-problems-title">{esc(label(lang, "preview_title", errors=errors, warnings=warnings))}</h2>'
            f'<p>{esc(label(lang, "preview_hint"))}</p>{_problem_items(shown)}{rest}</aside>')


def broken_page_markdown(page: str, problems: list[Problem], lang: str, *, docs: Path) -> str:
    """What a broken entry's page shows in place of its content: its problems, under its title."""
    return (f"# {md_text(_draft_title(docs / page) or PurePosixPath(page).stem)}\n" + block(
        f'<section class="kb-problems kb-problems--errors" aria-labelledby="kb-broken-title">'
        f'<h2 id="kb-broken-title">{esc(label(lang, "preview_broken"))}</h2>'
        f'{_problem_items(problems)}</section>'))


def _draft_title(source: Path) -> str | None:
    """The title as typed in a source that may not parse: its first plain 'titel:' line."""
    try:
        text = source.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    match = re.search(r"^titel:[ \t]*([^\n#'\"]+?)[ \t]*$", text, re.M)
    return match.group(1) if match else None
