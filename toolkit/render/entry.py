"""An entry's page: title, fact box (Steckbrief), text, cross-links; the tool's and the model
project's pages, and the page of a kind without a template of its own."""

from __future__ import annotations

from toolkit.content import events, urls
from toolkit.content.group_size import FACET as GROUP_FACET
from toolkit.content.group_size import group_sizes
from toolkit.content.kinds import KINDS
from toolkit.content.labels import LABELS, display_date, label
from toolkit.content.markup import block, esc, external_link, link, md_text, ol, ul
from toolkit.content.model import Entry, KnowledgeBase
from toolkit.content.order import by_title
from toolkit.content.schema import ESTIMATES_BY_EDITORS
from toolkit.index import CrossIndex
from toolkit.render import event_lists
from toolkit.render.map import map_html, project_towns
from toolkit.render.search import SEARCH_IGNORE, tag_words, words_html


class EntryPage:
    """Renders one entry in one language; links are relative to the entry's own URL."""

    def __init__(self, kb: KnowledgeBase, index: CrossIndex, entry: Entry, lang: str) -> None:
        self.kb, self.index, self.entry, self.lang = kb, index, entry, lang
        self.here = urls.entry_url(entry.kind, entry.slug, lang)

    # -- helpers ---------------------------------------------------------------------------
    def href(self, target: str) -> str:
        return urls.relative(self.here, target)

    def vocab_label(self, vocab: str, key: str) -> str:
        return self.kb.vocab[vocab].label(key, self.lang)

    def chips(self, vocab: str, keys: list[str]) -> str:
        """Facet values as links: topics to their page, other values of a catalogue's facet to
        the catalogue filtered by them, the rest as plain chips."""
        items = []
        for key in keys:
            target = self.value_target(vocab, key)
            text = label(self.lang, f"{vocab}_{key}") if vocab == GROUP_FACET else self.vocab_label(vocab, key)
            items.append(link(self.href(target), text, class_="kb-chip") if target
                         else f'<span class="kb-chip">{esc(text)}</span>')
        return ul(items, "kb-chips")

    def value_target(self, vocab: str, key: str) -> str | None:
        if vocab == "themen":
            return urls.topic_url(key, self.lang)
        if vocab in KINDS[self.entry.kind].facets:
            return urls.catalogue_url(self.entry.kind, self.lang) + f"?{vocab}={key}"
        return None

    def entry_link(self, kind: str, slug: str) -> str:
        other = self.kb.collection(kind)[slug]
        return link(self.href(urls.entry_url(kind, slug, self.lang)), other.title(self.lang))

    def section(self, key: str, content: str, *, furniture: bool = False) -> str:
        """A headed section. ``furniture``: lists of other pages and notices, which the site
        search leaves out, so a query leads to an entry's own page, not to pages that list it."""
        if not content:
            return ""
        if furniture:
            return (f'\n\n## {md_text(label(self.lang, key))} {{ {SEARCH_IGNORE} }}\n'
                    + block(f"<div {SEARCH_IGNORE}>{content}</div>"))
        return f"\n\n## {md_text(label(self.lang, key))}\n" + block(content)

    # -- the page --------------------------------------------------------------------------
    def markdown(self) -> str:
        e, lang = self.entry, self.lang
        parts = [f"# {md_text(e.title(lang))}\n"]
        if not e.translated(lang):
            parts.append(block(f'<p class="kb-notice" role="note">{esc(label(lang, "untranslated"))}</p>'))
        parts.append(block(f'<p class="kb-summary"{self.wrap}>{esc(e.text("kurz", lang))}</p>'))
        parts.append(block(
            f'<section class="kb-steckbrief" aria-labelledby="steckbrief-title"{self.wrap}>'
            f'<h2 id="steckbrief-title" {SEARCH_IGNORE}>{esc(label(lang, "steckbrief"))}</h2>'
            f'<dl>{FACT_SEPARATOR.join(_fact(lang, k, v) for k, v in self.facts() if v)}</dl>'
            f"</section>"
        ))
        parts += self.before_text()
        body = e.body.get(lang) if e.translated(lang) else e.body.get("de", "")
        if body and body.strip():
            parts.append(f'\n\n<div class="kb-body" markdown="1"{self.wrap}>\n\n{body.strip()}\n\n</div>\n')
        parts += self.after_text()
        parts.append(self.media_section())
        terms = self.index.terms_of.get((e.kind, e.slug, lang), [])
        parts.append(self.section("terms", ul([self.term_link(t) for t in terms], "kb-terms"), furniture=True))
        parts.append(block(words_html(tag_words(self.kb, e, lang))))
        parts.append(self.sources_section())
        return "".join(parts)

    @property
    def wrap(self) -> str:
        """The attribute that marks German text on an English page whose entry is not translated."""
        return "" if self.entry.translated(self.lang) else ' lang="de"'

    def facts(self) -> list[tuple[str, str]]:
        """The fact box's rows, (label key, HTML); a kind without a page of its own shows every
        field with values from a vocabulary, its texts and its review date, in declared order."""
        e, lang = self.entry, self.lang
        rows = []
        for spec in KINDS[e.kind].fields:
            value = e.get(spec.name)
            vocab = (spec.item or spec).vocab
            if spec.name in (KINDS[e.kind].title_field, "kurz") or value in (None, "", []):
                continue
            if vocab:
                rows.append((spec.name, self.chips(vocab, value if isinstance(value, list) else [value])))
            elif spec.type == "date":
                rows.append((spec.name, f'<time datetime="{value.isoformat()}">{display_date(value, lang)}</time>'))
            elif spec.type == "url":
                rows.append((spec.name, external_link(value, value)))
            elif spec.type in ("text", "int", "number"):
                rows.append((spec.name, esc(str(e.text(spec.name, lang) if spec.translatable else value))))
        return rows

    def before_text(self) -> list[str]:
        """Sections between the fact box and the entry's own text."""
        return []

    def after_text(self) -> list[str]:
        """Sections after the entry's own text, before its media and glossary terms."""
        return []

    def sources_section(self) -> str:
        """The entry's sources or links, last."""
        for name in ("quellen", "links"):
            if any(spec.name == name for spec in KINDS[self.entry.kind].fields):
                sources = self.entry.get(name, [])
                return self.section(name, ul([external_link(s["url"], s["titel"]) for s in sources]))
        return ""

    # Medien
    def media_section(self) -> str:
        """The media this entry cites or that name it, each with its kind and year."""
        media = self.kb.collection("medium")
        items = []
        for slug in self.index.media_of.get((self.entry.kind, self.entry.slug), []):
            medium = media[slug]
            details = [self.vocab_label("art", medium.data["art"])] + ([str(medium.data["jahr"])] if medium.get("jahr") else [])
            items.append(self.entry_link("medium", slug) + f' <span class="kb-muted">({esc(", ".join(details))})</span>')
        return self.section("medien", ul(items, "kb-media"), furniture=True)

    def term_link(self, slug: str) -> str:
        term = self.kb.terms[slug]
        return link(self.href(urls.glossary_url(self.lang, slug)), term.title(self.lang))

