"""The search index, built page by page while the site is written.

Pagefind (https://pagefind.app) runs as a service in a process of its own. The build hands it
each page's final HTML as the page is written (``add_page``): Pagefind parses it on the second
core while the build renders the next pages, and no page is read back from disk.

Each language build (static-i18n builds the languages one after another) gets a service of its
own (``new_part``). When a language is written, its service builds that language's index while
the next language is rendered and hands back the files, which go into ``pagefind/``; then it
ends and frees its memory. Pagefind's peak, building an index, is one language's, and only the
last language's index is built after the pages. Pagefind builds one index per ``<html lang>``
in any case, so the bundle is the same as one run over the whole site; only its entry file,
which lists the languages, comes from each part and is put together here.

The service speaks base64-encoded JSON messages, each ended by a comma, over its standard input
and output, and answers them in the order they came. This module speaks it itself instead of
through the ``pagefind.index`` wrapper: the wrapper reads one answer per tenth of a second, 500 s
for a site of 5,000 pages.
"""

from __future__ import annotations

import base64
import contextlib
import json
import queue
import subprocess
import tempfile
import threading
from pathlib import Path
from typing import IO, Any

from pagefind.service import get_executable

from toolkit.content.model import LANGUAGES
from toolkit.content.urls import prefix
from toolkit.render import search, search_words

ENTRY_FILE = "pagefind-entry.json"


class SearchIndexError(Exception):
    """Pagefind failed; the message holds what it said."""


class SearchIndex:
    """The site's index: one Pagefind service per language build. ``close`` it in any case
    (``write`` does)."""

    def __init__(self, site_dir: Path) -> None:
        self.bundle = site_dir.resolve() / search.BUNDLE_FOLDER
        self.pages = 0
        self._parts: list[_Service] = []  # written or being written, the last one open
        self._entries: list[dict[str, Any]] = []  # the entry files of the parts written
        self._writing: tuple[_Service, int] | None = None  # a part writing, and the message that asked it

    def new_part(self) -> None:
        """The pages from now on are another language build's; those before are written."""
        self._end_part()
        self._parts.append(_Service())

    def add_page(self, *, html: str, url: str, src_uri: str) -> None:
        """A written page: ``url`` as MkDocs gives it, relative to the site root ('werkzeuge/x/').

        Pages that stay out of the search (``search.searched``) are not sent; Pagefind would
        leave them out anyway, as they have no ``data-pagefind-body``.
        """
        if not self._parts:
            self.new_part()
        if self._writing is not None and self._writing[0].answered(self._writing[1]):
            self._finish_write()  # the last language's service ends as soon as it is done
        if not search.searched(src_uri=src_uri):
            return
        for address in search.addresses(url):
            self._parts[-1].add_file(html=html, url="/" + address)
            self.pages += 1

    def write(self) -> str:
        """Write the last part, put the entry file together, close; returns a summary."""
        try:
            self._end_part()
            self._finish_write()
        finally:
            self.close()
        languages: dict[str, Any] = {}
        for entry in self._entries:
            twice = set(languages) & set(entry["languages"])
            if twice:
                raise SearchIndexError(f"Pages in {', '.join(sorted(twice))} were written by two language builds; "
                                       f"each language's index must come from one build")
            languages.update(entry["languages"])
        entry = {**(self._entries[-1] if self._entries else {}), "languages": languages}
        # Sorted keys: two builds of the same sources are byte-identical.
        (self.bundle / ENTRY_FILE).write_text(json.dumps(entry, sort_keys=True, ensure_ascii=False,
                                                         separators=(",", ":")), encoding="utf-8")
        try:
            sizes = search_words.write_word_lists(self.bundle, languages={lang: prefix(lang) for lang in LANGUAGES})
        except search_words.FragmentFormatError as error:
            raise SearchIndexError(f"{error}; the word list for compound splitting could not be written") from error
        words = ", ".join(f"{lang} {size / 1000:.0f} KB" for lang, size in sizes.items())
        return (f"Search index: {self.pages} pages in {', '.join(sorted(languages))}. "
                f"Word lists for compound splitting: {words}")

    def close(self) -> None:
        for part in self._parts:
            part.close()

    def _end_part(self) -> None:
        self._finish_write()
        if self._parts and not self._parts[-1].closed:
            part = self._parts[-1]
            self._writing = part, part.send({"type": "GetFiles"})

    def _finish_write(self) -> None:
        # The files come back over the pipe and are written here, all of them before the service
        # ends: Pagefind's own WriteFiles answers before its last writes reach the disk, and the
        # service, ended, drops what was still under way.
        if self._writing is None:
            return
        (part, message_id), self._writing = self._writing, None
        files = part.answer(message_id)["files"]
        part.close()  # its memory is free for the next
        for file in files:
            path, content = file["path"], base64.b64decode(file["content"])
            if path == ENTRY_FILE:  # one per part; put together in ``write``
                self._entries.append(json.loads(content))
                continue
            target = self.bundle / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)


