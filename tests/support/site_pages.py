"""The pages of a built site, and where their internal links lead."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

import yaml

from support.htmlscan import Page, parse, resolve


def site_path(site: Path) -> str:
    """The path of the public address (site_url in mkdocs.yml), e.g. ``/wissensbasis/``."""
    config = (site.parent / "mkdocs.yml").read_text(encoding="utf-8")
    line = next(line for line in config.splitlines() if line.startswith("site_url:"))
    path = urlsplit(yaml.safe_load(line.split(":", 1)[1]) or "/").path or "/"
    return path if path.endswith("/") else path + "/"


def pages(site: Path) -> list[tuple[str, Path]]:
    """Every HTML page with its site-relative URL (``werkzeuge/x/`` or ``404.html``)."""
    found = []
    for file in sorted(site.rglob("*.html")):
        rel = file.relative_to(site).as_posix()
        url = rel[: -len("index.html")] if rel.endswith("index.html") else rel
        found.append((url, file))
    return found


# Stands for a path above the site's own (``/other/`` when the site lives at ``/wissensbasis/``).
OUTSIDE = Path("/nonexistent/outside-the-site")


def internal_target(site: Path, root_path: str, url: str, href: str) -> tuple[Path, str] | None:
    """Where an internal link leads: file and fragment; ``None`` for other hosts and schemes."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return None
    if parts.path.startswith("/"):
        # Absolute paths are written from the public address (the 404 page needs them, as the
        # host serves it at any depth): they must stay inside the site.
        if not parts.path.startswith(root_path):
            return OUTSIDE, ""
        return resolve(site, "", href[len(root_path):] or "./")
    return resolve(site, url, href)


# Attributes that make the browser fetch or go somewhere, per element.
LINKING = {"a": "href", "area": "href", "link": "href", "script": "src", "img": "src",
           "iframe": "src", "source": "src", "video": "src", "audio": "src", "form": "action"}


@cache
def parsed(file: Path) -> Page:
    return parse(file)


def ids(file: Path) -> set[str]:
    page = parsed(file)
    # An anchor may also be a named <a> (old HTML); browsers scroll to either.
    return page.ids() | {e.attrs["name"] for e in page.find("a") if e.attrs.get("name")}


def broken_links(site: Path) -> list[str]:
    root_path = site_path(site)
    broken = []
    for url, file in pages(site):
        for element in parsed(file).elements:
            attr = LINKING.get(element.tag)
            href = element.attrs.get(attr or "")
            if not attr or not href or href.startswith(("mailto:", "tel:", "data:")):
                continue
            if href.startswith("javascript:"):
                broken.append(f"{url or '/'}: <{element.tag} {attr}={href!r}> runs script instead of linking")
                continue
            target = internal_target(site, root_path, url, href)
            if target is None:
                continue
            path, fragment = target
            if path == OUTSIDE:
                broken.append(f"{url or '/'}: <{element.tag} {attr}={href!r}> leads outside the site's path {root_path}")
            elif not path.is_file():
                broken.append(f"{url or '/'}: <{element.tag} {attr}={href!r}> leads to a missing file")
            elif fragment and path.suffix == ".html" and unquote(fragment) not in ids(path):
                broken.append(f"{url or '/'}: <{element.tag} {attr}={href!r}> names #{unquote(fragment)}, "
                              f"which that page lacks")
    return broken
