"""The GitHub setup: workflows, issue forms, Dependabot and pre-commit, checked offline.

check-jsonschema carries GitHub's schemas and zizmor audits for security problems; both run
without a network. What they cannot know (that CI runs the same make targets as a person, that
each action is pinned to a commit, that the forms offer the vocabulary's labels) is asserted here.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from support.sites import REPO
from toolkit.sources.problems import Problems
from toolkit.sources.vocabulary import load_vocabularies

GITHUB = REPO / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.yml"))
FORMS = sorted(p for p in (GITHUB / "ISSUE_TEMPLATE").glob("*.yml") if p.name != "config.yml")
BIN = Path(sys.executable).parent
SHA_PIN = re.compile(r"^\s*(?:-\s+)?uses:\s+[\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+(?:\.\d+)*\s*$")


def workflow(name: str) -> dict[Any, Any]:
    data = yaml.safe_load((GITHUB / "workflows" / name).read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key 'on' as true
    return data


def runs(job: dict[str, Any]) -> list[str]:
    return [step["run"] for step in job["steps"] if "run" in step]


def uses(job: dict[str, Any]) -> list[str]:
    return [step["uses"].split("@")[0] for step in job["steps"] if "uses" in step]


def schema_check(schema: str, paths: list[Path]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(BIN / "check-jsonschema"), "--builtin-schema", schema, *map(str, paths)],
                          capture_output=True, text=True, timeout=120)


def test_there_are_the_three_workflows() -> None:
    assert [p.name for p in WORKFLOWS] == ["links.yml", "pruefen.yml", "veroeffentlichen.yml"]


@pytest.mark.parametrize("path", WORKFLOWS, ids=[p.name for p in WORKFLOWS])
def test_workflow_matches_githubs_schema(path: Path) -> None:
    result = schema_check("vendor.github-workflows", [path])
    assert result.returncode == 0, result.stdout + result.stderr


def test_issue_forms_dependabot_and_issue_config_match_githubs_schemas() -> None:
    for schema, paths in (("vendor.github-issue-forms", FORMS),
                          ("vendor.github-issue-config", [GITHUB / "ISSUE_TEMPLATE" / "config.yml"]),
                          ("vendor.dependabot", [GITHUB / "dependabot.yml"])):
        result = schema_check(schema, paths)
        assert result.returncode == 0, result.stdout + result.stderr


def test_zizmor_finds_nothing_of_medium_severity_or_higher() -> None:
    result = subprocess.run(
        [str(BIN / "zizmor"), "--offline", "--format", "json", "--min-severity", "medium",
         "--collect=workflows,dependabot,pre-commit", str(GITHUB), str(REPO / ".pre-commit-config.yaml")],
        capture_output=True, text=True, timeout=120)
    assert result.returncode in (0, 10, 11, 12, 13, 14), result.stderr  # 1x: findings of that severity
    findings = json.loads(result.stdout)
    summary = [f"{f['ident']} ({f['determinations']['severity']}): {f['desc']}: "
               f"{f['locations'][0]['concrete']['feature'].strip()}" for f in findings]
    assert findings == [], "\n".join(summary)


@pytest.mark.parametrize("path", WORKFLOWS, ids=[p.name for p in WORKFLOWS])
def test_every_action_is_pinned_to_a_commit_with_its_version_named(path: Path) -> None:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if re.match(r"\s*(-\s+)?uses:", line)]
    assert lines, f"{path.name} uses no action"
    for line in lines:
        assert SHA_PIN.match(line), f"{path.name}: {line.strip()!r} is not pinned as 'owner/action@<sha> # vX.Y.Z'"


@pytest.mark.parametrize("path", WORKFLOWS, ids=[p.name for p in WORKFLOWS])
def test_permissions_are_granted_per_job_only(path: Path) -> None:
    data = workflow(path.name)
    assert data["permissions"] == {}, "the workflow grants nothing; each job asks for what it needs"
    for name, job in data["jobs"].items():
        assert "permissions" in job, f"job {name} must state its permissions"
        assert "concurrency" in data


def test_pull_requests_run_what_a_person_runs_and_keep_the_built_site() -> None:
    data = workflow("pruefen.yml")
    assert "pull_request" in data["on"] and "pull_request_target" not in data["on"]
    (job,) = data["jobs"].values()
    commands = runs(job)
    assert [c for c in commands if c.startswith("make ")][-3:] == ["make check", "make test", "make build"]
    # Debian's chromium drives the browser tests: it is installed before the tests run.
    assert any("apt-get install" in c and "chromium" in c for c in commands[:commands.index("make test")])
    assert job["permissions"] == {"contents": "read"}
    upload = next(s for s in job["steps"] if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["path"] == "site/"
    assert data["concurrency"]["cancel-in-progress"] is True


def test_main_is_published_to_pages_with_least_privilege() -> None:
    data = workflow("veroeffentlichen.yml")
    assert data["on"]["push"]["branches"] == ["main"]
    build, deploy = data["jobs"]["bauen"], data["jobs"]["veroeffentlichen"]
    assert "make build" in runs(build) and "make check" in runs(build)
    assert "actions/upload-pages-artifact" in uses(build)
    assert build["permissions"] == {"contents": "read"}
    assert uses(deploy) == ["actions/deploy-pages"]
    assert deploy["needs"] == "bauen"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    # A publication is never cancelled halfway; a later push waits its turn.
    assert data["concurrency"] == {"group": "pages", "cancel-in-progress": False}


def test_the_published_site_is_rebuilt_daily_with_todays_date() -> None:
    """Events move from "upcoming" to "past" without a commit: a daily run, built with today's day
    (SOURCE_DATE_EPOCH), not the fixed day the Makefile gives reproducible builds."""
    data = workflow("veroeffentlichen.yml")
    assert data["on"]["schedule"], "no daily run"
    commands = runs(data["jobs"]["bauen"])
    day = next(i for i, c in enumerate(commands) if "SOURCE_DATE_EPOCH" in c)
    assert "Europe/Berlin" in commands[day] and "GITHUB_ENV" in commands[day]
    assert commands.index("make test") < day < commands.index("make build"), "tests keep the fixed day"


def test_the_weekly_link_check_reports_but_never_blocks() -> None:
    data = workflow("links.yml")
    assert "schedule" in data["on"] and "pull_request" not in data["on"]
    (job,) = data["jobs"].values()
    assert job["continue-on-error"] is True
    assert runs(job) == ["make links"]


def test_issue_forms_offer_the_vocabularys_labels() -> None:
    """The dropdowns must follow docs/vokabular.yml: a renamed or new topic shows up here."""
    vocab = load_vocabularies(REPO / "docs", REPO, Problems())
    names = [p.name for p in FORMS]
    assert names == ["fehler-melden.yml", "medium-vorschlagen.yml", "modellvorhaben-vorschlagen.yml",
                     "veranstaltung-melden.yml",
                     "werkzeug-vorschlagen.yml"]
    for path in FORMS:
        form = yaml.safe_load(path.read_text(encoding="utf-8"))
        for element in form["body"]:
            if element["type"] != "dropdown" or element["id"] not in vocab:
                continue
            labels = [v.label["de"] for v in vocab[element["id"]].values.values()]
            offered = [o for o in element["attributes"]["options"] if o != "weiß nicht"]
            assert offered == labels, f"{path.name}: '{element['id']}' must offer {labels}"


def test_pre_commit_runs_the_checker_and_ruff() -> None:
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = {hook["id"]: (repo["repo"], hook) for repo in config["repos"] for hook in repo["hooks"]}
    repo, checker = hooks["quellen-pruefen"]
    assert (repo, checker["entry"], checker["language"]) == ("local", "make check", "system")
    assert hooks["ruff-check"][0] == "https://github.com/astral-sh/ruff-pre-commit"


def test_pre_commit_runs_the_ruff_that_make_lint_runs() -> None:
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    (ruff,) = [repo for repo in config["repos"] if repo["repo"].endswith("/ruff-pre-commit")]
    pinned = re.search(r"^ruff==(\S+)", (REPO / "requirements.lock").read_text(encoding="utf-8"), re.M)
    assert pinned, "requirements.lock pins no ruff"
    assert ruff["rev"] == f"v{pinned[1]}"
    # No rules of its own: the rule set is pyproject.toml's.
    assert all("args" not in hook for hook in ruff["hooks"])


def test_codeowners_name_an_owner_for_every_file() -> None:
    lines = [line.split() for line in (GITHUB / "CODEOWNERS").read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    assert lines[0][0] == "*" and all(len(line) >= 2 and line[1].startswith("@") for line in lines)
