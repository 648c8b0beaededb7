"""Pages that list entries: the catalogues, the topic pages and the glossary."""

from __future__ import annotations

import json
from collections.abc import Callable

from toolkit.content import events, urls
from toolkit.content.group_size import CLASSES as GROUP_CLASSES
from toolkit.content.group_size import FACET as GROUP_FACET
from toolkit.content.group_size import group_sizes
from toolkit.content.kinds import KINDS, TOPIC_KINDS
from toolkit.content.labels import LABELS, label
from toolkit.content.markup import block, esc, external_link, link, md_text, prose, ul
from toolkit.content.model import LANGUAGES, Entry, KnowledgeBase
from toolkit.content.order import by_title, sort_key
from toolkit.index import CrossIndex
from toolkit.render import event_lists, ics
from toolkit.render.map import map_html, project_towns
from toolkit.render.search import SEARCH_IGNORE, words_html

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
    derived = DERIVED_FACETS.get((entry.kind, facet))
    if derived is not None:
        return derived(entry.data)
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
    # Veranstaltungen: the formats (tools) events name, and on site / online
    if facet == "format":
        used = {e.data["format"] for e in kb.collection(kind).values() if e.get("format") in kb.tools}
        return [(t.slug, t.title(lang)) for t in by_title((kb.tools[slug] for slug in used), lang)]
    if facet == events.ATTENDANCE:
        return [(key, label(lang, f"{facet}_{key}")) for key in events.ATTENDANCE_VALUES]
    if facet not in kb.vocab:
        # A facet without a vocabulary (a medium's year): the values its entries have, newest first.
        found = {v for e in kb.collection(kind).values() for v in facet_values(e, facet)}
        return [(v, v) for v in sorted(found, key=lambda v: (len(v), v), reverse=True)]
    return [(key, value.label[lang]) for key, value in kb.vocab[facet].values.items()]


# (kind, facet) -> the values an entry has in a facet that no single field holds.
DERIVED_FACETS = {
    # Veranstaltungen: the Bundesland of the place, on site / online
    **{(events.KIND, facet): derive for facet, derive in events.FACETS.items()},
}


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
    grouped = CARD_GROUPS.get(kind)
    # The form is in the page from the start, so that nothing moves when catalogue.js takes it over;
    # without JavaScript, catalogue-noscript.css hides it and the full list stays.
    # The catalogue is left out of the site search: its entries have pages of their own.
    asset = urls.relative(here, "assets/")
    sorting = "".join(f'<option value="{key}">{esc(label(lang, "sort_" + key))}</option>' for key in ("title", "newest"))
    counts = "".join(f' data-{key}="{esc(label(lang, "count_" + key))}"' for key in ("one", "other", "filtered"))
    results = f"kb-results-{kind}"
    apply = "".join(f' data-{key}="{esc(_kind_label(lang, "show_results" + suffix, kind))}"'
                    for key, suffix in (("one", "_one"), ("other", "")))
    finder = urls.relative(here, finder_url(lang)) if kind == "werkzeug" else ""
    applied = (f'<p class="kb-applied" hidden><span class="kb-applied-label">{esc(label(lang, "applied"))}</span> '
               f'<span class="kb-applied-values"></span> '
               f'<a class="kb-applied-change" href="{finder}">{esc(label(lang, "applied_change"))}</a></p>'
               if finder else "")
    return (
        (CATALOGUE_MAPS[kind](kb, entries, lang, here) if kind in CATALOGUE_MAPS else "")
        + f'<div class="kb-catalogue" data-kind="{kind}" data-pagefind-ignore="all">'
        f'<link rel="stylesheet" href="{asset}catalogue.css">'
        f'<noscript><link rel="stylesheet" href="{asset}catalogue-noscript.css">'
        f'<p class="kb-notice">{esc(label(lang, "noscript_filters"))}</p></noscript>'
        f'<form class="kb-filters" role="search" aria-label="{esc(label(lang, "filter"))}"'
        f' data-words="{esc(value_words(kb, kind))}">'
        f'<a class="kb-skip-results" href="#{results}">{esc(label(lang, "skip_results"))}</a>'
        f'<div class="kb-filter-bar"><label class="kb-text-filter">{esc(label(lang, "search_in_catalogue"))} '
        f'<input type="search" name="q" autocomplete="off"></label>'
        + ("" if grouped else f'<label class="kb-sort">{esc(label(lang, "sort"))} <select name="sort">{sorting}</select></label>')
        + '</div>'
        f'<button type="button" class="kb-button kb-facets-toggle" aria-expanded="false" aria-controls="kb-facets-{kind}">'
        f'{esc(label(lang, "filters"))}</button>'
        f'<div class="kb-facets" id="kb-facets-{kind}" hidden>{"".join(fieldsets)}'
        f'<button type="button" class="kb-apply kb-button-primary"{apply}>'
        f'{esc(_kind_label(lang, "show_results", kind, n=len(entries)))}</button></div>'
        f'<button type="reset" class="kb-button kb-reset">{esc(label(lang, "reset"))}</button></form>'
        f'{applied}'
        f'<p class="kb-count" id="{results}" tabindex="-1" aria-live="polite"{counts}>'
        f'{esc(label(lang, "catalogue_count", n=len(entries)))}</p>'
        + (grouped(kb, entries, lang, here) if grouped else f'<ul class="kb-cards">{"".join(cards)}</ul>')
        + f'<script src="{asset}catalogue.js" defer></script></div>'
    )


