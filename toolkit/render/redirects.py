"""Old addresses keep working: a small page at each former slug leads to the entry's new address.

A static host cannot answer with an HTTP redirect, so each old address gets an HTML page with a
``<meta http-equiv="refresh">`` (browsers follow it at once), a canonical link (search engines
move their index to the new address) and a visible link (for everyone else). No script: the
site's Content-Security-Policy allows none inline, and none is needed.
"""

from __future__ import annotations

from toolkit.content import urls
from toolkit.content.kinds import ENTRY_FOLDERS
from toolkit.content.labels import section
from toolkit.content.markup import esc
from toolkit.content.model import DEFAULT_LANGUAGE, KnowledgeBase

WORDS = section("redirect")  # {lang: {key: text}}, from labels.py


def redirect_pages(*, kb: KnowledgeBase, lang: str, site_url: str) -> dict[str, bytes]:
    """Path below the site root -> page, for every former slug of every tool and project."""
    pages: dict[str, bytes] = {}
    for kind in ENTRY_FOLDERS.values():
        for entry in sorted(kb.collection(kind).values(), key=lambda e: e.slug):
            new = urls.entry_url(kind, entry.slug, lang)
            for old in sorted(entry.get("fruehere_slugs", [])):
                here = urls.entry_url(kind, old, lang)
                page = redirect_html(title=entry.title(lang), lang=lang, target=urls.relative(here, new),
                                     canonical=site_url + new,
                                     title_lang=lang if entry.translated(lang) else DEFAULT_LANGUAGE)
                pages[here + "index.html"] = page.encode("utf-8")
    return pages


def redirect_html(*, title: str, lang: str, target: str, canonical: str, title_lang: str | None = None) -> str:
    """The page at an old address; ``target`` is relative, so it works on any host and in previews."""
    words = WORDS[lang]
    # An untranslated entry's title is German on the English page: screen readers should know.
    mark = f' lang="{esc(title_lang)}"' if title_lang and title_lang != lang else ""
    return (
        "<!doctype html>\n"
        f'<html lang="{esc(lang)}">\n'
        "<head>\n"
        '<meta charset="utf-8">\n'
        # Nothing to load: the strictest policy, as on every page of the site.
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; base-uri \'none\'; form-action \'none\'">\n'
        '<meta name="viewport" content="width=device-width,initial-scale=1">\n'
        f"<title>{esc(words['title'].format(title=title))}</title>\n"
        '<meta name="robots" content="noindex">\n'
        f'<link rel="canonical" href="{esc(canonical)}">\n'
        f'<meta http-equiv="refresh" content="0; url={esc(target)}">\n'
        "</head>\n"
        "<body>\n"
        f'<p>{esc(words["moved"])} <a href="{esc(target)}"{mark}>{esc(title)}</a></p>\n'
        "</body>\n"
        "</html>\n"
    )
