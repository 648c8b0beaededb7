"""The small-town figures (docs/zahlen.yml) as an SVG bar chart with the same numbers as a table."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from toolkit.content.labels import section
from toolkit.content.markup import esc
from toolkit.sources.files import parse_yaml, read_text
from toolkit.sources.problems import Problems

FIGURES_FILE = "zahlen.yml"
HIGHLIGHT = "kleinstaedte"


@dataclass(frozen=True)
class SettlementType:
    key: str
    label: dict[str, str]
    count: int


@dataclass(frozen=True)
class Figures:
    source: dict[str, str]
    year: int
    types: tuple[SettlementType, ...]


def load_figures(docs: Path, root: Path, problems: Problems) -> Figures | None:
    path = docs / FIGURES_FILE
    if not path.exists():
        return None  # the page simply has no chart
    rel = path.relative_to(root).as_posix()
    text = read_text(path, rel, problems)
    parsed = parse_yaml(text, rel, problems) if text is not None else None
    if parsed is None:
        return None
    data, lines = parsed
    try:
        types = tuple(
            SettlementType(str(t["key"]), {"de": str(t["de"]), "en": str(t["en"])}, _count(t["anzahl"]))
            for t in data["siedlungstypen"]
        )
        return Figures({"de": str(data["quelle"]["de"]), "en": str(data["quelle"]["en"])}, int(data["stand"]), types)
    except (KeyError, TypeError, ValueError) as exc:
        problems.error(rel, lines.line(()), f"needs 'quelle' (de, en), 'stand' and 'siedlungstypen' with key, de, "
                                            f"en and a whole number 'anzahl' each ({type(exc).__name__}: {exc})")
        return None


def _count(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"anzahl {value!r} is not a whole number")
    return value


TEXT = section("figures")  # {lang: {key: text}}, from labels.py


def figures_html(figures: Figures, lang: str) -> str:
    words = TEXT[lang]
    total = sum(t.count for t in figures.types) or 1
    title = words["title"].format(year=figures.year)
    # A narrow drawing, so that on a phone its words shrink little.
    width, bar_left, row = 420, 130, 36
    height = row * len(figures.types) + 10
    largest = max(t.count for t in figures.types) or 1
    bars = []
    for i, t in enumerate(figures.types):
        y = 5 + i * row
        length = round((width - bar_left - 60) * t.count / largest)
        cls = "kb-bar kb-bar-highlight" if t.key == HIGHLIGHT else "kb-bar"
        bars.append(
            f'<text x="{bar_left - 10}" y="{y + 22}" text-anchor="end" class="kb-bar-label">{esc(t.label[lang])}</text>'
            f'<rect x="{bar_left}" y="{y + 6}" width="{max(length, 1)}" height="{row - 14}" class="{cls}"/>'
            f'<text x="{bar_left + length + 8}" y="{y + 22}" class="kb-bar-value">{_number(t.count, lang)}</text>'
        )
    svg = (f'<svg viewBox="0 0 {width} {height}" class="kb-chart" role="img" aria-labelledby="kb-chart-title">'
           f'<title id="kb-chart-title">{esc(title)}</title>{"".join(bars)}</svg>')
    rows = "".join(
        f'<tr><th scope="row">{esc(t.label[lang])}</th><td>{_number(t.count, lang)}</td>'
        f"<td>{_percent(t.count / total, lang)}</td></tr>"
        for t in figures.types
    )
    table = (f'<table class="kb-figures"><caption>{esc(title)}</caption><thead><tr>'
             f'<th scope="col">{words["type"]}</th><th scope="col">{words["count"]}</th>'
             f'<th scope="col">{words["share"]}</th></tr></thead><tbody>{rows}</tbody>'
             f'<tfoot><tr><th scope="row">{words["total"]}</th><td>{_number(total, lang)}</td>'
             f"<td>{_percent(1, lang)}</td></tr></tfoot></table>")
    source = f'<p class="kb-muted">{words["source"]}: {esc(figures.source[lang])}</p>'
    return f'<figure class="kb-chart-figure">{svg}<figcaption>{esc(title)}</figcaption></figure>{table}{source}'


def _number(value: int, lang: str) -> str:
    text = f"{value:,}"
    return text.replace(",", ".") if lang == "de" else text


def _percent(value: float, lang: str) -> str:
    text = f"{value * 100:.1f} %"
    return text.replace(".", ",") if lang == "de" else text.replace(" %", "%")
