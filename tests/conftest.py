"""Shared fixtures: headless Qt, files on disk, the JSON Resume schema."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from cveditor.ui.app import SWITCH_INTERVAL_S

from .person import Person

sys.setswitchinterval(SWITCH_INTERVAL_S)  # as the application runs (ui/app.py)

REPO = Path(__file__).resolve().parents[1]
# The official JSON Resume schema and sample, vendored (see tests/data/jsonresume/README.md)
# so that the tests never read outside the repository.
JSONRESUME = REPO / "tests" / "data" / "jsonresume"
OFFICIAL_SAMPLE = JSONRESUME / "sample.resume.json"
SCHEMA_FILE = JSONRESUME / "schema.json"
OUR_SAMPLE = REPO / "resources" / "samples" / "sample.resume.json"


@pytest.fixture
def person(monkeypatch: pytest.MonkeyPatch) -> Person:
    """Answers the application's questions as the test sets them (tests/person.py)."""
    return Person(monkeypatch)


@pytest.fixture
def sleeper():
    """A live process that is not us: stands in for another running cveditor."""
    proc = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])
    yield proc
    proc.kill()
    proc.wait()


@pytest.fixture(autouse=True)
def _private_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """No test reads or writes the real user's config, state or data folders."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("CVEDITOR_HOME", str(home))
    return home


class ModalOpened(AssertionError):
    """A test reached a real modal dialog: it would wait for a person forever."""


@pytest.fixture(autouse=True)
def _no_modal_dialogs(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch):
    """A modal dialog fails the test at once instead of hanging it (design §6.14): tests
    answer questions by replacing the functions of cveditor.ui.dialogs. A test of a
    dialog itself, which clicks its buttons from a timer, is marked ``real_dialogs``."""
    if request.node.get_closest_marker("real_dialogs"):
        return
    try:
        from PySide6 import QtPrintSupport, QtWidgets
    except ImportError:  # pragma: no cover
        return

    def refuse(*args, **_kwargs):
        raise ModalOpened(f"a modal dialog was opened: {args[:3]!r}")

    for cls in (
        QtWidgets.QDialog,
        QtWidgets.QMessageBox,
        QtWidgets.QFileDialog,
        QtWidgets.QInputDialog,
        QtWidgets.QColorDialog,
        QtPrintSupport.QPrintDialog,
    ):
        monkeypatch.setattr(cls, "exec", refuse)
    for name in ("critical", "warning", "question", "information", "about"):
        monkeypatch.setattr(QtWidgets.QMessageBox, name, refuse)
    for name in ("getOpenFileName", "getSaveFileName", "getExistingDirectory"):
        monkeypatch.setattr(QtWidgets.QFileDialog, name, refuse)
    for name in ("getText", "getItem", "getInt", "getDouble"):
        monkeypatch.setattr(QtWidgets.QInputDialog, name, refuse)
    monkeypatch.setattr(QtWidgets.QColorDialog, "getColor", refuse)


@pytest.fixture(scope="session")
def schema_validator():
    """Validates a parsed JSON document against the official JSON Resume schema."""
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    validator_cls = jsonschema.validators.validator_for(schema)
    return validator_cls(schema, format_checker=validator_cls.FORMAT_CHECKER)


@pytest.fixture
def official_sample() -> Path:
    return OFFICIAL_SAMPLE


@pytest.fixture
def our_sample() -> Path:
    return OUR_SAMPLE


def run_cveditor(*args: str, timeout: float = 120, **kwargs) -> subprocess.CompletedProcess:
    """``python -m cveditor ARGS`` in a child process, as a user would run it."""
    return subprocess.run(
        [sys.executable, "-m", "cveditor", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        **kwargs,
    )


# --- every registered action is triggered by some test ----------------------------------

TRIGGERED: set[str] = set()


@pytest.fixture(autouse=True)
def _record_triggered_actions(monkeypatch: pytest.MonkeyPatch):
    """Watch (not replace) the one factory of actions, to learn which actions the tests
    trigger; the session's end fails when one was never triggered (see below)."""
    try:
        from cveditor.ui import actions
    except ImportError:  # pragma: no cover
        return
    make = actions.make_action

    def watched(spec, *args, **kwargs):
        action = make(spec, *args, **kwargs)
        action.triggered.connect(lambda *_a, spec_id=spec.id: TRIGGERED.add(spec_id))
        return action

    monkeypatch.setattr(actions, "make_action", watched)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """With the whole suite run (no -k, -x stop or file subset), an action no test
    triggered is a failure: a feature reached from the window has a test through it."""
    config = session.config
    whole = not config.getoption("keyword") and not config.getoption("markexpr")
    tests_dir = Path(__file__).parent
    files = {Path(str(item.path)) for item in session.items}
    whole = whole and files >= set(tests_dir.glob("test_*.py")) and not session.shouldstop
    if not whole or exitstatus != 0:
        return
    from cveditor.ui.actions import ACTIONS

    missing = sorted(spec.id for spec in ACTIONS if spec.id not in TRIGGERED)
    if missing:
        reporter = config.pluginmanager.get_plugin("terminalreporter")
        if reporter is not None:
            reporter.write_line(f"ACTIONS NO TEST TRIGGERED: {', '.join(missing)}", red=True)
        session.exitstatus = 1
