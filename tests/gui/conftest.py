# SPDX-License-Identifier: GPL-3.0-or-later
"""Fixtures every GUI test package shares."""

from __future__ import annotations

import pytest


@pytest.fixture
def runner(qtbot):
    """A TaskRunner for the test, shut down at teardown (after qtbot: it needs a QApplication)."""
    from cmdesk.gui.tasks import TaskRunner

    built = TaskRunner()
    yield built
    built.shutdown()


@pytest.fixture
def shell_on(qtbot):
    """``shell_on(folder)``: the app's Shell on a workspace folder, as ``cmdesk`` builds it
    (not started); every one made is shut down at teardown."""
    from argparse import Namespace

    from PySide6.QtWidgets import QApplication

    from cmdesk.core.paths import AppPaths
    from cmdesk.core.services import Services
    from cmdesk.gui.app import Shell

    made = []

    def make(folder):
        options = Namespace(view=None, date=None, demo=False, minimized=False)
        made.append(Shell(QApplication.instance(), Services(AppPaths.under(folder)), options))
        return made[-1]

    yield make
    for shell in made:
        shell.shutdown()
