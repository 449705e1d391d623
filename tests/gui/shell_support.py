# SPDX-License-Identifier: GPL-3.0-or-later
"""Fixtures for the app shell tests: services on a temp workspace and a main window (the runner
is in tests/gui/conftest.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QSettings

from cmdesk.core.paths import AppPaths
from cmdesk.core.services import Services

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def services(tmp_path):
    built = Services(AppPaths.under(tmp_path / "ws"))
    yield built
    built.close()


@pytest.fixture
def make_window(qtbot, services, runner):
    """Build a MainWindow on the temp workspace and wait until its workspace is loaded."""
    from cmdesk.gui.main_window import MainWindow

    made = []

    def make(*, demo: bool = False, **kwargs):
        settings = QSettings(str(services.paths.data / "window.ini"), QSettings.Format.IniFormat)
        window = MainWindow(services, runner, settings, **kwargs)
        window.quitting = True  # tests close windows directly; no hide-to-tray
        qtbot.addWidget(window)
        with qtbot.waitSignal(window.workspace_loaded, timeout=20_000):
            window.load(demo=demo)
        made.append(window)
        return window

    yield make
    # Delete the windows (and the calendar's timers) now, before the runner they use shuts down:
    # a timer firing later would submit work to a closed runner in the next test.
    for window in made:
        window.close()
        window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def run_cmdesk(
    *args: str, timeout: float = 120, env: dict | None = None
) -> subprocess.CompletedProcess:
    """Run ``python -m cmdesk`` in a child process (its own QApplication, no display)."""
    child_env = dict(os.environ, QT_QPA_PLATFORM="offscreen", **(env or {}))
    return subprocess.run(
        [sys.executable, "-m", "cmdesk", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=child_env,
        cwd=ROOT,
    )