class _Service:
    """One Pagefind process with one index in it; it ends when its input does."""

    def __init__(self) -> None:
        executable = get_executable()
        if executable is None:
            raise SearchIndexError("Pagefind is not installed: run 'make .venv/.installed' again.")
        self._stderr: IO[bytes] = tempfile.TemporaryFile()  # noqa: SIM115  # open while Pagefind runs; closed in close()
        self._process = subprocess.Popen([str(executable), "--service"], stdin=subprocess.PIPE,
                                         stdout=subprocess.PIPE, stderr=self._stderr)
        self.last_sent = 0
        self.closed = False
        self._errors: list[str] = []
        self._answers: dict[int, dict[str, Any]] = {}  # only those someone waits for
        self._awaited: set[int] = set()
        self._reader_done = False
        self._changed = threading.Condition()
        self._reader = threading.Thread(target=self._read_answers, name="pagefind-answers", daemon=True)
        self._reader.start()
        # Pages wait here for a thread that writes them to Pagefind: the build goes on rendering
        # while Pagefind takes a page in, and holds at most this many pages waiting.
        self._outbox: queue.Queue[bytes | None] = queue.Queue(maxsize=64)
        self._writer = threading.Thread(target=self._write_messages, name="pagefind-pages", daemon=True)
        self._writer.start()
        self._index_id = self.answer(self.send({"type": "NewIndex", "config": None}))["index_id"]

    def add_file(self, *, html: str, url: str) -> None:
        self.send({"type": "AddFile", "url": url, "file_path": None, "file_contents": html})

    def send(self, payload: dict[str, Any]) -> int:
        """Send a message; returns its number, for ``answer`` (but pages' answers are not kept)."""
        self._raise_errors()
        if payload["type"] != "NewIndex":
            payload = {"index_id": self._index_id, **payload}
        self.last_sent += 1
        if payload["type"] != "AddFile":
            with self._changed:
                self._awaited.add(self.last_sent)
        message = json.dumps({"message_id": self.last_sent, "payload": payload}).encode("utf-8")
        self._outbox.put(base64.b64encode(message) + b",")
        return self.last_sent

    def _write_messages(self) -> None:
        stream = self._process.stdin
        assert stream is not None
        failed = False
        while (message := self._outbox.get()) is not None:
            if failed:
                continue  # taken and dropped, so that no one waits for room in the outbox
            try:
                stream.write(message)
                stream.flush()
            except OSError as error:
                failed = True
                with self._changed:
                    self._errors.append(f"Pagefind stopped ({error})")
                    self._changed.notify_all()

    def answered(self, message_id: int) -> bool:
        with self._changed:
            return message_id in self._answers or self._reader_done

    def answer(self, message_id: int) -> dict[str, Any]:
        """Wait for a message's answer: the service answers in order, so every earlier one is done."""
        with self._changed:
            self._changed.wait_for(lambda: message_id in self._answers or self._reader_done)
            answer = self._answers.pop(message_id, None)
        self._raise_errors()
        if answer is None:
            raise SearchIndexError(f"Pagefind stopped before it answered{self._said()}")
        return answer

    def close(self) -> None:
        if self.closed:
            return
        self.closed = True
        if self._writer.is_alive():
            self._outbox.put(None)
            self._writer.join()
        if self._process.poll() is None:
            with contextlib.suppress(OSError):
                self._process.stdin.close()  # type: ignore[union-attr]  # Popen with stdin=PIPE
            try:
                self._process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
        self._reader.join(timeout=5)
        self._stderr.close()

    def _read_answers(self) -> None:
        stream = self._process.stdout
        assert stream is not None
        pending = bytearray()
        # Most answers are short; the one with the bundle's files holds megabytes.
        while chunk := stream.read1(1 << 20):  # type: ignore[attr-defined]  # a BufferedReader: Popen's default buffering
            searched = len(pending)
            pending += chunk
            while (end := pending.find(b",", searched)) >= 0:
                with memoryview(pending) as view:  # decoded in place: no copy of megabytes
                    decoded = base64.b64decode(view[:end])
                del pending[:end + 1]
                searched = 0
                self._take(json.loads(decoded))
                del decoded
        with self._changed:
            self._reader_done = True
            self._changed.notify_all()

    def _take(self, message: dict[str, Any]) -> None:
        payload = message.get("payload") or {}
        with self._changed:
            if payload.get("type") == "Error":
                self._errors.append(str(payload.get("message")))
            message_id = message.get("message_id")
            if message_id in self._awaited:
                self._awaited.discard(message_id)
                self._answers[message_id] = payload
            self._changed.notify_all()

    def _raise_errors(self) -> None:
        if self._errors:
            errors = "; ".join(self._errors[:5]) + (f" and {len(self._errors) - 5} more" if len(self._errors) > 5 else "")
            raise SearchIndexError(f"Pagefind could not index the site: {errors}{self._said()}")

    def _said(self) -> str:
        try:
            self._stderr.seek(0)
            text = self._stderr.read().decode("utf-8", errors="replace").strip()
        except (OSError, ValueError):
            return ""
        return f":\n{text}" if text else ""
