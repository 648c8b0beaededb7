"""Pages that list entries: the catalogues, the topic pages and the glossary."""

from __future__ import annotations

import json

from toolkit import urls
from toolkit.index import CrossIndex
from toolkit.labels import label
from toolkit.map import map_html, project_towns
from toolkit.markup import block, esc, external_link, link, md_text, prose, ul
from toolkit.group_size import CLASSES as GROUP_CLASSES
from toolkit.group_size import FACET as GROUP_FACET
from toolkit.group_size import group_sizes
from toolkit.kinds import KINDS
from toolkit.model import LANGUAGES, Entry, KnowledgeBase
from toolkit.order import by_title, sort_key
from toolkit.search import SEARCH_IGNORE, words_html

FINDER_FOLDER = "methodenfinder"



def facet_values(entry: Entry, facet: str) -> list[str]:
    """The keys an entry has in a facet (derived facets included)."""
    if facet == "laufzeit":
        runtime = entry.data.get("laufzeit", {})
        start = runtime.get("von")
        return [str(y) for y in range(start, runtime.get("bis", start) + 1)] if start else []
    if facet == GROUP_FACET:
        return group_sizes(entry.data.get("teilnehmende"))
    if facet in ("bundesland", "lagetyp") and entry.kind == "modellvorhaben":
        return sorted({town[facet] for town in entry.data.get("orte", []) if facet in town})
    value = entry.data.get(facet)
    if value is None:
        return []
    # A number (a medium's year) is a value of its own facet; keys are text already.
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]


def facet_options(kb: KnowledgeBase, kind: str, facet: str, lang: str) -> list[tuple[str, str]]:
    if facet == "laufzeit":
        years = sorted({y for e in kb.collection(kind).values() for y in facet_values(e, "laufzeit")})
        return [(y, y) for y in years]
    if facet == GROUP_FACET:
        return [(key, label(lang, f"{GROUP_FACET}_{key}")) for key in GROUP_CLASSES]
    if facet not in kb.vocab:
        # A facet without a vocabulary (a medium's year): the values its entries have, newest first.
        found = {v for e in kb.collection(kind).values() for v in facet_values(e, facet)}
        return [(v, v) for v in sorted(found, key=lambda v: (len(v), v), reverse=True)]
    return [(key, value.label[lang]) for key, value in kb.vocab[facet].values.items()]


def facet_legend(facet: str, lang: str) -> str:
    return label(lang, facet)


def value_words(kb: KnowledgeBase, kind: str) -> str:
    """JSON for the text filter: facet -> value -> its labels and search words, in both languages.

    Said once per page instead of once per card: a 2,000-entry catalogue stays small.
    """
    words = {
        facet: {key: " | ".join([*value.label.values(), *(w for lang in LANGUAGES for w in value.search.get(lang, ()))])
                for key, value in kb.vocab[facet].values.items()}
        for facet in KINDS[kind].word_facets
    }
    return json.dumps(words, ensure_ascii=False, separators=(",", ":"))


