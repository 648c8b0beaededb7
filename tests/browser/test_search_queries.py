"""What visitors type, and whether the site search puts the right pages first.

The queries and their rules are in ``tests/data/search_queries.yml``; which pages satisfy a rule
is computed from the sources. Every query runs in real Chromium against the real built site with
its real Pagefind index, typed into the header's search box as a visitor would.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import yaml

from support.sites import REPO
from toolkit.content import urls
from toolkit.content.kinds import ENTRY_FOLDERS
from toolkit.content.model import KnowledgeBase

QUERIES = yaml.safe_load((REPO / "tests" / "data" / "search_queries.yml").read_text(encoding="utf-8"))
CASES = [(lang, case) for lang in ("de", "en") for case in QUERIES[lang]]
# The share of all queries (held-out ones included) that must stay answered; BENCHMARKS.md
# records the measured share. Lower it only with a reason written beside it.
FLOOR = 0.9


def good_pages(kb: KnowledgeBase, rule: dict[str, str], lang: str) -> set[str]:
    """The site paths (relative to the root) that satisfy one rule, from the sources."""
    (kind, value), = rule.items()
    if kind == "entry":
        collection, slug = value.split("/")
        assert slug in kb.collection(collection), f"no {collection} {slug!r} in the sources"
        return {urls.entry_url(collection, slug, lang)}
    if kind == "tagged":
        vocab, key = value.split("=")
        assert key in kb.vocab[vocab].values, f"no value {key!r} in vocabulary {vocab}"
        return {urls.entry_url(k, slug, lang) for k in ENTRY_FOLDERS.values() for slug, e in kb.collection(k).items()
                if key in (e.get(vocab) if isinstance(e.get(vocab), list) else [e.get(vocab)])}
    if kind == "term":
        assert value in kb.terms, f"no glossary term {value!r}"
        return {urls.glossary_url(lang, value)}
    if kind == "topic":
        assert value in kb.vocab["themen"].values, f"no topic {value!r}"
        return {urls.topic_url(value, lang)}
    if kind == "page":
        return {urls.prefix(lang) + value}
    raise AssertionError(f"unknown rule {kind!r}")


def first_results(page, site_url: str, lang: str, query: str) -> list[str]:
    """The site paths of the first results, in order, as the header's search box lists them."""
    page.goto(site_url + urls.prefix(lang) + "glossar/")
    page.locator(".kb-search__input").fill(query)
    page.wait_for_function("() => document.querySelector('.kb-search [role=status]').textContent.trim() !== ''",
                           timeout=15_000)
    hrefs = page.eval_on_selector_all(".kb-search__results [role=option]", "els => els.map(o => o.dataset.href)")
    return [h[len(site_url):] for h in hrefs]


@pytest.fixture(scope="module")
def answers(browser, kb: KnowledgeBase, site_url: str) -> Iterator[dict[tuple[str, str], tuple[bool, list[str]]]]:
    """Every query run once: (answered, first results) by (language, query)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    found = {}
    for lang, case in CASES:
        good = set().union(*(good_pages(kb, rule, lang) for rule in case["any"]))
        assert good, f"{case['q']!r}: its rules name no page of the sources"
        ranked = first_results(page, site_url, lang, case["q"])
        found[(lang, case["q"])] = (bool(good & set(ranked[: case["within"]])), ranked[: case["within"] + 2])
    context.close()
    yield found


def test_the_query_set_is_large_enough() -> None:
    assert len(QUERIES["de"]) >= 30 and len(QUERIES["en"]) >= 15
    assert any(c.get("tuned") is False for c in QUERIES["de"]) and any(c.get("tuned") is False for c in QUERIES["en"])


@pytest.mark.parametrize("lang, case", [(lang, c) for lang, c in CASES if c.get("tuned", True)],
                         ids=[f"{lang}-{c['q']}" for lang, c in CASES if c.get("tuned", True)])
def test_query_puts_a_good_page_first(answers, lang: str, case: dict) -> None:
    answered, ranked = answers[(lang, case["q"])]
    assert answered, f"{case['q']!r} ({lang}): none of {case['any']} in the first {case['within']}: {ranked}"


def test_share_of_the_query_set_answered(answers) -> None:
    answered = [key for key, (ok, _) in answers.items() if ok]
    share = len(answered) / len(answers)
    missed = sorted(f"{lang}:{q}" for (lang, q), (ok, _) in answers.items() if not ok)
    print(f"\nsearch query set: {len(answered)} of {len(answers)} answered ({share:.0%}); missed: {missed}")
    assert share >= FLOOR, f"{share:.0%} of the query set answered (at least {FLOOR:.0%}); missed: {missed}"
