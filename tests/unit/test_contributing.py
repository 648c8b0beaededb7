"""CONTRIBUTING.md is followed by people who have never seen the repository: what it names must exist."""

from __future__ import annotations

import re
import subprocess
import sys

import yaml

from support.sites import REPO

TEXT = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
# Paths the guide uses as examples of files an editor creates.
EXAMPLES = {"docs/werkzeuge/buergerhaushalt-testlauf.md"}


def github_anchor(heading: str) -> str:
    """The anchor GitHub gives a heading: lowercase, punctuation dropped, spaces to hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def test_every_make_target_named_exists() -> None:
    targets = set(re.findall(r"^([a-z][\w-]*):", (REPO / "Makefile").read_text(encoding="utf-8"), re.M))
    named = set(re.findall(r"`make (\w[\w-]*)`", TEXT))
    assert {"serve", "check", "test", "build", "schema"} <= named
    assert named <= targets, f"not in the Makefile: {named - targets}"


def test_every_toolkit_command_named_exists() -> None:
    for command in sorted(set(re.findall(r"python -m toolkit (\w+)", TEXT))):
        result = subprocess.run([sys.executable, "-m", "toolkit", command, "--help"], cwd=REPO,
                                capture_output=True, text=True, timeout=60)
        assert result.returncode == 0, f"python -m toolkit {command}: {result.stderr}"


def test_every_file_named_exists() -> None:
    paths = {p for p in re.findall(r"`((?:docs|vorlagen|schema|\.github)/[^`<>*…]*)`", TEXT)} - EXAMPLES
    assert {"vorlagen/werkzeug.en.md", "vorlagen/begriff.yml"} <= paths
    missing = [p for p in sorted(paths) if not (REPO / p).exists()]
    assert missing == []


def test_the_forms_and_checks_it_names_are_the_real_ones() -> None:
    forms = [yaml.safe_load(p.read_text(encoding="utf-8"))["name"]
             for p in (REPO / ".github" / "ISSUE_TEMPLATE").glob("*.yml") if p.name != "config.yml"]
    workflows = [yaml.safe_load(p.read_text(encoding="utf-8"))["name"]
                 for p in (REPO / ".github" / "workflows").glob("*.yml")]
    for name in [*forms, *workflows]:
        assert f"**{name}**" in TEXT or f"*{name}*" in TEXT, f"CONTRIBUTING.md does not name '{name}'"


def test_links_within_the_guide_lead_to_its_headings() -> None:
    anchors = {github_anchor(h) for h in re.findall(r"^#+ (.+)$", TEXT, re.M)}
    targets = set(re.findall(r"\]\(#([^)]+)\)", TEXT))
    assert targets and targets <= anchors, f"no such heading: {targets - anchors}"


def test_message_table_is_generated_from_the_golden_cases() -> None:
    """Every message the checker can give is explained; the table is the golden cases' own."""
    sys.path.insert(0, str(REPO / "scripts"))
    import message_table

    assert message_table.with_table(TEXT) == TEXT, "CONTRIBUTING.md's message table is stale: run 'make messages'"
    cases = sorted((REPO / "tests" / "golden" / "check").glob("*.yml"))
    table = TEXT.split(message_table.START)[1].split(message_table.END)[0]
    assert len(table.strip().splitlines()) == len(cases) + 2  # the header, its rule, one row per case


def test_make_help_lists_every_described_target() -> None:
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    described = dict(re.findall(r"^([a-z][\w-]*):.*## (.+)$", makefile, re.M))
    listed = subprocess.run(["make", "--no-print-directory", "help"], cwd=REPO, capture_output=True, text=True,
                            timeout=60).stdout
    assert {"serve", "build", "check", "test", "help"} <= described.keys()
    for target, what in described.items():
        assert re.search(rf"^\s*make {re.escape(target)}\s+{re.escape(what)}$", listed, re.M), target
