"""Cross-indexes, built once from all entries (collect first, render later).

- which projects used each tool (the reverse of a project's ``werkzeuge:`` list);
- up to five related tools per tool, scored through an inverted index of facet values, so the
  work grows with the entries that share a value, not with every pair of tools;
- the entries of every kind with topics, per topic (``by_topic``);
- which glossary terms each entry uses (listed in front matter, or mentioned in its text), and
  where each term is used.
"""

from __future__ import annotations

import heapq
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from toolkit.content import events
from toolkit.content.kinds import KINDS, TOPIC_KINDS, TOPICS, Kind
from toolkit.content.model import DEFAULT_LANGUAGE, LANGUAGES, Entry, KnowledgeBase
from toolkit.content.order import by_title

RELATED_LIMIT = 5
# A shared topic says more about a method than a shared target group.
RELATED_WEIGHTS = {"themen": 2, "zielgruppen": 1}


@dataclass
class CrossIndex:
    projects_by_tool: dict[str, list[str]] = field(default_factory=dict)
    related: dict[str, list[str]] = field(default_factory=dict)
    # kind -> topic -> slugs, in the kind's order (kinds.TOPIC_KINDS; every topic of the vocabulary)
    by_topic: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    # (kind, slug, lang) -> term slugs, in the order of first use: the listed ones, then those detected in that language's text
    terms_of: dict[tuple[str, str, str], list[str]] = field(default_factory=dict)
    # term slug -> [(kind, slug)] of the entries that list it or whose German text uses it
    term_used_in: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    # Veranstaltungen: tool slug (its format) -> event slugs, soonest first
    events_by_tool: dict[str, list[str]] = field(default_factory=dict)
    # Medien: medium -> the (kind, slug) of the tools and projects that cite it;
    # (kind, slug) of a tool or project -> the media it cites or that name it.
    cited_by: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    media_of: dict[tuple[str, str], list[str]] = field(default_factory=dict)

    def topic(self, kind: str, key: str) -> list[str]:
        """The entries of ``kind`` on the topic ``key``, in the kind's order."""
        return self.by_topic.get(kind, {}).get(key, [])


def ordered(kb: KnowledgeBase, kind: Kind) -> list[str]:
    """The slugs of a kind's entries in its order: its ``order_key``, else by German title."""
    found = kb.collection(kind.name)
    if kind.order_key is None:
        return [e.slug for e in by_title(found.values(), DEFAULT_LANGUAGE)]
    key = kind.order_key
    return sorted(found, key=lambda slug: (key(found[slug].data), slug))


def build_index(kb: KnowledgeBase) -> CrossIndex:
    index = CrossIndex()
    tool_order = ordered(kb, KINDS["werkzeug"])
    project_order = ordered(kb, KINDS["modellvorhaben"])

    users: dict[str, list[str]] = defaultdict(list)
    for slug in project_order:
        for tool in kb.projects[slug].get("werkzeuge", []):
            users[tool].append(slug)
    index.projects_by_tool = {tool: users.get(tool, []) for tool in kb.tools}

    index.related = _related(kb, tool_order)

    topics = kb.vocab[TOPICS].values if TOPICS in kb.vocab else {}
    for kind in TOPIC_KINDS:
        entries = kb.collection(kind.name)
        order = ordered(kb, kind)
        index.by_topic[kind.name] = {topic: [s for s in order if topic in entries[s].get(TOPICS, [])]
                                     for topic in topics}

    media_order = _media(kb, index, tool_order, project_order)
    _terms(kb, index, [*(kb.tools[s] for s in tool_order), *(kb.projects[s] for s in project_order),
                       *(kb.collection("medium")[s] for s in media_order)])
    _events(kb, index)
    return index


