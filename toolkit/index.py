"""Cross-indexes, built once from all entries (collect first, render later).

- which projects used each tool (the reverse of a project's ``werkzeuge:`` list);
- up to five related tools per tool, scored through an inverted index of facet values, so the
  work grows with the entries that share a value, not with every pair of tools;
- every tool and project per topic;
- which glossary terms each entry uses (listed in front matter, or mentioned in its text), and
  where each term is used.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from toolkit.model import LANGUAGES, Entry, KnowledgeBase

RELATED_LIMIT = 5
# A shared topic says more about a method than a shared target group.
RELATED_WEIGHTS = {"themen": 2, "zielgruppen": 1}


@dataclass
class CrossIndex:
    projects_by_tool: dict[str, list[str]] = field(default_factory=dict)
    related: dict[str, list[str]] = field(default_factory=dict)
    tools_by_topic: dict[str, list[str]] = field(default_factory=dict)
    projects_by_topic: dict[str, list[str]] = field(default_factory=dict)
    # (kind, slug) -> term slugs, in the order of first use; per language for detected ones
    terms_of: dict[tuple[str, str, str], list[str]] = field(default_factory=dict)
    # term slug -> [(kind, slug)]
    term_used_in: dict[str, list[tuple[str, str]]] = field(default_factory=dict)


def build_index(kb: KnowledgeBase) -> CrossIndex:
    index = CrossIndex()
    tool_order = sorted(kb.tools, key=lambda s: (kb.tools[s].title("de").casefold(), s))
    project_order = sorted(kb.projects, key=lambda s: (kb.projects[s].title("de").casefold(), s))

    users: dict[str, list[str]] = defaultdict(list)
    for slug in project_order:
        for tool in kb.projects[slug].get("werkzeuge", []):
            users[tool].append(slug)
    index.projects_by_tool = {tool: users.get(tool, []) for tool in kb.tools}

    index.related = _related(kb, tool_order)

    for topic in kb.vocab["themen"].values if "themen" in kb.vocab else {}:
        index.tools_by_topic[topic] = [s for s in tool_order if topic in kb.tools[s].get("themen", [])]
        index.projects_by_topic[topic] = [s for s in project_order if topic in kb.projects[s].get("themen", [])]

    _terms(kb, index, [*(kb.tools[s] for s in tool_order), *(kb.projects[s] for s in project_order)])
    return index


def _related(kb: KnowledgeBase, order: list[str]) -> dict[str, list[str]]:
    rank = {slug: i for i, slug in enumerate(order)}
    postings: dict[tuple[str, str], list[str]] = defaultdict(list)
    for slug in order:
        for facet in RELATED_WEIGHTS:
            for value in kb.tools[slug].get(facet, []):
                postings[(facet, value)].append(slug)
    related: dict[str, list[str]] = {}
    for slug in order:
        tool = kb.tools[slug]
        scores: dict[str, int] = defaultdict(int)
        for facet, weight in RELATED_WEIGHTS.items():
            for value in tool.get(facet, []):
                for other in postings[(facet, value)]:
                    scores[other] += weight
        chosen = list(tool.get("verwandt", []))  # the editor's choice comes first
        scores.pop(slug, None)
        for other in chosen:
            scores.pop(other, None)
        best = sorted(scores, key=lambda o: (-scores[o], rank[o]))
        related[slug] = (chosen + best)[:max(RELATED_LIMIT, len(chosen))]
    return related


def _terms(kb: KnowledgeBase, index: CrossIndex, entries: list[Entry]) -> None:
    patterns = {lang: _term_pattern(kb, lang) for lang in LANGUAGES}
    used_in: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for entry in entries:
        listed = list(entry.get("begriffe", []))
        for lang in LANGUAGES:
            found = list(listed)
            pattern, variant_to_term = patterns[lang]
            body = entry.body.get(lang) or entry.body.get("de", "")
            if pattern is not None:
                for match in pattern.finditer(body):
                    term = variant_to_term[match.group(0)]
                    if term not in found:
                        found.append(term)
            index.terms_of[(entry.kind, entry.slug, lang)] = found
            if lang == "de":
                for term in found:
                    used_in[term].append((entry.kind, entry.slug))
    index.term_used_in = {term: used_in.get(term, []) for term in kb.terms}


def _term_pattern(kb: KnowledgeBase, lang: str) -> tuple[re.Pattern[str] | None, dict[str, str]]:
    """One alternation of every term's spellings: a single pass over each text finds them all."""
    variant_to_term: dict[str, str] = {}
    for slug, term in kb.terms.items():
        spellings = [term.data["begriff"][lang], *term.get("varianten", {}).get(lang, [])]
        if term.get("abkuerzung"):
            spellings.append(term.data["abkuerzung"])
        for spelling in spellings:
            variant_to_term.setdefault(spelling, slug)
    if not variant_to_term:
        return None, {}
    # Longest first, so "Neue Leipzig-Charta" wins over a shorter spelling inside it.
    alternatives = sorted(variant_to_term, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, alternatives)) + r")(?![\w-])")
    return pattern, variant_to_term
