# SPDX-License-Identifier: GPL-3.0-or-later
"""The accounts dialog on real services (fresh data folder, session-only secrets) with the
Facebook and LinkedIn connectors pointed at their contract servers."""

from __future__ import annotations

import pytest

from cmdesk.core.connectors.facebook import FacebookConnector
from cmdesk.core.connectors.linkedin import LinkedInConnector
from cmdesk.core.services import build_services
from cmdesk.gui.accounts import AccountsDialog
from cmdesk.gui.tasks import TaskRunner
from tests.contract.facebook import facebook_routes
from tests.contract.linkedin import linkedin_routes
from tests.contract.server import ContractServer


@pytest.fixture
def facebook(monkeypatch):
    with ContractServer() as s:
        facebook_routes(s)
        monkeypatch.setattr(FacebookConnector, "GRAPH", s.url)
        monkeypatch.setattr(FacebookConnector, "AUTH_URL", s.url + "/dialog/oauth")
        yield s


@pytest.fixture
def linkedin(monkeypatch):
    with ContractServer() as s:
        linkedin_routes(s)
        monkeypatch.setattr(LinkedInConnector, "NATIVE_AUTH_URL", s.url + "/oauth/native-pkce/authorization")
        monkeypatch.setattr(LinkedInConnector, "TOKEN_URL", s.url + "/oauth/v2/accessToken")
        monkeypatch.setattr(LinkedInConnector, "API", s.url)
        yield s


@pytest.fixture
def services(tmp_path):
    services = build_services(tmp_path / "data", session_only_secrets=True)
    yield services
    services.close()


@pytest.fixture
def runner():
    runner = TaskRunner()
    yield runner
    runner.shutdown()


@pytest.fixture
def open_dialog(qtbot, services, runner):
    def make() -> AccountsDialog:
        dialog = AccountsDialog(services, runner)
        qtbot.addWidget(dialog)
        qtbot.waitUntil(lambda: dialog.load_count > 0, timeout=5000)
        return dialog

    return make
