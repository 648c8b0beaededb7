"""Checks of what editors write in Markdown texts and front matter beyond the fields' values.

Each problem here would break a page without any field being wrong: a link or image that leads
nowhere, an address that MkDocs leaves as written and the browser resolves from the page's own
address, HTML that the pages' Content-Security-Policy blocks, a second main heading, two entries
with one title, and YAML that silently reads part of a value as a comment.
Everything is read from the files as written, line by line, so each problem has its line.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from markdown.extensions.toc import slugify

from toolkit.content.kinds import ENTRY_FOLDERS, ENTRY_KINDS
from toolkit.content.labels import LABELS
from toolkit.content.model import LANGUAGES, KnowledgeBase
from toolkit.content.urls import page_url, topic_url
from toolkit.sources.problems import Problems, did_you_mean

# [text](target "title") and ![alt](src); the target may stand in <...>.
_LINK = re.compile(r"(?P<image>!?)\[(?P<text>[^\]]*)\]\(\s*<?(?P<target>[^)\s>]*)>?(?:\s+[\"'][^\"']*[\"'])?\s*\)")
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
_TAG = re.compile(r"<(?P<name>[a-zA-Z][a-zA-Z0-9-]*)(?P<attrs>(?:[^<>\"']|\"[^\"]*\"|'[^']*')*)>")
_EVENT = re.compile(r"(?:^|\s)(on[a-z]+)\s*=", re.I)
_STYLE = re.compile(r"(?:^|\s)style\s*=", re.I)
_H1 = re.compile(r"#\s")
_SETEXT = re.compile(r"=+\s*$")
_HEADING_ID = re.compile(r"\{[^}]*#([\w-]+)[^}]*\}\s*$")
_HTML_ID = re.compile(r"\sid\s*=\s*[\"']([^\"']+)[\"']")
_FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\n(.*?\n)?(?:\.{3}|-{3})[ \t]*(?:\n|\Z)", re.S)
# An element the policy refuses, and what to do instead.
_BLOCKED_TAGS = {
    "script": "scripts run only from the site's own files; describe or link what it would show",
    "iframe": "nothing from another site is embedded; link to the page instead",
    "object": "nothing from another site is embedded; link to the file instead",
    "embed": "nothing from another site is embedded; link to the file instead",
    "style": "styles come only from the site's stylesheet; use Markdown formatting",
}
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp"}


@dataclass(frozen=True)
class _Text:
    rel: str  # path relative to the repository, for problems
    src: str  # path relative to docs/, as MkDocs names the page
    front: list[str]  # the front matter's lines
    body: list[str]  # the body's lines
    body_line: int  # file line of body[0]


def check_bodies(docs: Path, root: Path, kb: KnowledgeBase, problems: Problems) -> None:
    """Check every Markdown page under ``docs`` and the glossary file."""
    texts = list(_texts(docs, root))
    topics = kb.vocab["themen"].values if "themen" in kb.vocab else {}
    generated = {topic_url(key, "de").rstrip("/") + ".md" for key in topics}  # pages without a file
    pages = {t.src for t in texts} | generated
    anchors = _Anchors(texts, kb)
    for text in texts:
        _check_front_matter_comments(text.rel, text.front, 2, problems)
        _check_body(text, pages, anchors, docs, problems)
    glossary = docs / "glossar.yml"
    if glossary.is_file() and not glossary.is_symlink():
        lines = _read(glossary)
        if lines is not None:
            _check_front_matter_comments(_rel(glossary, root), lines, 1, problems)
    _check_duplicate_titles(kb, texts, problems)


def _rel(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix()


def _read(path: Path) -> list[str] | None:
    try:
        return path.read_text(encoding="utf-8").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    except (OSError, UnicodeDecodeError):
        return None  # the loader has said why


def _texts(docs: Path, root: Path) -> Iterator[_Text]:
    for path in sorted(docs.rglob("*.md")):
        if path.is_symlink() or not path.is_file():
            continue
        try:
            text = path.read_text(encoding="utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")
        except (OSError, UnicodeDecodeError):
            continue
        match = _FRONT_MATTER.match(text)
        front = (match.group(1) or "").split("\n")[:-1] if match else []
        body_line = text.count("\n", 0, match.end()) + 1 if match else 1
        body = text[match.end():] if match else text
        yield _Text(_rel(path, root), path.relative_to(docs).as_posix(), front, body.split("\n"), body_line)


def _prose(lines: list[str]) -> Iterator[tuple[int, str]]:
    """(index, line) of the lines outside fenced code, with code spans blanked out."""
    fence = None
    for i, line in enumerate(lines):
        match = _FENCE.match(line) if ("`" in line or "~" in line) else None
        if fence is None and match:
            fence = match.group(1)[0] * 3
            continue
        if fence is not None:
            if line.strip().startswith(fence):
                fence = None
            continue
        yield i, _CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line) if "`" in line else line


class _Anchors:
    """The anchors each page has: its headings' ids, ids written in it, and generated ones."""

    def __init__(self, texts: list[_Text], kb: KnowledgeBase) -> None:
        # Read when a link asks for them: most pages are never the target of an anchor.
        self.texts = {t.src: t for t in texts}
        self.by_page: dict[str, set[str]] = {}
        self.generated = {slugify(text, "-") for lang in LANGUAGES for key, text in LABELS[lang].items() if "." not in key}
        self.generated.add("steckbrief-title")
        self.terms = set(kb.terms)

    @staticmethod
    def _own(text: _Text) -> set[str]:
        found = set()
        for _, line in _prose(text.body):
            heading = re.match(r"^#{1,6}\s+(.*?)\s*#*\s*$", line)
            if heading:
                explicit = _HEADING_ID.search(heading.group(1))
                found.add(explicit.group(1) if explicit else slugify(heading.group(1), "-"))
            found.update(_HTML_ID.findall(line))
            found.update(re.findall(r"\{:?\s*#([\w-]+)", line))
        return found

    def known(self, page: str) -> set[str] | None:
        """The anchors of ``page``, or None where the page is generated and its anchors unknown here."""
        if page not in self.by_page and page in self.texts:
            found = self._own(self.texts[page])
            if page.split("/")[0] in ENTRY_FOLDERS and not page.endswith(("/index.md", "/index.en.md")):
                found |= self.generated  # an entry page's generated sections
            if page in ("glossar.md", "glossar.en.md"):
                found |= self.terms
            self.by_page[page] = found
        return self.by_page.get(page)


