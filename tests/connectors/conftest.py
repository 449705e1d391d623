# SPDX-License-Identifier: GPL-3.0-or-later
"""Real peers for the connector tests, started once per session and stopped at its end."""

from __future__ import annotations

import pytest

from tests.connectors import peer_bluesky, peer_wordpress


@pytest.fixture(scope="session")
def pds(tmp_path_factory):
    """A real Bluesky PDS with its own PLC directory on 127.0.0.1 (see peer_bluesky.py)."""
    server = peer_bluesky.start_pds(tmp_path_factory.mktemp("pds"))
    yield server
    peer_bluesky.stop(server.process)


@pytest.fixture(scope="session")
def wordpress_site(tmp_path_factory):
    """A real WordPress with a private MariaDB on 127.0.0.1 (see peer_wordpress.py)."""
    site = peer_wordpress.start_wordpress(tmp_path_factory.mktemp("wordpress"))
    yield site
    site.stop()
