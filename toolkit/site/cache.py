"""Load the knowledge base once per change of its sources.

A bilingual build runs every generator event once per language, and a live-reloading server
rebuilds on every save; both ask again and again for the same sources. The fingerprint (path,
size and modification time of every source file) tells whether anything changed.
"""

from __future__ import annotations

from pathlib import Path

from toolkit.site.facade import Site


def fingerprint(docs: Path) -> tuple[tuple[str, int, int], ...]:
    found = []
    for path in sorted(docs.rglob("*")):
        try:
            stat = path.lstat()
        except OSError:
            continue
        found.append((path.as_posix(), stat.st_size, stat.st_mtime_ns))
    return tuple(found)


class SiteCache:
    def __init__(self) -> None:
        self._key: object = None
        self._site: Site | None = None

    def get(self, docs: Path, root: Path, *, preview: bool = False) -> Site:
        key = (docs, root, preview, fingerprint(docs))
        if self._site is None or key != self._key:
            self._site = Site.load(docs, root, preview=preview)
            self._key = key
        return self._site

    def current(self, docs: Path, root: Path, *, preview: bool = False) -> Site:
        """The site of the last :meth:`get`, without looking at the files again.

        A build asks for the site once per page. Scanning every source file on each of those
        calls made a build grow with pages x files (2,500 entries: most of the build time), so
        an adapter calls :meth:`get` once per build and this one for every page.
        """
        if self._site is None or not isinstance(self._key, tuple) or self._key[:2] != (docs, root):
            return self.get(docs, root, preview=preview)
        return self._site