def _kind_label(lang: str, key: str, kind: str, **values: object) -> str:
    """A kind's own wording of ``key`` (``show_results_veranstaltung``) where it has one."""
    own = f"{key}_{kind}"
    return label(lang, own if own in LABELS[lang] else key, **values)


# Veranstaltungen
def _event_groups(kb: KnowledgeBase, entries: list[Entry], lang: str, here: str) -> str:
    """Upcoming events, soonest first (or how to submit one), then past ones by year, newest first;
    catalogue.js hides a group whose cards a filter hides."""
    coming, past = event_lists.split(entries, events.today())
    calendar = urls.relative(here, ics.calendar_path(lang))
    parts = [f'<p class="kb-ics"><a href="{calendar}" type="text/calendar">{esc(label(lang, "ics_all"))}</a></p>',
             f'<section class="kb-card-group" aria-labelledby="kb-upcoming"><h2 id="kb-upcoming">'
             f'{esc(label(lang, "events_upcoming"))}</h2>']
    if coming:
        parts.append(f'<ul class="kb-cards">{"".join(_card(kb, e, lang, here, 3) for e in coming)}</ul>')
    else:
        parts.append(f'<p class="kb-notice kb-events-none">{esc(label(lang, "events_none"))} '
                     f'{esc(label(lang, "events_submit_text"))} {_submit_link(kb, lang, here)}</p>')
    parts.append("</section>")
    if past:
        parts.append(f'<section class="kb-card-group" aria-labelledby="kb-past">'
                     f'<h2 id="kb-past">{esc(label(lang, "events_past"))}</h2>')
        # Dated ones under their year; those documented without a date after them, under their own heading.
        years: list[tuple[str, str, list[Entry]]] = [
            (f"kb-year-{year}", str(year), [e for e in past if events.dated(e.data) and events.year(e.data) == year])
            for year in sorted({events.year(e.data) for e in past if events.dated(e.data)}, reverse=True)]
        undated = [e for e in past if not events.dated(e.data)]
        if undated:
            years.append(("kb-undated", label(lang, "events_documented"), undated))
        for anchor, heading, group in years:
            cards = "".join(_card(kb, e, lang, here, 4) for e in group)
            parts.append(f'<section class="kb-card-group" aria-labelledby="{anchor}">'
                         f'<h3 id="{anchor}">{esc(heading)}</h3><ul class="kb-cards">{cards}</ul></section>')
        parts.append("</section>")
    return f'<div class="kb-card-groups">{"".join(parts)}</div>'


# The issue form an event is submitted with (.github/ISSUE_TEMPLATE/).
SUBMIT_FORM = "veranstaltung-melden.yml"


def _submit_link(kb: KnowledgeBase, lang: str, here: str) -> str:
    """The form on GitHub once the repository is known; until then the page on how to take part."""
    repository = kb.operator.repository_url if kb.operator is not None else None
    if repository:
        return external_link(f"{repository}/issues/new?template={SUBMIT_FORM}", label(lang, "events_submit"))
    return link(urls.relative(here, urls.prefix(lang) + "mitmachen/"), label(lang, "events_submit"))


def _event_card_line(kb: KnowledgeBase, entry: Entry, lang: str) -> str:
    place = event_lists.place_text(kb, entry, lang)
    status = entry.data.get("status")
    extra = [place] if place else []
    if status and status != "geplant":
        extra.append(kb.vocab["veranstaltungsstatus"].label(status, lang))
    return (f'<p class="kb-card-when">{event_lists.when_html(entry, lang)}'
            + "".join(f" · {esc(x)}" for x in extra) + "</p>")


