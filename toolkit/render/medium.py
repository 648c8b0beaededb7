"""The page of one medium: title, fact box, the reference to copy with its downloads, cross-links."""

from __future__ import annotations

from datetime import date

from toolkit.content import urls
from toolkit.content.labels import display_date, label
from toolkit.content.markup import block, esc, external_link, link, md_text, ul
from toolkit.content.order import by_title
from toolkit.render import citation
from toolkit.render.entry import FACT_SEPARATOR, EntryPage, _fact
from toolkit.render.search import SEARCH_IGNORE, tag_words, words_html

COPY_SCRIPT = "citation.js"  # overrides/assets/: the copy button, the only part that needs JavaScript


class MediumPage(EntryPage):
    def value_link(self, vocab: str, key: str) -> str:
        """A fact's value as a link: a topic to its page, any other value to the catalogue filtered by it."""
        if vocab == "themen":
            target = urls.topic_url(key, self.lang)
        else:
            target = urls.catalogue_url(self.entry.kind, self.lang) + f"?{vocab}={key}"
        return link(self.href(target), self.vocab_label(vocab, key), class_="kb-chip")

    def value_links(self, vocab: str, keys: list[str]) -> str:
        return ul([self.value_link(vocab, k) for k in keys], "kb-chips")

    def markdown(self) -> str:
        e, lang = self.entry, self.lang
        wrap = "" if e.translated(lang) else ' lang="de"'
        # The title is given as published, in the medium's own language.
        own = e.get("sprachen", [])
        # A title in another language than the page's is marked, so that it is read out in its own.
        mark = f" {{ lang={own[0]} }}" if len(own) == 1 and own[0] != lang else ""
        parts = [f"# {md_text(e.data['titel'])}{mark}\n"]
        if not e.translated(lang):
            parts.append(block(f'<p class="kb-notice" role="note">{esc(label(lang, "untranslated"))}</p>'))
        parts.append(block(f'<p class="kb-summary"{wrap}>{esc(e.text("kurz", lang))}</p>'))
        parts.append(block(
            f'<section class="kb-steckbrief" aria-labelledby="steckbrief-title">'
            f'<h2 id="steckbrief-title" {SEARCH_IGNORE}>{esc(label(lang, "steckbrief"))}</h2>'
            f'<dl>{FACT_SEPARATOR.join(_fact(lang, k, v) for k, v in self.facts() if v)}</dl>'
            f"</section>"
        ))
        parts.append(self.section("citation", self.citation_html(), furniture=True))
        body = e.body.get(lang) if e.translated(lang) else e.body.get("de", "")
        if body and body.strip():
            parts.append(f'\n\n<div class="kb-body" markdown="1"{wrap}>\n\n{body.strip()}\n\n</div>\n')
        for key, kind, field in (("medium_tools", "werkzeug", "werkzeuge"),
                                 ("medium_projects", "modellvorhaben", "modellvorhaben")):
            listed = by_title((self.kb.collection(kind)[s] for s in e.get(field, [])), lang)
            parts.append(self.section(key, ul([self.entry_link(kind, x.slug) for x in listed]), furniture=True))
        citing = by_title((self.kb.collection(kind)[slug] for kind, slug in self.index.cited_by.get(e.slug, [])), lang)
        parts.append(self.section("cited_by", ul([self.entry_link(x.kind, x.slug) for x in citing]), furniture=True))
        terms = self.index.terms_of.get((e.kind, e.slug, lang), [])
        parts.append(self.section("terms", ul([self.term_link(t) for t in terms], "kb-terms"), furniture=True))
        parts.append(block(words_html(tag_words(self.kb, e, lang))))
        return "".join(parts)

    def facts(self) -> list[tuple[str, str]]:
        e, lang = self.entry, self.lang
        people = {field: "; ".join(esc(_full(n)) for n in citation.names(e, field))
                  for field in ("autoren", "herausgeber")}
        address = ""
        if e.get("webadresse"):
            address = external_link(e.data["webadresse"], e.data["webadresse"])
            checked = e.get("geprueft_am")
            if isinstance(checked, date):
                day = f'<time datetime="{checked.isoformat()}">{display_date(checked, lang)}</time>'
                address += (' <span class="kb-muted">('
                            + esc(label(lang, "url_checked", date="\0")).replace("\0", day) + ")</span>")
        return [
            ("art", self.value_links("art", [e.data["art"]])),
            ("autoren", people["autoren"]),
            ("herausgeber", people["herausgeber"]),
            ("jahr", self.value_link("jahr", str(e.data["jahr"])).replace(' class="kb-chip"', "")
             if e.get("jahr") else ""),
            ("verlag", esc(e.get("verlag") or "")),
            ("erscheinungsort", esc(e.get("ort") or "")),
            ("sprachen", self.value_links("sprachen", e.get("sprachen", []))),
            ("webadresse", address),
            ("lizenz", esc(e.get("lizenz") or "")),
            ("themen", self.value_links("themen", e.get("themen", []))),
            ("geprueft", f'<time datetime="{e.data["geprueft"].isoformat()}">{display_date(e.data["geprueft"], lang)}</time>'),
        ]

    def vocab_label(self, vocab: str, key: str) -> str:
        # The year is a facet without a vocabulary: its value is its label.
        return key if vocab == "jahr" else super().vocab_label(vocab, key)

    def citation_html(self) -> str:
        """The reference as selectable text, a copy button that the script reveals, the downloads."""
        e, lang = self.entry, self.lang
        target = f"zitat-{e.slug}"
        files = urls.relative(self.here, citation.file_base(e.slug))
        downloads = [
            f'<a href="{files}{citation.BIBTEX_SUFFIX}" download type="application/x-bibtex">'
            f'{esc(label(lang, "citation_bibtex"))}</a>',
            f'<a href="{files}{citation.RIS_SUFFIX}" download type="application/x-research-info-systems">'
            f'{esc(label(lang, "citation_ris"))}</a>',
        ]
        script = urls.relative(self.here, "assets/" + COPY_SCRIPT)
        return (
            f'<p>{esc(label(lang, "citation_intro"))}</p>'
            f'<p class="kb-citation" id="{target}">{esc(citation.reference(e, lang, self.kb))}</p>'
            f'<p class="kb-citation-actions"><button type="button" class="kb-button kb-copy" data-copy="{target}"'
            f' data-done="{esc(label(lang, "citation_copied"))}" data-failed="{esc(label(lang, "citation_copy_failed"))}"'
            f' hidden>{esc(label(lang, "citation_copy"))}</button>'
            f' <span class="kb-copy-status" role="status"></span></p>'
            f'<p class="kb-citation-files">{esc(label(lang, "citation_downloads"))} {" · ".join(downloads)}</p>'
            f'<script src="{script}" defer></script>'
        )


def _full(name: citation.Name) -> str:
    return f"{name.surname}, {name.given}" if name.given else name.surname
