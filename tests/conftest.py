# SPDX-License-Identifier: GPL-3.0-or-later
"""Shared fixtures. Qt runs offscreen for every test; each test gets its own workspace."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from cmdesk.core.store import open_workspace  # noqa: E402


@pytest.fixture
def workspace(tmp_path):
    ws = open_workspace(tmp_path / "ws")
    yield ws
    ws.close()
