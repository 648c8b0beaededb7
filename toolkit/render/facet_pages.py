"""A page per facet value of the tools (``werkzeuge/formattyp/werkstatt/``): what a fact box's chip
leads to. It lists the entries with that value in the HTML itself, so it works in every browser,
with or without JavaScript, and search engines find it. Topics have pages of their own (themen/).
"""

from __future__ import annotations

from toolkit.content import urls
from toolkit.content.kinds import KINDS
from toolkit.content.labels import label
from toolkit.content.markup import block, esc, link, md_text, ul
from toolkit.content.model import Entry, KnowledgeBase
from toolkit.content.order import sort_key
from toolkit.render.lists import facet_options, facet_values, summary_item

KIND = "werkzeug"
# Every facet of the tool catalogue but the topics, which have their own pages.
PAGE_FACETS = tuple(f for f in KINDS[KIND].facets if f != "themen")


def facet_pages(kb: KnowledgeBase) -> list[tuple[str, str]]:
    """(facet, key) of every page, in the catalogue's order."""
    return [(facet, key) for facet in PAGE_FACETS for key, _ in facet_options(kb, KIND, facet, "de")]


def _value_label(kb: KnowledgeBase, facet: str, key: str, lang: str) -> str:
    return dict(facet_options(kb, KIND, facet, lang))[key]


def _tools(kb: KnowledgeBase, facet: str, key: str, lang: str) -> list[Entry]:
    tools = [e for e in kb.tools.values() if key in facet_values(e, facet)]
    return sorted(tools, key=lambda e: (sort_key(e.title(lang)), e.slug))


def facet_page_title(kb: KnowledgeBase, facet: str, key: str, lang: str) -> str:
    return label(lang, "chip_title", facet=label(lang, facet), value=_value_label(kb, facet, key, lang))


def facet_page_description(kb: KnowledgeBase, facet: str, key: str, lang: str) -> str:
    return label(lang, "chip_description", facet=label(lang, facet), value=_value_label(kb, facet, key, lang),
                 n=len(_tools(kb, facet, key, lang)))


def facet_page_markdown(kb: KnowledgeBase, facet: str, key: str, lang: str) -> str:
    here = urls.facet_url(KIND, facet, key, lang)
    value = _value_label(kb, facet, key, lang)
    items = [summary_item(e, lang, here) for e in _tools(kb, facet, key, lang)]
    catalogue = urls.relative(here, urls.catalogue_url(KIND, lang)) + f"?{facet}={key}"
    # The entries have pages of their own: the site search should lead there, not here.
    listing = ul(items, "kb-list") or f"<p>{esc(label(lang, 'chip_none'))}</p>"
    return (f"# {md_text(facet_page_title(kb, facet, key, lang))}\n"
            + block(f'<p class="kb-summary">{esc(label(lang, "chip_intro", facet=label(lang, facet), value=value))} '
                    f'<span class="kb-muted">({esc(label(lang, "count_" + ("one" if len(items) == 1 else "other"), n=len(items)))})</span></p>')
            + block(f"<div data-pagefind-ignore>{listing}</div>")
            + block(f"<p>{link(catalogue, label(lang, 'chip_catalogue'))}</p>"))