class ToolPage(EntryPage):
    """A tool (Werkzeug): what for, the steps, tips, where it was used, related tools, its dates."""

    def value_target(self, vocab: str, key: str) -> str | None:
        """A value's own page, which lists every tool with it (it works without JavaScript too)."""
        if vocab == "themen":
            return urls.topic_url(key, self.lang)
        return urls.facet_url(self.entry.kind, vocab, key, self.lang)

    def before_text(self) -> list[str]:
        e, lang = self.entry, self.lang
        return [self.section("zweck", f"<p{self.wrap}>{esc(e.text('zweck', lang))}</p>"),
                self.section("ablauf", ol([esc(s) for s in e.text("ablauf", lang)], "kb-steps"))]

    def after_text(self) -> list[str]:
        e, lang = self.entry, self.lang
        projects = [self.entry_link("modellvorhaben", p.slug) for p in
                    by_title((self.kb.projects[s] for s in self.index.projects_by_tool.get(e.slug, [])), lang)]
        related = [self.entry_link("werkzeug", s) for s in self.index.related.get(e.slug, [])]
        # Veranstaltungen
        dates = event_lists.listing(self.kb, self.index.events_by_tool.get(e.slug, []), lang, self.here,
                                    events.today())
        return [self.section("tipps", ul([esc(t) for t in e.text("tipps", lang) or []])),
                self.section("used_in_projects", ul(projects) or f"<p>{esc(label(lang, 'no_projects'))}</p>",
                             furniture=True),
                self.section("related", ul(related, "kb-related"), furniture=True),
                self.section("events_of_tool", dates, furniture=True)]

    def facts(self) -> list[tuple[str, str]]:
        e, lang = self.entry, self.lang
        people = e.get("teilnehmende")
        return [
            ("formattyp", self.chips("formattyp", [e.data["formattyp"]])),
            ("ziel", self.chips("ziel", e.get("ziel", []))),
            ("themen", self.chips("themen", e.get("themen", []))),
            ("zielgruppen", self.chips("zielgruppen", e.get("zielgruppen", []))),
            ("modus", self.chips("modus", [e.data["modus"]])),
            ("organisation", self.chips("organisation", [e.data["organisation"]])),
            ("reichweite", self.chips("reichweite", e.get("reichweite", []))),
            ("dauer", esc(e.text("dauer", lang))),
            ("teilnehmende", esc(label(lang, "participants_range", **people)) if people else ""),
            (GROUP_FACET, self.chips(GROUP_FACET, group_sizes(people))),
            ("aufwand", self.chips("aufwand", [e.data["aufwand"]])),
            ("kosten", esc(e.text("kosten", lang) or "")),
            ("richtwerte", self.estimates()),
            ("geprueft", f'<time datetime="{e.data["geprueft"].isoformat()}">{display_date(e.data["geprueft"], lang)}</time>'),
        ]

    def estimates(self) -> str:
        """Where the figures of the fact box come from; empty when the tool gives none."""
        e, lang = self.entry, self.lang
        if not any(e.get(k) for k in ("dauer", "teilnehmende", "kosten")) or not e.get("richtwerte"):
            return ""
        source = e.data["richtwerte"]
        if source == ESTIMATES_BY_EDITORS:
            return f'<span class="kb-estimate">{esc(label(lang, "richtwerte_redaktion"))}</span>'
        return f'<span class="kb-estimate">{esc(label(lang, "richtwerte_quelle", quelle=source))}</span>'