# Veranstaltungen
def _events(kb: KnowledgeBase, index: CrossIndex) -> None:
    """Events by their format, in date order; their glossary terms join the others'."""
    found = kb.collection(events.KIND)
    order = ordered(kb, KINDS[events.KIND])
    by_tool: dict[str, list[str]] = defaultdict(list)
    for slug in order:
        data = found[slug].data
        if data.get("format"):
            by_tool[data["format"]].append(slug)
    index.events_by_tool = dict(by_tool)
    if order:
        used_before = {term: list(places) for term, places in index.term_used_in.items()}
        _terms(kb, index, [found[s] for s in order])
        index.term_used_in = {term: used_before.get(term, []) + places for term, places in index.term_used_in.items()}


# Medien
def _media(kb: KnowledgeBase, index: CrossIndex, tool_order: list[str], project_order: list[str]) -> list[str]:
    """The links both ways between media and the tools and projects: an entry's ``medien`` list
    and a medium's ``werkzeuge`` and ``modellvorhaben`` lists each make a link, shown on both
    pages. Returns the media in title order."""
    media = kb.collection("medium")
    order = ordered(kb, KINDS["medium"])
    citing: dict[str, list[tuple[str, str]]] = defaultdict(list)
    linked: dict[tuple[str, str], set[str]] = defaultdict(set)
    for kind, slugs in (("werkzeug", tool_order), ("modellvorhaben", project_order)):
        for slug in slugs:
            for medium in kb.collection(kind)[slug].get("medien", []):
                citing[medium].append((kind, slug))
                linked[(kind, slug)].add(medium)
    for slug in order:
        for kind, field_name in (("werkzeug", "werkzeuge"), ("modellvorhaben", "modellvorhaben")):
            for other in media[slug].get(field_name, []):
                linked[(kind, other)].add(slug)
    index.cited_by = {slug: citing.get(slug, []) for slug in order}
    rank = {slug: i for i, slug in enumerate(order)}
    index.media_of = {key: sorted((m for m in found if m in rank), key=rank.__getitem__) for key, found in linked.items()}
    return order


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
        # Broad values (a target group) are shared by a third of all tools, so every tool meets
        # most others here: counting and picking the best few run in C (Counter, heapq), not in
        # a Python loop and a full sort.
        scores: Counter[str] = Counter()
        for facet, weight in RELATED_WEIGHTS.items():
            for value in tool.get(facet, []):
                for _ in range(weight):
                    scores.update(postings[(facet, value)])
        chosen = list(tool.get("verwandt", []))  # the editor's choice comes first
        scores.pop(slug, None)
        for other in chosen:
            scores.pop(other, None)
        wanted = max(RELATED_LIMIT, len(chosen)) - len(chosen)
        # One number per candidate orders by score, then by title: -score * n + rank.
        n = len(order)
        best = heapq.nsmallest(wanted, [rank[o] - score * n for o, score in scores.items()]) if wanted > 0 else []
        related[slug] = chosen + [order[key % n] for key in best]
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
            if spelling:  # an empty spelling would match between any two words
                variant_to_term.setdefault(spelling, slug)
    if not variant_to_term:
        return None, {}
    pattern = re.compile(r"(?<![\w-])" + _trie(variant_to_term) + r"(?![\w-])")
    return pattern, variant_to_term


# A letter tree of spellings: each letter leads to the letters that follow it, "" marks an end.
_Tree = dict[str, "_Tree"]


def _trie(spellings: Iterable[str]) -> str:
    """An alternation of ``spellings`` as a prefix tree: ``Orts(?:kern|teil(?:rat)?)``.

    A flat alternation of hundreds of spellings tries each of them at every position of every
    text (4.5 s for 2,500 entries); the tree rejects most positions at the first letter. Longer
    continuations come before the end of a shorter spelling, so the longest spelling that fits
    wins: "Neue Leipzig-Charta" over a shorter spelling inside it.
    """
    tree: _Tree = {}
    for spelling in spellings:
        node = tree
        for char in spelling:
            node = node.setdefault(char, {})
        node[""] = {}  # a spelling ends here

    def pattern(node: _Tree) -> str:
        branches = [re.escape(char) + pattern(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        inner = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{inner})?" if "" in node else inner

    return pattern(tree)
