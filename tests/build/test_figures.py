"""The small-town figures page: a chart and a table that both say what docs/zahlen.yml says."""

from __future__ import annotations

from pathlib import Path

import yaml

from support.htmlscan import page_file
from support.sites import REPO
from support.tree import text_of, tree, with_class


def test_chart_and_table_show_the_numbers_of_the_data_file(built_site: Path) -> None:
    data = yaml.safe_load((REPO / "docs" / "zahlen.yml").read_text(encoding="utf-8"))
    for prefix, lang, separator in (("", "de", "."), ("en/", "en", ",")):
        page = tree(page_file(built_site, f"{prefix}kleinstaedte/"))
        charts, tables = with_class(page, "svg", "kb-chart"), with_class(page, "table", "kb-figures")
        assert len(charts) == len(tables) == 1, prefix
        chart, table = charts[0], tables[0]
        assert chart.get("role") == "img" and list(chart.iter("title"))
        texts = [text_of(t) for t in chart.iter("text")]
        rows = [(text_of(row[0]), text_of(row[1])) for row in table.iter("tr") if row[0].get("scope") == "row"]
        for settlement in data["siedlungstypen"]:
            number = f"{settlement['anzahl']:,}".replace(",", separator)
            label = settlement[lang]
            assert label in texts and number in texts, label
            assert (label, number) in rows, label
