"""Pages that list entries: the catalogues, the topic pages and the glossary."""

from __future__ import annotations

import unicodedata

from toolkit import urls
from toolkit.index import CrossIndex
from toolkit.labels import label
from toolkit.map import map_html, project_towns
from toolkit.markup import block, esc, external_link, link, md_text, ul
from toolkit.model import Entry, KnowledgeBase
from toolkit.search import SEARCH_IGNORE

# The facets of each catalogue, in the order they are shown.
FACETS = {
    "werkzeug": ("themen", "zielgruppen", "modus", "organisation", "reichweite", "formattyp", "aufwand", "dauerklasse"),
    "modellvorhaben": ("themen", "bundesland", "lagetyp", "laufzeit", "projektaufruf"),
}
# Facet values the catalogue's text filter finds, though the card does not show them.
KEYWORD_FACETS = {"werkzeug": ("themen", "zielgruppen"), "modellvorhaben": ("themen",)}
# Facet values shown on each catalogue card, besides title and summary.
CARD_FACETS = {
    "werkzeug": ("formattyp", "modus", "dauerklasse", "aufwand"),
    "modellvorhaben": ("bundesland",),
}


def facet_values(entry: Entry, facet: str) -> list[str]:
    """The keys an entry has in a facet (derived facets included)."""
    if facet == "laufzeit":
        runtime = entry.data.get("laufzeit", {})
        start = runtime.get("von")
        return [str(y) for y in range(start, runtime.get("bis", start) + 1)] if start else []
    if facet in ("bundesland", "lagetyp") and entry.kind == "modellvorhaben":
        return sorted({town[facet] for town in entry.data.get("orte", []) if facet in town})
    value = entry.data.get(facet)
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def facet_options(kb: KnowledgeBase, kind: str, facet: str, lang: str) -> list[tuple[str, str]]:
    if facet == "laufzeit":
        years = sorted({y for e in kb.collection(kind).values() for y in facet_values(e, "laufzeit")})
        return [(y, y) for y in years]
    return [(key, value.label[lang]) for key, value in kb.vocab[facet].values.items()]


def facet_legend(facet: str, lang: str) -> str:
    return label(lang, facet)


def catalogue_html(kb: KnowledgeBase, kind: str, lang: str) -> str:
    here = urls.catalogue_url(kind, lang)
    entries = sorted(kb.collection(kind).values(), key=lambda e: (_sort_key(e.title(lang)), e.slug))
    fieldsets = []
    for facet in FACETS[kind]:
        options = "".join(
            f'<label><input type="checkbox" name="{facet}" value="{esc(key)}"> '
            f'<span class="kb-option-label">{esc(text)}</span> <span class="kb-option-count"></span></label>'
            for key, text in facet_options(kb, kind, facet, lang)
        )
        fieldsets.append(f'<fieldset class="kb-facet" data-facet="{facet}"><legend>{esc(facet_legend(facet, lang))}'
                         f"</legend>{options}</fieldset>")
    cards = [_card(kb, e, lang, here) for e in entries]
    # The filters need catalogue.js: the form stays hidden without it and the full list stays.
    # The catalogue is left out of the site search: its entries have pages of their own.
    asset = urls.relative(here, "assets/")
    sorting = "".join(f'<option value="{key}">{esc(label(lang, "sort_" + key))}</option>' for key in ("title", "newest"))
    counts = "".join(f' data-{key}="{esc(label(lang, "count_" + key))}"' for key in ("one", "other", "filtered"))
    return (
        (_projects_map(kb, entries, lang, here) if kind == "modellvorhaben" else "")
        + f'<div class="kb-catalogue" data-kind="{kind}" data-pagefind-ignore="all">'
        f'<link rel="stylesheet" href="{asset}catalogue.css">'
        f'<form class="kb-filters" hidden role="search" aria-label="{esc(label(lang, "filter"))}">'
        f'<div class="kb-filter-bar"><label class="kb-text-filter">{esc(label(lang, "search_in_catalogue"))} '
        f'<input type="search" name="q" autocomplete="off"></label>'
        f'<label class="kb-sort">{esc(label(lang, "sort"))} <select name="sort">{sorting}</select></label></div>'
        f'<button type="button" class="kb-facets-toggle" aria-expanded="false" aria-controls="kb-facets-{kind}">'
        f'{esc(label(lang, "filters"))}</button>'
        f'<div class="kb-facets" id="kb-facets-{kind}">{"".join(fieldsets)}</div>'
        f'<button type="reset" class="kb-reset">{esc(label(lang, "reset"))}</button></form>'
        f'<p class="kb-count" aria-live="polite"{counts}>{esc(label(lang, "catalogue_count", n=len(entries)))}</p>'
        f'<ul class="kb-cards">{"".join(cards)}</ul>'
        f'<script src="{asset}catalogue.js" defer></script></div>'
    )


