"""The page of one event: when and where, its format, registration and access, the calendar file."""

from __future__ import annotations

import datetime as dt
from typing import Any

from toolkit.content import events, urls
from toolkit.content.labels import display_date, label
from toolkit.content.markup import block, esc, external_link, link, md_text, ul
from toolkit.render import ics
from toolkit.render.entry import FACT_SEPARATOR, EntryPage, _fact
from toolkit.render.search import SEARCH_IGNORE, tag_words, words_html


class EventPage(EntryPage):
    """An event in one language; past or upcoming as of the build's day (``events.today``)."""

    def chips(self, vocab: str, keys: list[str]) -> str:
        """Topics lead to their page, other values to the events catalogue filtered by them."""
        if vocab == "themen":
            return super().chips(vocab, keys)
        catalogue = urls.catalogue_url(self.entry.kind, self.lang)
        items = [link(self.href(f"{catalogue}?{vocab}={key}"), self.vocab_label(vocab, key), class_="kb-chip")
                 for key in keys]
        return ul(items, "kb-chips")

    def markdown(self) -> str:
        e, lang, data = self.entry, self.lang, self.entry.data
        wrap = "" if e.translated(lang) else ' lang="de"'
        parts = [f"# {md_text(e.title(lang))}\n"]
        if not e.translated(lang):
            parts.append(block(f'<p class="kb-notice" role="note">{esc(label(lang, "untranslated"))}</p>'))
        parts.append(block(f'<p class="kb-summary"{wrap}>{esc(e.text("kurz", lang))}</p>'))
        notes = []
        if data.get("status") and data["status"] != "geplant":
            notes.append(f'{esc(label(lang, "status"))}: <strong>{esc(self.vocab_label("veranstaltungsstatus", data["status"]))}</strong>')
        if events.dated(data) and not events.upcoming(data, events.today()):
            notes.append(esc(label(lang, "event_past_note")))
        if notes:
            parts.append(block(f'<p class="kb-notice kb-event-status" role="note">{" ".join(notes)}</p>'))
        facts = self.event_facts()
        parts.append(block(
            f'<section class="kb-steckbrief" aria-labelledby="steckbrief-title"{wrap}>'
            f'<h2 id="steckbrief-title" {SEARCH_IGNORE}>{esc(label(lang, "steckbrief"))}</h2>'
            f'<dl>{FACT_SEPARATOR.join(_fact(lang, k, v) for k, v in facts if v)}</dl>'
            f"</section>"
        ))
        body = e.body.get(lang) if e.translated(lang) else e.body.get("de", "")
        if body and body.strip():
            parts.append(f'\n\n<div class="kb-body" markdown="1"{wrap}>\n\n{body.strip()}\n\n</div>\n')
        terms = self.index.terms_of.get((e.kind, e.slug, lang), [])
        parts.append(self.section("terms", ul([self.term_link(t) for t in terms], "kb-terms"), furniture=True))
        parts.append(block(words_html(tag_words(self.kb, e, lang))))
        parts.append(self.section("links", ul([external_link(s["url"], s["titel"]) for s in e.get("links", [])])))
        return "".join(parts)

    def event_facts(self) -> list[tuple[str, str]]:
        e, lang, data = self.entry, self.lang, self.entry.data
        place = data.get("ort")
        online = data.get("online")
        registration = data.get("anmeldung", {})
        access = [esc(self.vocab_label("barrierefreiheit", k)) for k in data.get("barrierefreiheit", [])]
        if e.text("barrierefreiheit_hinweise", lang):
            access.append(esc(e.text("barrierefreiheit_hinweise", lang)))
        return [
            ("wann", self.when()),
            ("ort", esc(", ".join(p for p in (place.get("adresse"), place["name"],
                                                 self.vocab_label("bundesland", place["bundesland"])) if p))
             if place else ""),
            ("online", (external_link(online["url"], online["plattform"]) if online.get("url")
                        else esc(online["plattform"])) if online else ""),
            ("event_format", self.entry_link("werkzeug", data["format"]) if data.get("format") else ""),
            ("themen", self.chips("themen", data.get("themen", []))),
            ("zielgruppen", self.chips("zielgruppen", data.get("zielgruppen", []))),
            ("veranstalter", esc(data.get("veranstalter", ""))),
            ("anmeldung", self.registration(registration)),
            ("kosten", esc(e.text("kosten", lang) or "")),
            ("barrierefreiheit", ul(access) if access else ""),
            ("geprueft", f'<time datetime="{data["geprueft"].isoformat()}">{display_date(data["geprueft"], lang)}</time>'),
        ]

    def when(self) -> str:
        data, lang = self.entry.data, self.lang
        if not events.dated(data):
            return esc(label(lang, "zeitraum_doc", period=events.when_text(data, lang)))
        first = events.start(data)
        stamp = first.isoformat(timespec="minutes") if isinstance(first, dt.datetime) else first.isoformat()
        # The calendar file right where the date is: that is where a visitor looks for it.
        return (f'<time datetime="{stamp}">{esc(events.when_text(data, lang))}</time><br>'
                f'<a class="kb-ics" href="{ics.event_file(self.entry.slug)}" download type="text/calendar" '
                f'{SEARCH_IGNORE}>{esc(label(lang, "ics_download"))}</a>')

    def registration(self, registration: dict[str, Any]) -> str:
        parts = []
        if registration.get("url"):
            parts.append(external_link(registration["url"], label(self.lang, "anmeldung_link")))
        if registration.get("frist"):
            parts.append(esc(label(self.lang, "anmeldung_frist", day=events.day_text(registration["frist"], self.lang))))
        return " ".join(parts)
