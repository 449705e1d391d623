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
