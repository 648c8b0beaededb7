"""The words of the German search index, for splitting compounds that visitors type.

A visitor types "Bürgerbeteiligung"; the pages say "Beteiligung" and "Bürger". The browser splits
a long query word into parts that the index holds (``overrides/assets/search.js``), and needs to
know which words those are. This module writes them, one per line, sorted, next to Pagefind's
index: taken from the text Pagefind indexed, so a part is only offered if a search for it can
find something. The file is fetched only for a query word long enough to be a compound.

Splitting happens at query time, not at build time: the compounds people type are mostly not on
any page ("Bürgermeistertandem"), so adding parts of the pages' own compounds to the index would
not find them; the words of the pages are what a query's parts must match.
"""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

# Languages whose query words are split. English compounds are written apart ("town centre").
SPLIT_LANGUAGES = ("de",)
FILE_NAME = "woerter.{lang}.txt"
# Shorter words would make most long words splittable into nonsense ("Kon|gress").
MIN_LENGTH = 3
_WORD = re.compile(r"[^\W\d_]+")
# Pagefind's fragments: gzip of this marker followed by the page's JSON (url, content, meta).
_FRAGMENT_MARK = b"pagefind_dcd"


class FragmentFormatError(Exception):
    """Pagefind's fragment files are not what this module reads (a new Pagefind version?)."""


def page_texts(bundle: Path) -> list[tuple[str, str]]:
    """(url, indexed text) of every page in Pagefind's bundle."""
    texts = []
    for fragment in sorted((bundle / "fragment").glob("*.pf_fragment")):
        raw = gzip.decompress(fragment.read_bytes())
        if not raw.startswith(_FRAGMENT_MARK):
            raise FragmentFormatError(f"{fragment}: not a Pagefind fragment this build can read")
        page = json.loads(raw[len(_FRAGMENT_MARK):])
        texts.append((page["url"], page["content"]))
    return texts


def words_of(texts: list[str]) -> list[str]:
    """The distinct words of the texts, lowercase, sorted."""
    found = {w.lower() for text in texts for w in _WORD.findall(text) if len(w) >= MIN_LENGTH}
    return sorted(found)


def write_word_lists(bundle: Path, *, languages: dict[str, str]) -> dict[str, int]:
    """One word file per language in SPLIT_LANGUAGES; returns its size in bytes per language.

    ``languages`` maps each language to its URL prefix ('' for the default, 'en/' ...); a page
    belongs to the language with the longest prefix its URL starts with.
    """
    texts = page_texts(bundle)
    by_lang: dict[str, list[str]] = {lang: [] for lang in languages}
    ordered = sorted(languages.items(), key=lambda item: -len(item[1]))
    for url, text in texts:
        path = url.lstrip("/")
        lang = next(lang for lang, prefix in ordered if path.startswith(prefix))
        by_lang[lang].append(text)
    sizes = {}
    for lang in SPLIT_LANGUAGES:
        data = "\n".join(words_of(by_lang.get(lang, []))).encode("utf-8")
        (bundle / FILE_NAME.format(lang=lang)).write_bytes(data)
        sizes[lang] = len(data)
    return sizes