def catalogue_html(kb: KnowledgeBase, kind: str, lang: str) -> str:
    here = urls.catalogue_url(kind, lang)
    entries = sorted(kb.collection(kind).values(), key=lambda e: (sort_key(e.title(lang)), e.slug))
    fieldsets = []
    for facet in KINDS[kind].facets:
        options = "".join(
            f'<label><input type="checkbox" name="{facet}" value="{esc(key)}"> '
            f'<span class="kb-option-label">{esc(text)}</span> <span class="kb-option-count"></span></label>'
            for key, text in facet_options(kb, kind, facet, lang)
        )
        fieldsets.append(f'<fieldset class="kb-facet" data-facet="{facet}"><legend>{esc(facet_legend(facet, lang))}'
                         f"</legend>{options}</fieldset>")
    cards = [_card(kb, e, lang, here) for e in entries]
    # The form is in the page from the start, so that nothing moves when catalogue.js takes it over;
    # without JavaScript, catalogue-noscript.css hides it and the full list stays.
    # The catalogue is left out of the site search: its entries have pages of their own.
    asset = urls.relative(here, "assets/")
    sorting = "".join(f'<option value="{key}">{esc(label(lang, "sort_" + key))}</option>' for key in ("title", "newest"))
    counts = "".join(f' data-{key}="{esc(label(lang, "count_" + key))}"' for key in ("one", "other", "filtered"))
    results = f"kb-results-{kind}"
    apply = "".join(f' data-{key}="{esc(label(lang, "show_results" + suffix))}"'
                    for key, suffix in (("one", "_one"), ("other", "")))
    finder = urls.relative(here, finder_url(lang)) if kind == "werkzeug" else ""
    applied = (f'<p class="kb-applied" hidden><span class="kb-applied-label">{esc(label(lang, "applied"))}</span> '
               f'<span class="kb-applied-values"></span> '
               f'<a class="kb-applied-change" href="{finder}">{esc(label(lang, "applied_change"))}</a></p>'
               if finder else "")
    return (
        (_projects_map(kb, entries, lang, here) if kind == "modellvorhaben" else "")
        + f'<div class="kb-catalogue" data-kind="{kind}" data-pagefind-ignore="all">'
        f'<link rel="stylesheet" href="{asset}catalogue.css">'
        f'<noscript><link rel="stylesheet" href="{asset}catalogue-noscript.css">'
        f'<p class="kb-notice">{esc(label(lang, "noscript_filters"))}</p></noscript>'
        f'<form class="kb-filters" role="search" aria-label="{esc(label(lang, "filter"))}"'
        f' data-words="{esc(value_words(kb, kind))}">'
        f'<a class="kb-skip-results" href="#{results}">{esc(label(lang, "skip_results"))}</a>'
        f'<div class="kb-filter-bar"><label class="kb-text-filter">{esc(label(lang, "search_in_catalogue"))} '
        f'<input type="search" name="q" autocomplete="off"></label>'
        f'<label class="kb-sort">{esc(label(lang, "sort"))} <select name="sort">{sorting}</select></label></div>'
        f'<button type="button" class="kb-facets-toggle" aria-expanded="false" aria-controls="kb-facets-{kind}">'
        f'{esc(label(lang, "filters"))}</button>'
        f'<div class="kb-facets" id="kb-facets-{kind}" hidden>{"".join(fieldsets)}'
        f'<button type="button" class="kb-apply kb-button-primary"{apply}>'
        f'{esc(label(lang, "show_results", n=len(entries)))}</button></div>'
        f'<button type="reset" class="kb-reset">{esc(label(lang, "reset"))}</button></form>'
        f'{applied}'
        f'<p class="kb-count" id="{results}" tabindex="-1" aria-live="polite"{counts}>'
        f'{esc(label(lang, "catalogue_count", n=len(entries)))}</p>'
        f'<ul class="kb-cards">{"".join(cards)}</ul>'
        f'<script src="{asset}catalogue.js" defer></script></div>'
    )


def finder_url(lang: str) -> str:
    return f"{urls.prefix(lang)}{FINDER_FOLDER}/"


def _projects_map(kb: KnowledgeBase, projects: list[Entry], lang: str, here: str) -> str:
    """Every project's towns on one map, listed by town name below it."""
    towns = sorted(project_towns(kb=kb, projects=projects, lang=lang, here=here),
                   key=lambda t: (sort_key(t.name), sort_key(t.project)))
    return map_html(towns=towns, caption=label(lang, "map_all"),
                    list_summary=label(lang, "map_list", n=len(towns)), skip=label(lang, "map_skip"))