def _check_body(text: _Text, pages: set[str], anchors: _Anchors, docs: Path, problems: Problems) -> None:
    h1 = []
    is_entry = text.src.split("/")[0] in ENTRY_FOLDERS and not text.src.endswith(("/index.md", "/index.en.md"))
    if is_entry and text.body_line == 1:
        return  # no front matter: the loader reports that, and nothing in it is read as meant
    for i, line in _prose(text.body):
        number = text.body_line + i
        if line.startswith(("#", "=")) and (_H1.match(line) or (i and _SETEXT.match(line) and text.body[i - 1].strip())):
            h1.append(number if line.startswith("#") else number - 1)
        if "](" in line:
            for match in _LINK.finditer(line):
                _check_link(text, number, match, pages, anchors, docs, problems)
        if "<" in line:
            for tag in _TAG.finditer(line):
                _check_tag(text.rel, number, tag, problems)
    second = h1 if is_entry else h1[1:]
    for number in second:
        where = "the entry's title is the page's main heading" if is_entry else f"the first is on line {h1[0]}"
        problems.error(text.rel, number, f"a second main heading ('# '): {where}; make this one a subheading "
                                         f"with '## '")


def _check_tag(rel: str, number: int, tag: re.Match[str], problems: Problems) -> None:
    name, attrs = tag.group("name").lower(), tag.group("attrs")
    if name in _BLOCKED_TAGS:
        problems.error(rel, number, f"<{name}> is blocked by the site's Content-Security-Policy: "
                                    f"{_BLOCKED_TAGS[name]}")
    if _STYLE.search(attrs):
        problems.error(rel, number, f"style=\"…\" on <{name}> is blocked by the site's Content-Security-Policy: "
                                    f"styles come only from the site's stylesheet; remove the attribute")
    for handler in _EVENT.findall(attrs):
        problems.error(rel, number, f"{handler.lower()}=\"…\" on <{name}> is blocked by the site's "
                                    f"Content-Security-Policy: pages run no script written in them; remove it")


def _check_link(text: _Text, number: int, match: re.Match[str], pages: set[str], anchors: _Anchors,
                docs: Path, problems: Problems) -> None:
    target, image = match.group("target"), bool(match.group("image"))
    if image and not match.group("text").strip():
        problems.error(text.rel, number, f"the image {target} has no alt text: describe what it shows between "
                                         f"the brackets, ![like this]({target})")
    if not target or _SCHEME.match(target) or target.startswith("//"):
        if image and target:
            problems.error(text.rel, number, f"the image {target} is on another site, which the site's "
                                             f"Content-Security-Policy blocks: save it in docs/ beside the text")
        return
    path, _, anchor = target.partition("#")
    path = path.partition("?")[0]
    here = posixpath.dirname(text.src)
    if not path:  # #anchor on the same page
        _check_anchor(text, number, text.src, anchor, anchors, problems)
        return
    resolved = posixpath.normpath(posixpath.join(here, path)) if not path.startswith("/") else path
    if path.endswith(".md"):
        if resolved not in pages:
            problems.error(text.rel, number, f"links to {path}, which does not exist (docs/{resolved})"
                                             f"{_nearest(resolved, pages)}")
        elif anchor:
            _check_anchor(text, number, resolved, anchor, anchors, problems)
        return
    suffix = posixpath.splitext(path.rstrip("/"))[1].lower()
    if suffix and not path.endswith("/"):
        if not (docs / resolved).is_file():
            what = "image" if image or suffix in IMAGE_SUFFIXES else "file"
            problems.error(text.rel, number, f"the {what} {path} does not exist (docs/{resolved}); files belong "
                                             f"beside the text that uses them, e.g. docs/{here or '.'}/")
        return
    _check_address(text, number, path, anchor, pages, problems)


