"""Sites that test modules in more than one folder read, each built once per test run.

The root conftest registers this module as a plugin, so its fixtures are the same everywhere:
the build tests and the browser tests of events look at one build.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from support.projects import publishing_project
from support.sites import BUILD_EPOCH, REPO, build, copy_project
from toolkit.content import events
from toolkit.content.model import Entry, KnowledgeBase
from toolkit.sources.load import load

EVENT_FIXTURES = REPO / "tests" / "fixtures" / "events"


@pytest.fixture(scope="session")
def events_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site with the invented events of tests/fixtures/events added, built."""
    project = copy_project(tmp_path_factory.mktemp("events"))
    for source in EVENT_FIXTURES.glob("*.md"):
        shutil.copy(source, project / "docs" / "veranstaltungen" / source.name)
    result = build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    return project


@pytest.fixture(scope="session")
def events_kb(events_project: Path) -> KnowledgeBase:
    knowledge, problems = load(events_project / "docs", events_project)
    assert not problems.errors
    return knowledge


@pytest.fixture(scope="session")
def build_day() -> dt.date:
    """The day the test builds take as today, by the same rule the build uses."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH)
        return events.today()


def the_events(kb: KnowledgeBase) -> dict[str, Entry]:
    """The events of the sources: several, and at least one without a date."""
    found = kb.collection(events.KIND)
    assert len(found) > 4 and any(not events.dated(e.data) for e in found.values())
    return found


@pytest.fixture(scope="session")
def publishing_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tiny site with a renamed tool, an untranslated tool and a repository, built."""
    project = publishing_project(tmp_path_factory.mktemp("publishing"))
    result = build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr
    return project / "site"