class ProjectPage(EntryPage):
    """A model project: its towns on a map, results, the tools it used."""

    def before_text(self) -> list[str]:
        return [block(self.project_map()),
                self.section("ergebnisse", ul([esc(s) for s in self.entry.text("ergebnisse", self.lang) or []]))]

    def after_text(self) -> list[str]:
        tools = [self.entry_link("werkzeug", t.slug)
                 for t in by_title((self.kb.tools[s] for s in self.entry.get("werkzeuge", [])), self.lang)]
        return [self.section("werkzeuge", ul(tools), furniture=True)]

    def project_map(self) -> str:
        """The project's towns on a map of Germany, right after the fact box; names on the map."""
        towns = project_towns(kb=self.kb, projects=[self.entry], lang=self.lang, here=self.here,
                              current=self.entry.slug)
        return map_html(towns=towns, caption=label(self.lang, "map_project"), labels=True)

    def facts(self) -> list[tuple[str, str]]:
        e, lang = self.entry, self.lang
        towns = []
        for town in e.get("orte", []):
            details = [self.vocab_label("bundesland", town["bundesland"])]
            if "lagetyp" in town:
                details.append(self.vocab_label("lagetyp", town["lagetyp"]))
            towns.append(f"{esc(town['name'])} ({esc(', '.join(details))})")
        runtime = e.data["laufzeit"]
        span = label(lang, "laufzeit_range", **runtime) if "bis" in runtime else label(lang, "laufzeit_open", **runtime)
        call = e.get("projektaufruf")
        return [
            ("orte", ul(towns, "kb-towns")),
            ("partner", esc(", ".join(e.get("partner", [])))),
            ("laufzeit", esc(span)),
            ("projektaufruf", esc(self.vocab_label("projektaufruf", call)) if call else ""),
            ("foerderung", esc(e.text("foerderung", lang) or "")),
            ("themen", self.chips("themen", e.get("themen", []))),
            ("geprueft", f'<time datetime="{e.data["geprueft"].isoformat()}">{display_date(e.data["geprueft"], lang)}</time>'),
        ]


# Facts the site search skips whole: a review date says nothing about what an entry is about.
UNSEARCHED_FACTS = ("geprueft",)
# Whitespace between the rows: Pagefind joins the text of adjacent <dd>s without a space
# ("dazwischen2 bis 6 Personen") once the labels between them are left out.
FACT_SEPARATOR = "\n"


def _fact(lang: str, key: str, value: str) -> str:
    """One row of the fact box. Its label is left out of the search index: every entry has it."""
    # A fact of a kind without a page of its own is named by its field's label.
    name = LABELS[lang].get(key) or LABELS[lang].get(f"field.{key}", key)
    row = f"<dt {SEARCH_IGNORE}>{esc(name)}</dt>"
    return row + (f"<dd {SEARCH_IGNORE}>{value}</dd>" if key in UNSEARCHED_FACTS else f"<dd>{value}</dd>")