def _projects_map(kb: KnowledgeBase, projects: list[Entry], lang: str, here: str) -> str:
    """Every project's towns on one map, listed by town name below it."""
    towns = sorted(project_towns(kb=kb, projects=projects, lang=lang, here=here),
                   key=lambda t: (_sort_key(t.name), _sort_key(t.project)))
    return map_html(towns=towns, caption=label(lang, "map_all"),
                    list_summary=label(lang, "map_list", n=len(towns)), skip=label(lang, "map_skip"))


def _card(kb: KnowledgeBase, entry: Entry, lang: str, here: str) -> str:
    data = "".join(
        f' data-{facet}="{esc(" ".join(facet_values(entry, facet)))}"' for facet in FACETS[entry.kind]
    )
    chips = []
    for facet in CARD_FACETS[entry.kind]:
        chips += [kb.vocab[facet].label(v, lang) for v in facet_values(entry, facet)]
    untranslated = "" if entry.translated(lang) else ' lang="de"'
    href = urls.relative(here, urls.entry_url(entry.kind, entry.slug, lang))
    date = entry.data.get("geprueft")
    return (
        f'<li class="kb-card" data-slug="{entry.slug}"{data}'
        f'{f" data-date={chr(34)}{date.isoformat()}{chr(34)}" if date else ""}'
        f' data-keywords="{esc(" ".join(_keywords(kb, entry, lang)))}">'
        f'<h2 class="kb-card-title"{untranslated}>{link(href, entry.title(lang))}</h2>'
        f'<p{untranslated}>{esc(entry.text("kurz", lang))}</p>'
        + (f'<p class="kb-card-facts">{" · ".join(esc(c) for c in chips)}</p>' if chips else "")
        + "</li>"
    )


def _keywords(kb: KnowledgeBase, entry: Entry, lang: str) -> list[str]:
    """Words the catalogue's text filter finds besides the card's visible text."""
    words = [kb.vocab[facet].label(v, lang) for facet in KEYWORD_FACETS[entry.kind] for v in facet_values(entry, facet)]
    words += [town["name"] for town in entry.get("orte", [])] + list(entry.get("partner", []))
    return words


def _sort_key(text: str) -> str:
    """Sort as a German reader expects: umlauts beside their base letter."""
    return unicodedata.normalize("NFKD", text.casefold()).encode("ascii", "ignore").decode()


def topic_markdown(kb: KnowledgeBase, index: CrossIndex, key: str, lang: str) -> str:
    value = kb.vocab["themen"].values[key]
    here = urls.topic_url(key, lang)
    parts = [f"# {md_text(label(lang, 'topic_title', label=value.label[lang]))}\n"]
    if value.intro.get(lang):
        parts.append(block(f'<p class="kb-summary">{esc(value.intro[lang])}</p>'))
    for heading, kind, slugs in (
        ("topic_tools", "werkzeug", index.tools_by_topic.get(key, [])),
        ("topic_projects", "modellvorhaben", index.projects_by_topic.get(key, [])),
    ):
        items = [_summary_item(kb.collection(kind)[s], lang, here) for s in slugs]
        parts.append(f"\n\n## {md_text(label(lang, heading))}\n")
        # The entries have pages of their own: the site search should lead there, not here.
        listing = ul(items, "kb-list") or f"<p>{esc(label(lang, 'topic_none'))}</p>"
        parts.append(block(f"<div data-pagefind-ignore>{listing}</div>"))
    parts.append(block(f'<p>{link(urls.relative(here, urls.prefix(lang) + "themen/"), label(lang, "topics_all"))}</p>'))
    return "".join(parts)


