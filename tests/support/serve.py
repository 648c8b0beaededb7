"""Local HTTP servers for the tests, each on a free port of 127.0.0.1 and silent in the log."""

from __future__ import annotations

import functools
import http.server
import io
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from socketserver import BaseRequestHandler
from typing import BinaryIO
from urllib.parse import urlsplit


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


class _Pages(_Quiet):
    """A built site under the path of its public address, with 404.html for unknown addresses.

    The 404 page is served at whatever address was asked for, so its links and assets must work
    from any depth: MkDocs writes them from the root of site_url, which is why the site lives under
    that same path here, as on GitHub Pages.
    """

    prefix = "/"

    def send_head(self) -> io.BytesIO | BinaryIO | None:
        path = urlsplit(self.path).path
        if not path.startswith(self.prefix):
            self.send_error(404)
            return None
        self.path = "/" + self.path[len(self.prefix):]
        local = Path(self.translate_path(self.path))
        if not local.exists() or (local.is_dir() and not (local / "index.html").exists()):
            body = (Path(self.directory) / "404.html").read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            return io.BytesIO(body)
        return super().send_head()


@contextmanager
def running(handler: Callable[..., BaseRequestHandler]) -> Iterator[str]:
    """A server answering with ``handler``; yields its address, e.g. ``http://127.0.0.1:4711``."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def serving(folder: Path) -> Iterator[str]:
    """The files of ``folder`` as a static host serves them; yields the address of its root (ending in /)."""
    with running(functools.partial(_Quiet, directory=str(folder))) as address:
        yield address + "/"


@contextmanager
def serving_as_pages(site: Path, prefix: str) -> Iterator[str]:
    """A built site under ``prefix`` (e.g. ``/wissensbasis/``), as GitHub Pages serves it, 404 page included."""
    handler = type("Pages", (_Pages,), {"prefix": prefix})
    with running(functools.partial(handler, directory=str(site))) as address:
        yield address + prefix
