"""The method finder (``methodenfinder/``): four plain questions whose answers are facet values.

It is a GET form onto the tool catalogue's address, so it works without JavaScript and its result
is a link that can be shared; the catalogue then applies the answers and names them in words.
With JavaScript (finder.js) the number of matching tools shows beside the button as answers change.
"""

from __future__ import annotations

import json

from toolkit.content import urls
from toolkit.content.labels import label
from toolkit.content.markup import block, esc, link, md_text
from toolkit.content.model import DEFAULT_LANGUAGE, KnowledgeBase
from toolkit.render.lists import FINDER_FOLDER, facet_options, facet_values, finder_url
from toolkit.render.redirects import redirect_html

KIND = "werkzeug"
# The questions, in order; each answer is a value of the catalogue's facet of the same name.
QUESTIONS = ("ziel", "zielgruppen", "dauerklasse", "aufwand")
# The English address a visitor may guess; it leads to the finder (toolkit/render/redirects.py pattern).
ENGLISH_ALIAS = "method-finder"
SOURCE = f"{FINDER_FOLDER}.md"


def finder_title(lang: str) -> str:
    return label(lang, "finder_title")


def finder_description(lang: str) -> str:
    return label(lang, "finder_description")


def _tool_values(kb: KnowledgeBase) -> str:
    """Each tool's answers, for counting in the browser: [[values of question 1], ...] per tool."""
    rows = [[facet_values(e, q) for q in QUESTIONS] for e in sorted(kb.tools.values(), key=lambda e: e.slug)]
    return json.dumps(rows, separators=(",", ":"))


def finder_markdown(kb: KnowledgeBase, lang: str) -> str:
    here = finder_url(lang)
    catalogue = urls.relative(here, urls.catalogue_url(KIND, lang))
    questions = []
    for n, facet in enumerate(QUESTIONS, 1):
        options = "".join(
            f'<label><input type="checkbox" name="{facet}" value="{esc(key)}"> {esc(text)}</label>'
            for key, text in facet_options(kb, KIND, facet, lang)
        )
        questions.append(f'<fieldset class="kb-question"><legend><span class="kb-question-number">{n}</span> '
                         f'{esc(label(lang, "finder_q_" + facet))}</legend>'
                         f'<div class="kb-answers">{options}</div></fieldset>')
    counts = "".join(f' data-{key}="{esc(label(lang, "finder_count" + suffix))}"'
                     for key, suffix in (("one", "_one"), ("other", "")))
    asset = urls.relative(here, "assets/")
    return (
        f"# {md_text(finder_title(lang))}\n"
        + block(f'<p class="kb-summary">{esc(label(lang, "finder_intro"))}</p>')
        + block(
            f'<link rel="stylesheet" href="{asset}finder.css">'
            f'<form class="kb-finder" method="get" action="{catalogue}" data-tools="{esc(_tool_values(kb))}">'
            f'{"".join(questions)}'
            f'<div class="kb-finder-submit"><button type="submit" class="kb-button-primary">{esc(label(lang, "finder_submit"))}</button> '
            f'<output class="kb-finder-count" aria-live="polite"{counts}></output></div></form>'
            f'<p>{link(catalogue, label(lang, "finder_all"))}</p>'
            f'<script src="{asset}finder.js" defer></script>'
        )
    )


def alias_pages(lang: str, site_url: str) -> dict[str, bytes]:
    """``en/method-finder/`` leads to the English finder (whose address follows the German one)."""
    if lang == DEFAULT_LANGUAGE:
        return {}
    here = f"{urls.prefix(lang)}{ENGLISH_ALIAS}/"
    target = finder_url(lang)
    page = redirect_html(title=finder_title(lang), lang=lang, target=urls.relative(here, target),
                         canonical=site_url + target)
    return {here + "index.html": page.encode("utf-8")}
