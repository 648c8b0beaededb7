"""Starting a new entry: its source files from the template, never over an existing entry."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from toolkit.content.kinds import KINDS as DECLARED
from toolkit.content.model import DEFAULT_LANGUAGE, LANGUAGES, Vocabulary
from toolkit.content.slug import slugify
from toolkit.publish.template import entry_template, glossary_template
from toolkit.sources.load import GLOSSARY_FILE

# Every kind of entry; its name on the command line is its name in the sources.
KINDS = tuple(DECLARED)


class Refused(Exception):
    """The entry cannot be created; the message says why and what to do instead."""


@dataclass(frozen=True)
class Created:
    slug: str
    paths: tuple[Path, ...]  # the files written or extended


def create(*, kind: str, title: str, docs: Path, vocab: dict[str, Vocabulary]) -> Created:
    """Write the sources of a new ``kind`` entry named ``title`` under ``docs``."""
    slug = slugify(title)
    if not slug:
        raise Refused(f"the title {title!r} has no letters or digits to make a slug from; choose another title")
    if kind == "begriff":
        return _append_term(docs / GLOSSARY_FILE, slug, title, vocab)
    folder = docs / DECLARED[kind].folder
    # The German file under the bare name, each other language's translation beside it.
    paths = tuple(folder / (f"{slug}.md" if lang == DEFAULT_LANGUAGE else f"{slug}.{lang}.md") for lang in LANGUAGES)
    taken = [p for p in paths if p.exists() or p.is_symlink()]
    if taken:
        raise Refused(f"{taken[0].as_posix()} already exists; edit that file, or choose another title")
    folder.mkdir(parents=True, exist_ok=True)
    depth = len(folder.relative_to(docs.parent).parts)
    for path, lang in zip(paths, LANGUAGES, strict=True):
        text = entry_template(kind=kind, lang=lang, slug=slug, vocab=vocab, title=title, depth=depth)
        # "x": never replace a file that appeared since the check above.
        with path.open("x", encoding="utf-8") as out:
            out.write(text)
    return Created(slug, paths)


def _append_term(path: Path, slug: str, title: str, vocab: dict[str, Vocabulary]) -> Created:
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    # A top-level key stands at the start of a line; this works even while the file has an error.
    if re.search(rf"^['\"]?{re.escape(slug)}['\"]?[ \t]*:", text, re.M):
        raise Refused(f"{path.as_posix()} already has the term '{slug}'; edit it there, or choose another title")
    block = glossary_template(slug=slug, vocab=vocab, title=title)
    separator = "" if not text else "\n" if text.endswith("\n") else "\n\n"
    # Appending keeps every existing term, comment and blank line exactly as it was.
    with path.open("a", encoding="utf-8") as out:
        out.write(separator + block)
    return Created(slug, (path,))