def _card(kb: KnowledgeBase, entry: Entry, lang: str, here: str) -> str:
    data = "".join(
        f' data-{facet}="{esc(" ".join(facet_values(entry, facet)))}"' for facet in KINDS[entry.kind].facets
    )
    chips = []
    for facet in KINDS[entry.kind].card_facets:
        chips += [kb.vocab[facet].label(v, lang) if facet in kb.vocab else v for v in facet_values(entry, facet)]
    untranslated = "" if entry.translated(lang) else ' lang="de"'
    href = urls.relative(here, urls.entry_url(entry.kind, entry.slug, lang))
    date = entry.data.get("geprueft")
    keywords = " ".join(_keywords(kb, entry, lang))
    return (
        f'<li class="kb-card" data-slug="{entry.slug}"{data}'
        f'{f" data-date={chr(34)}{date.isoformat()}{chr(34)}" if date else ""}'
        + (f' data-keywords="{esc(keywords)}"' if keywords else "") + '>'
        f'<h2 class="kb-card-title"{untranslated}>{link(href, entry.title(lang))}</h2>'
        f'<p{untranslated}>{esc(entry.text("kurz", lang))}</p>'
        + (f'<p class="kb-card-facts">{" · ".join(esc(c) for c in chips)}</p>' if chips else "")
        + "</li>"
    )


def _keywords(kb: KnowledgeBase, entry: Entry, lang: str) -> list[str]:
    """Words the catalogue's text filter finds besides the card's visible text and its values'
    words (the kind's ``word_facets``, given once per page)."""
    return [town["name"] for town in entry.get("orte", [])] + list(entry.get("partner", []))




def topic_markdown(kb: KnowledgeBase, index: CrossIndex, key: str, lang: str) -> str:
    value = kb.vocab["themen"].values[key]
    here = urls.topic_url(key, lang)
    parts = [f"# {md_text(label(lang, 'topic_title', label=value.label[lang]))}\n"]
    if value.intro.get(lang):
        parts.append(block(f'<p class="kb-summary">{esc(value.intro[lang])}</p>'))
    parts.append(block(words_html(kb.vocab["themen"].search_words(key, lang))))
    for heading, kind, slugs in (
        ("topic_tools", "werkzeug", index.tools_by_topic.get(key, [])),
        ("topic_projects", "modellvorhaben", index.projects_by_topic.get(key, [])),
        # Medien
        ("topic_media", "medium", index.media_by_topic.get(key, [])),
    ):
        items = [summary_item(e, lang, here) for e in by_title((kb.collection(kind)[s] for s in slugs), lang)]
        parts.append(f"\n\n## {md_text(label(lang, heading))}\n")
        # The entries have pages of their own: the site search should lead there, not here.
        listing = ul(items, "kb-list") or f"<p>{esc(label(lang, 'topic_none'))}</p>"
        parts.append(block(f"<div data-pagefind-ignore>{listing}</div>"))
    parts.append(block(f'<p>{link(urls.relative(here, urls.prefix(lang) + "themen/"), label(lang, "topics_all"))}</p>'))
    return "".join(parts)


def summary_item(entry: Entry, lang: str, here: str) -> str:
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
    terms = sorted(kb.terms.values(), key=lambda t: (sort_key(t.title(lang)), t.slug))
    letters: dict[str, str] = {}
    for term in terms:
        letters.setdefault(sort_key(term.title(lang))[:1].upper() or "#", term.slug)
    nav = " ".join(link(f"#{slug}", letter) for letter, slug in letters.items())
    rows = []
    for term in terms:
        name = term.title(lang) + (f" ({term.data['abkuerzung']})" if term.get("abkuerzung") else "")
        details = [f"<p>{prose(term.text('definition', lang))}</p>"]
        see = [link(f"#{s}", kb.terms[s].title(lang)) for s in term.get("siehe_auch", []) if s in kb.terms]
        if see:
            details.append(f'<p class="kb-see" {SEARCH_IGNORE}><strong>{esc(label(lang, "see_also"))}:</strong> '
                           f'{", ".join(see)}</p>')
        users = by_title((kb.collection(kind)[slug] for kind, slug in index.term_used_in.get(term.slug, [])), lang)
        used = [link(urls.relative(here, urls.entry_url(e.kind, e.slug, lang)), e.title(lang)) for e in users]
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
                                sort_key(e.title(lang)), e.slug))
    items = [
        f'<span class="kb-muted">{esc(label(lang, "kind_" + e.kind))}:</span> ' + summary_item(e, lang, here)
        for e in entries[:NEWEST_LIMIT]
    ]
    return f'<h2 id="neu">{esc(label(lang, "newest"))}</h2>' + ul(items, "kb-list kb-newest")
