# SPDX-License-Identifier: GPL-3.0-or-later
"""Real peers for the connector tests, started once per session and stopped at its end."""

from __future__ import annotations

import pytest

from tests.connectors import peer_bluesky


@pytest.fixture(scope="session")
def pds(tmp_path_factory):
    """A real Bluesky PDS with its own PLC directory on 127.0.0.1 (see peer_bluesky.py)."""
    server = peer_bluesky.start_pds(tmp_path_factory.mktemp("pds"))
    yield server
    peer_bluesky.stop(server.process)
