"""Reading source files: text, front matter and YAML, keeping the line of every value.

Values come back as plain Python data (dict, list, str, int, float, bool, date, None) together
with a :class:`Lines` map from a value's path (``("orte", 0, "name")``) to its line in the file,
so that every later check can point an editor at the exact line.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from toolkit.sources.problems import Problems

# The same front-matter fence MkDocs accepts, so that both read a file alike.
_FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\n(.*?\n)?(?:\.{3}|-{3})[ \t]*(?:\n|\Z)", re.S)
_MAX_BYTES = 1_000_000
# Invisible control characters (all but tab and line break): never meant, they come with text
# copied out of other programs, break the pages' HTML and can steer an editor's terminal.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
SYMLINK = "is a symbolic link; sources must be regular files (replace the link by the file itself)"
# What YAML builds without a tag: anything else (!!binary, !!python/object, !local) is refused.
_PLAIN_TAGS = {f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")}
_FAST_LOADER = getattr(yaml, "CSafeLoader", None) if yaml.__with_libyaml__ else None

Key = tuple[str | int, ...]


@dataclass
class Lines:
    """Where each value of a parsed YAML document stands in its file."""

    by_key: dict[Key, int] = field(default_factory=dict)
    # The literal text of scalars that YAML did not read as a string (``no`` -> False).
    raw: dict[Key, str] = field(default_factory=dict)

    def line(self, key: Key) -> int:
        """The line of ``key``, or of its closest parent that has one."""
        while key:
            if key in self.by_key:
                return self.by_key[key]
            key = key[:-1]
        return self.by_key.get((), 1)

    def shifted(self, offset: int) -> Lines:
        return Lines({k: v + offset for k, v in self.by_key.items()}, dict(self.raw))


@dataclass
class Document:
    """A Markdown source split into front matter and body."""

    meta: dict[str, Any]
    lines: Lines
    body: str
    body_line: int  # the line where the body starts


def read_text(path: Path, rel: str, problems: Problems) -> str | None:
    """The file's text with newlines normalised, or ``None`` after reporting why not."""
    if path.is_symlink():
        problems.error(rel, 0, SYMLINK)
        return None
    try:
        data = path.read_bytes()
    except OSError as exc:
        problems.error(rel, 0, f"cannot be read ({exc.strerror})")
        return None
    if len(data) > _MAX_BYTES:
        problems.error(rel, 0, f"is {len(data):,} bytes; a source may have at most {_MAX_BYTES:,} (split the text or move data out)")
        return None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        problems.error(rel, 0, "is saved as UTF-16, not UTF-8 (save the file with UTF-8 encoding)")
        return None
    if b"\0" in data:
        problems.error(rel, 0, "is a binary file, not text (save it as UTF-8 text, or move it out of docs/)")
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        problems.error(rel, line, "is not UTF-8 text (save the file with UTF-8 encoding)")
        return None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        problems.error(rel, 0, "is empty (fill it from the template, or delete it)")
        return None
    control = CONTROL.search(text)
    if control:
        problems.error(rel, text.count("\n", 0, control.start()) + 1, f"contains the invisible control character "
                       f"U+{ord(control.group()):04X}; delete it (it comes with text copied from another program)")
        return None
    return text


def parse_yaml(text: str, rel: str, problems: Problems, *, first_line: int = 1) -> tuple[Any, Lines] | None:
    """Parse one YAML document; ``first_line`` is the file line of the text's first line."""
    offset = first_line - 1
    try:
        loader, node = _compose(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + 1 + offset) if mark else first_line
        what = exc.problem or "invalid YAML"
        if what.startswith("but ") and exc.context:  # "but found another document" needs its start
            what = f"{exc.context}, {what}"
        hint = _yaml_hint(text, mark.line if mark else None)
        if "another document" in what:
            hint = " (a line '---' starts a second document here: remove it)"
        problems.error(rel, line, f"YAML syntax error: {what}{hint}")
        return None
    except yaml.reader.ReaderError as exc:
        problems.error(rel, text.count("\n", 0, exc.position) + first_line,
                       f"contains the character U+{exc.character:04X}, which YAML does not allow; delete it")
        return None
    except yaml.YAMLError as exc:
        problems.error(rel, first_line, "YAML syntax error: " + " ".join(str(exc).split()))
        return None
    except RecursionError:
        problems.error(rel, first_line, _TOO_DEEP)
        return None
    if node is None:
        return {}, Lines({(): first_line})
    lines = Lines({(): first_line})
    builder = _Builder(loader, lines, rel, problems, offset)
    try:
        value = builder.build(node, ())
    except RecursionError:
        problems.error(rel, first_line, _TOO_DEEP)
        return None
    if builder.failed:
        return None
    return value, lines


_TOO_DEEP = "YAML nested too deeply to read (hundreds of brackets or indents inside each other)"