def _summary_item(entry: Entry, lang: str, here: str) -> str:
    href = urls.relative(here, urls.entry_url(entry.kind, entry.slug, lang))
    attr = "" if entry.translated(lang) else ' lang="de"'
    return f'<span{attr}>{link(href, entry.title(lang))}: {esc(entry.text("kurz", lang))}</span>'


def topics_index_html(kb: KnowledgeBase, index: CrossIndex, lang: str) -> str:
    here = urls.prefix(lang) + "themen/"
    items = []
    for key, value in kb.vocab["themen"].values.items():
        counts = label(lang, "topic_counts", tools=len(index.tools_by_topic.get(key, [])),
                       projects=len(index.projects_by_topic.get(key, [])))
        items.append(f'{link(urls.relative(here, urls.topic_url(key, lang)), value.label[lang])} '
                     f'<span class="kb-muted">({esc(counts)})</span>')
    return ul(items, "kb-topics")


# Pagefind's weight of a page's <h1>, given to each glossary term's name.
TERM_WEIGHT = 7
# The glossary's metadata field with every term's name (overrides/assets/search.js weighs it).
TERMS_META = "begriffe"


def glossary_html(kb: KnowledgeBase, index: CrossIndex, lang: str) -> str:
    here = urls.glossary_url(lang)
    terms = sorted(kb.terms.values(), key=lambda t: (_sort_key(t.title(lang)), t.slug))
    letters: dict[str, str] = {}
    for term in terms:
        letters.setdefault(_sort_key(term.title(lang))[:1].upper() or "#", term.slug)
    nav = " ".join(link(f"#{slug}", letter) for letter, slug in letters.items())
    rows = []
    for term in terms:
        name = term.title(lang) + (f" ({term.data['abkuerzung']})" if term.get("abkuerzung") else "")
        details = [f"<p>{esc(term.text('definition', lang))}</p>"]
        see = [link(f"#{s}", kb.terms[s].title(lang)) for s in term.get("siehe_auch", []) if s in kb.terms]
        if see:
            details.append(f'<p class="kb-see" {SEARCH_IGNORE}><strong>{esc(label(lang, "see_also"))}:</strong> '
                           f'{", ".join(see)}</p>')
        used = [
            link(urls.relative(here, urls.entry_url(kind, slug, lang)), kb.collection(kind)[slug].title(lang))
            for kind, slug in index.term_used_in.get(term.slug, [])
        ]
        if used:
            details.append(f'<p class="kb-used" {SEARCH_IGNORE}><strong>{esc(label(lang, "used_in"))}:</strong> '
                           f'{", ".join(used)}</p>')
        links = [external_link(x["url"], x["titel"]) for x in term.get("links", [])]
        if links:
            details.append(ul(links))
        # A term's name weighs in the site search as a page title does: the glossary is one page.
        rows.append(f'<dt id="{term.slug}" data-pagefind-weight="{TERM_WEIGHT}">{esc(name)}</dt>'
                    f'<dd>{"".join(details)}</dd>')
    return (f'<nav class="kb-letters" aria-label="{esc(label(lang, "glossary_letters"))}" {SEARCH_IGNORE}>{nav}</nav>'
            f'<dl class="kb-glossary">{"".join(rows)}</dl>'
            # The terms' names as the page's metadata: the site search ranks a page whose metadata
            # a query matches (its title, these names) above pages that only mention the words.
            f'<p hidden data-pagefind-meta="{TERMS_META}">{esc(" · ".join(t.title(lang) for t in terms))}</p>')


NEWEST_LIMIT = 6


def newest_html(kb: KnowledgeBase, lang: str) -> str:
    """The most recently reviewed entries, for the start page."""
    here = urls.prefix(lang)
    entries = [*kb.tools.values(), *kb.projects.values()]
    entries.sort(key=lambda e: (-e.data["geprueft"].toordinal() if "geprueft" in e.data else 0,
                                _sort_key(e.title(lang)), e.slug))
    items = [
        f'<span class="kb-muted">{esc(label(lang, "kind_" + e.kind))}:</span> ' + _summary_item(e, lang, here)
        for e in entries[:NEWEST_LIMIT]
    ]
    return f'<h2 id="neu">{esc(label(lang, "newest"))}</h2>' + ul(items, "kb-list kb-newest")
