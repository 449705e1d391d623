# SPDX-License-Identifier: GPL-3.0-or-later
"""The accounts dialog on real services (fresh data folder, session-only secrets) with the
Facebook and LinkedIn connectors pointed at their contract servers."""

from __future__ import annotations

import pytest

from cmdesk.core.connectors.facebook import FacebookConnector
from cmdesk.core.connectors.linkedin import LinkedInConnector
from cmdesk.core.services import build_services
from cmdesk.gui.accounts import AccountsDialog
from tests.connectors.byo_support import point_at
from tests.contract.facebook import facebook_routes
from tests.contract.linkedin import linkedin_routes
from tests.contract.server import ContractServer


@pytest.fixture
def facebook(monkeypatch):
    with ContractServer() as s:
        facebook_routes(s)
        point_at(monkeypatch, FacebookConnector, s.url)
        yield s


@pytest.fixture
def linkedin(monkeypatch):
    with ContractServer() as s:
        linkedin_routes(s)
        point_at(monkeypatch, LinkedInConnector, s.url, TOKEN_URL="/oauth/v2/accessToken")
        yield s


@pytest.fixture
def services(tmp_path):
    services = build_services(tmp_path / "data", session_only_secrets=True)
    yield services
    services.close()


@pytest.fixture
def open_dialog(qtbot, services, runner):
    def make() -> AccountsDialog:
        dialog = AccountsDialog(services, runner)
        qtbot.addWidget(dialog)
        qtbot.waitUntil(lambda: dialog.load_count > 0, timeout=10000)
        return dialog

    return make