def _check_address(text: _Text, number: int, path: str, anchor: str, pages: set[str], problems: Problems) -> None:
    """A link written as a web address (``../werkzeuge/x/``): MkDocs leaves it as written."""
    lang = "en" if text.src.endswith(".en.md") else "de"
    page_dir = page_url(text.src.removesuffix(".en.md") + ".md" if lang == "en" else text.src, "de")
    lands = _page_at(posixpath.normpath(posixpath.join(page_dir, path)) if not path.startswith("/") else None, pages)
    if lands is not None:
        return  # it leads where it should
    meant = _page_at(posixpath.normpath(posixpath.join(posixpath.dirname(text.src), path)), pages) \
        if not path.startswith("/") else _page_at(path.strip("/"), pages)
    built = "/" + posixpath.normpath(posixpath.join(page_dir, path)).lstrip("./") + "/" \
        if not path.startswith("/") else path
    if meant is None:
        problems.error(text.rel, number, f"links to the address {path}, which leads to {built}, a page that does "
                                         f"not exist; link to the page's source file, e.g. [text](name.md)")
        return
    write = posixpath.relpath(meant, posixpath.dirname(text.src) or ".") + (f"#{anchor}" if anchor else "")
    problems.error(text.rel, number, f"links to the address {path}, which leads to {built} on the built site; "
                                     f"link to the source file instead: ({write})")


def _page_at(site_path: str | None, pages: set[str]) -> str | None:
    """The source of the German page published at ``site_path`` (``werkzeuge/x``), if there is one."""
    if site_path is None or site_path.startswith(".."):
        return None
    site_path = "" if site_path == "." else site_path.strip("/")
    for candidate in (f"{site_path}.md", f"{site_path}/index.md" if site_path else "index.md"):
        if candidate in pages:
            return candidate
    return None


def _check_anchor(text: _Text, number: int, page: str, anchor: str, anchors: _Anchors, problems: Problems) -> None:
    known = anchors.known(page)
    if not anchor or known is None or anchor in known:
        return
    problems.error(text.rel, number, f"links to #{anchor} in {page}, which has no such heading or anchor"
                                     f"{did_you_mean(anchor, known)}")


def _nearest(resolved: str, pages: set[str]) -> str:
    folder = posixpath.dirname(resolved)
    names = {posixpath.basename(p) for p in pages if posixpath.dirname(p) == folder}
    return did_you_mean(posixpath.basename(resolved), names)


def _check_front_matter_comments(rel: str, lines: list[str], first: int, problems: Problems) -> None:
    """`` #`` in an unquoted value: YAML drops the rest of the line as a comment, without a word."""
    block_indent: int | None = None
    for i, line in enumerate(lines):
        indent = len(line) - len(line.lstrip(" "))
        if block_indent is not None:
            if not line.strip() or indent > block_indent:
                continue  # inside a | or > block: '#' is text there
            block_indent = None
        stripped = line.strip()
        if not stripped or stripped.startswith("#") or (" #" not in line and ": " not in line and ":" not in line[-1:]
                                                       and not stripped.endswith(("|", ">", "|-", ">-"))):
            continue
        match = re.match(r"^\s*(?:-\s+)*(?:(?P<key>[\w-]+)\s*:(?:\s+|$))?(?P<value>.*)$", line)
        if match is None:
            continue
        value = match.group("value")
        if value.startswith(("|", ">")):
            block_indent = indent
            continue
        if value.startswith(("\"", "'", "[", "{")):
            continue
        before, sep, after = value.partition(" #")
        # Two spaces before '#' mark a comment meant as one ("modus: hybrid  # vorerst").
        if sep and before.strip() and not before.endswith(" "):
            field = f"'{match.group('key')}'" if match.group("key") else "this item"
            rest = after if len(after) <= 40 else after[:40] + "…"
            problems.warning(rel, first + i, f"YAML reads ' #{rest}' as a comment and leaves it out of "
                                             f"{field}; if it belongs to the text, put the whole value in double "
                                             f"quotes: \"{value.strip()}\"")


def _check_duplicate_titles(kb: KnowledgeBase, texts: list[_Text], problems: Problems) -> None:
    by_src = {t.rel: t for t in texts}
    for kind in ENTRY_KINDS:
        entries, name = kb.collection(kind.name), kind.noun
        first: dict[str, str] = {}
        for slug in sorted(entries):
            entry = entries[slug]
            title = entry.get("titel")  # as read: the checks also see entries with errors
            if not isinstance(title, str):
                continue  # no title yet: reported as a missing field
            title = title.casefold().strip()
            source = entry.source["de"]
            if title in first:
                text = by_src.get(source)
                line = next((i + 2 for i, row in enumerate(text.front) if row.startswith("titel:")), 1) if text else 1
                problems.warning(source, line, f"has the same title as the {name} {first[title]}; readers cannot "
                                               f"tell them apart: give one a title of its own, or merge them")
            else:
                first[title] = source