def _compose(text: str) -> tuple[yaml.SafeLoader, yaml.Node | None]:
    """The document's node tree, and the loader that turns its nodes into values.

    libyaml (PyYAML's C binding) composes about twenty times faster than pure Python, which
    matters with thousands of sources. Its error messages are worded differently, so a document
    it refuses is read again by the pure-Python loader: editors always see the same messages.
    """
    if _FAST_LOADER is not None:
        fast = _FAST_LOADER(text)
        try:
            return fast, fast.get_single_node()
        except yaml.YAMLError:
            pass
        finally:
            fast.dispose()
    loader = yaml.SafeLoader(text)
    try:
        return loader, loader.get_single_node()
    finally:
        loader.dispose()


def _yaml_hint(text: str, line_index: int | None) -> str:
    if line_index is None:
        return ""
    lines = text.split("\n")
    if 0 <= line_index < len(lines) and "\t" in lines[line_index][: len(lines[line_index]) - len(lines[line_index].lstrip())]:
        return " (indent with spaces, not tabs)"
    if 0 <= line_index < len(lines) and "\t" in lines[line_index]:
        return " (a tab stands on this line: put a space in its place)"
    return " (check indentation, colons and quotes on this line or the one before)"


class _Builder:
    """Turns a composed YAML node tree into Python values and records lines."""

    def __init__(self, loader: yaml.SafeLoader, lines: Lines, rel: str, problems: Problems, offset: int) -> None:
        self.loader = loader
        self.lines = lines
        self.rel = rel
        self.problems = problems
        self.offset = offset
        self.failed = False
        self.seen: set[int] = set()

    def report(self, node: yaml.Node, message: str) -> None:
        """An error that leaves the rest of the document usable (the value is dropped)."""
        self.problems.error(self.rel, node.start_mark.line + 1 + self.offset, message)

    def fail(self, node: yaml.Node, message: str) -> None:
        self.report(node, message)
        self.failed = True

    def build(self, node: yaml.Node, key: Key) -> Any:
        # Aliases share the node object: refusing a second visit stops "billion laughs" input.
        if id(node) in self.seen:
            self.report(node, "YAML anchors and aliases (&name, *name) are not supported; write the value out")
            return None
        self.seen.add(id(node))
        self.lines.by_key[key] = node.start_mark.line + 1 + self.offset
        if node.tag not in _PLAIN_TAGS:
            tag = node.tag.replace("tag:yaml.org,2002:", "!!")
            self.fail(node, f"YAML tags such as {tag} are not supported; write the value as plain text")
            return None
        if isinstance(node, yaml.MappingNode):
            result: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    self.report(key_node, "a key must be a plain word")
                    continue
                name = key_node.value
                if key_node.tag == "tag:yaml.org,2002:merge":
                    self.report(key_node, "YAML merge keys (<<) are not supported; write the fields out")
                    continue
                if name in result:
                    self.report(key_node, f"duplicate key '{name}' (each field may appear once; remove one)")
                    continue
                if id(value_node) in self.seen:  # an alias: point at the key that uses it
                    self.report(key_node, "YAML anchors and aliases (&name, *name) are not supported; write the value out")
                    continue
                result[name] = self.build(value_node, (*key, name))
                # A block of fields or items begins on the line after its key: a message about
                # the whole value points at the key, where the editor wrote its name.
                self.lines.by_key[(*key, name)] = key_node.start_mark.line + 1 + self.offset
            return result
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*key, i)) for i, item in enumerate(node.value)]
        try:
            value = self.loader.construct_object(node, deep=True)
        except yaml.YAMLError as exc:
            self.fail(node, f"invalid value: {getattr(exc, 'problem', exc)}")
            return None
        except (ValueError, OverflowError):
            # Looks like a date or number but is none (2026-13-45): keep the text as written, so
            # that the field's own check says what is expected.
            value = node.value
        if not isinstance(value, str) and node.value != "":
            self.lines.raw[key] = node.value
        return value


def parse_document(text: str, rel: str, problems: Problems) -> Document | None:
    """Split a Markdown source into front matter and body and parse the front matter."""
    match = _FRONT_MATTER.match(text)
    if not match and re.match(r"-{3}[ \t]*\n", text):
        problems.error(rel, 1, "the front matter is not closed: add a line '---' after the last field")
        return None
    if not match:
        problems.error(rel, 1, "has no front matter: the file must start with a line '---', the fields, and a line '---'")
        return None
    parsed = parse_yaml(match.group(1) or "", rel, problems, first_line=2)
    if parsed is None:
        return None
    meta, lines = parsed
    if not isinstance(meta, dict):
        problems.error(rel, 2, "the front matter must be fields of the form 'name: value'")
        return None
    body_line = text.count("\n", 0, match.end()) + 1
    return Document(meta=meta, lines=lines, body=text[match.end():], body_line=body_line)
