"""The small-town figures page: a chart and a table that both say what docs/zahlen.yml says."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from conftest import REPO
from htmlscan import page_file


def test_chart_and_table_show_the_numbers_of_the_data_file(built_site: Path) -> None:
    data = yaml.safe_load((REPO / "docs" / "zahlen.yml").read_text(encoding="utf-8"))
    for prefix, lang, separator in (("", "de", "."), ("en/", "en", ",")):
        html = page_file(built_site, f"{prefix}kleinstaedte/").read_text(encoding="utf-8")
        chart = re.search(r'<svg[^>]*class="kb-chart".*?</svg>', html, re.S)
        table = re.search(r'<table class="kb-figures">.*?</table>', html, re.S)
        assert chart and table, prefix
        assert 'role="img"' in chart.group(0) and "<title" in chart.group(0)
        for settlement in data["siedlungstypen"]:
            number = f"{settlement['anzahl']:,}".replace(",", separator)
            label = settlement[lang]
            assert f">{label}</text>" in chart.group(0) and f">{number}</text>" in chart.group(0), label
            assert re.search(rf"<th scope=\"row\">{label}</th><td>{re.escape(number)}</td>", table.group(0)), label
