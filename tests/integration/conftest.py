# SPDX-License-Identifier: GPL-3.0-or-later
"""The real WordPress of the connector tests, for hand-off through the publisher."""

from __future__ import annotations

from tests.connectors.conftest import wordpress_site  # noqa: F401 - a fixture, used by name