def _events_map(kb: KnowledgeBase, entries: list[Entry], lang: str, here: str) -> str:
    """The places of the upcoming events on site, soonest first in the list below the map."""
    coming, _ = event_lists.split(entries, events.today())
    towns = event_lists.event_towns(kb, coming, lang, here)
    return map_html(towns=towns, caption=label(lang, "map_events"), list_summary=label(lang, "map_list", n=len(towns)),
                    skip=label(lang, "map_skip"))


# kind -> how its catalogue groups its cards (default: one list, sorted by the visitor's choice)
CARD_GROUPS = {events.KIND: _event_groups}
# kind -> a line each card shows above its summary
CARD_LINES = {events.KIND: _event_card_line}


def finder_url(lang: str) -> str:
    return f"{urls.prefix(lang)}{FINDER_FOLDER}/"


def _projects_map(kb: KnowledgeBase, projects: list[Entry], lang: str, here: str) -> str:
    """Every project's towns on one map, listed by town name below it."""
    towns = sorted(project_towns(kb=kb, projects=projects, lang=lang, here=here),
                   key=lambda t: (sort_key(t.name), sort_key(t.project)))
    return map_html(towns=towns, caption=label(lang, "map_all"),
                    list_summary=label(lang, "map_list", n=len(towns)), skip=label(lang, "map_skip"))


# kind -> the map above its catalogue
CATALOGUE_MAPS = {
    "modellvorhaben": _projects_map,
    # Veranstaltungen
    events.KIND: _events_map,
}


def _card(kb: KnowledgeBase, entry: Entry, lang: str, here: str, level: int = 2) -> str:
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
        f'<h{level} class="kb-card-title"{untranslated}>{link(href, entry.title(lang))}</h{level}>'
        + (CARD_LINES[entry.kind](kb, entry, lang) if entry.kind in CARD_LINES else "") +
        f'<p{untranslated}>{esc(entry.text("kurz", lang))}</p>'
        + (f'<p class="kb-card-facts">{" · ".join(esc(c) for c in chips)}</p>' if chips else "")
        + "</li>"
    )


def _keywords(kb: KnowledgeBase, entry: Entry, lang: str) -> list[str]:
    """Words the catalogue's text filter finds besides the card's visible text and its values'
    words (the kind's ``word_facets``, given once per page)."""
    return [town["name"] for town in entry.get("orte", [])] + list(entry.get("partner", []))




def _topic_events(kb: KnowledgeBase, slugs: list[str], lang: str, here: str) -> str:
    """A topic's events with their dates, upcoming ones first; empty without events."""
    return event_lists.listing(kb, slugs, lang, here, events.today())


# Kinds whose entries a topic page lists in a form of their own instead of the title list.
TOPIC_LISTINGS: dict[str, Callable[[KnowledgeBase, list[str], str, str], str]] = {events.KIND: _topic_events}


def topic_markdown(kb: KnowledgeBase, index: CrossIndex, key: str, lang: str) -> str:
    value = kb.vocab["themen"].values[key]
    here = urls.topic_url(key, lang)
    parts = [f"# {md_text(label(lang, 'topic_title', label=value.label[lang]))}\n"]
    if value.intro.get(lang):
        parts.append(block(f'<p class="kb-summary">{esc(value.intro[lang])}</p>'))
    parts.append(block(words_html(kb.vocab["themen"].search_words(key, lang))))
    special = []
    for kind in TOPIC_KINDS:
        slugs = index.topic(kind.name, key)
        if kind.name in TOPIC_LISTINGS:
            special.append((kind.name, slugs))
            continue
        items = [summary_item(e, lang, here) for e in by_title((kb.collection(kind.name)[s] for s in slugs), lang)]
        parts.append(f"\n\n## {md_text(label(lang, f'topic_{kind.name}'))}\n")
        # The entries have pages of their own: the site search should lead there, not here.
        listing = ul(items, "kb-list") or f"<p>{esc(label(lang, 'topic_none'))}</p>"
        parts.append(block(f"<div data-pagefind-ignore>{listing}</div>"))
    # Kinds with a listing of their own come after the others and only where the topic has any.
    for name, slugs in special:
        listing = TOPIC_LISTINGS[name](kb, slugs, lang, here)
        if listing:
            parts.append(f"\n\n## {md_text(label(lang, f'topic_{name}'))}\n")
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
        counts = label(lang, "topic_counts", tools=len(index.topic("werkzeug", key)),
                       projects=len(index.topic("modellvorhaben", key)))
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
    # Veranstaltungen: the next dates first, when any are announced
    return (event_lists.next_html(kb, lang, events.today())
            + f'<h2 id="neu">{esc(label(lang, "newest"))}</h2>' + ul(items, "kb-list kb-newest"))
