# SPDX-License-Identifier: GPL-3.0-or-later
"""Finds the connector of a network by convention: module ``cmdesk.core.connectors.<network>``
defines a module-level ``CONNECTOR`` (the Connector subclass)."""

from __future__ import annotations

import importlib
from typing import Any

from cmdesk.core.connectors.base import Connector
from cmdesk.core.connectors.capabilities import Capabilities
from cmdesk.core.model import NETWORKS, Account


def connector_class(network: str) -> type[Connector]:
    if network not in NETWORKS:
        raise KeyError(f"unknown network: {network}")
    module = importlib.import_module(f"cmdesk.core.connectors.{network}")
    return module.CONNECTOR


def available_networks() -> list[str]:
    """Networks whose connector module exists (all of NETWORKS once every one is written)."""
    found = []
    for network in NETWORKS:
        try:
            connector_class(network)
        except ImportError:
            continue
        found.append(network)
    return found


def capabilities(network: str) -> Capabilities:
    return connector_class(network).capabilities


class ConnectorFactory:
    """Builds connectors for accounts; owns the HTTP session factory and the secret store."""

    def __init__(self, secrets: Any, http_factory: Any = None) -> None:
        self.secrets = secrets
        self._http_factory = http_factory

    def http(self) -> Any:
        if self._http_factory is None:
            from cmdesk.core.connectors.http import make_session

            self._http_factory = make_session
        return self._http_factory()

    def for_account(self, account: Account) -> Connector:
        return connector_class(account.network)(account, self.secrets, self.http())
