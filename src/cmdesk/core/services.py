# SPDX-License-Identifier: GPL-3.0-or-later
"""The composition root: builds every core service from a data directory.

The GUI and ``cmdesk --headless`` both start from here; widgets receive the pieces they need
(never the whole app). Pieces are built on first use so a batch command pays only for what it uses.
"""

from __future__ import annotations

import gc
import logging
from functools import cached_property
from pathlib import Path

from cmdesk.core.paths import AppPaths
from cmdesk.core.store import Workspace, open_workspace

log = logging.getLogger(__name__)


class Services:
    def __init__(self, paths: AppPaths, *, session_only_secrets: bool = False) -> None:
        self.paths = paths.ensure()
        self.session_only_secrets = session_only_secrets

    @cached_property
    def workspace(self) -> Workspace:
        return open_workspace(self.paths.data)

    @cached_property
    def secrets(self):
        from cmdesk.core.secrets import open_secret_store

        return open_secret_store(session_only=self.session_only_secrets)

    @cached_property
    def connectors(self):
        """Builds a connector for an account (cmdesk.core.connectors.registry)."""
        from cmdesk.core.connectors.registry import ConnectorFactory

        return ConnectorFactory(_DeferredSecrets(self))

    @cached_property
    def publisher(self):
        from cmdesk.core.publish.engine import Publisher

        return Publisher(self.workspace, self.connectors, cache_dir=self.paths.cache)

    def start_publisher(self) -> bool:
        """Start publishing; False (with a log line saying why) when the publisher is missing.

        Opens the secret store first, so a missing keyring is reported here, once, where the
        GUI can offer session-only secrets, rather than as a failure on every due post.
        """
        try:
            publisher = self.publisher
        except ImportError as error:
            log.warning("publisher not available in this build (%s): nothing will be sent", error)
            return False
        self.secrets  # noqa: B018 - raises KeyringUnavailable (translated) when there is none
        publisher.start()
        log.info("publisher started")
        return True

    def use_session_secrets(self) -> None:
        """Fall back to secrets kept in memory for this session (the user agreed to it).

        Connectors reach the store through _DeferredSecrets, so dropping it is enough: the
        publisher and the widgets holding it keep working on the memory store.
        """
        self.session_only_secrets = True
        self.__dict__.pop("secrets", None)

    def subscribe_publisher(self, listener) -> bool:
        """Forward publisher events to ``listener``; False when there is no publisher."""
        try:
            subscribe = self.publisher.subscribe
        except (ImportError, AttributeError):
            return False
        subscribe(listener)
        return True

    def close(self) -> None:
        if "publisher" in self.__dict__:
            self.publisher.stop()
        if "workspace" in self.__dict__:
            self.workspace.close()


class _DeferredSecrets:
    """The secret store, opened on first use rather than when the publisher is built.

    Building the publisher (the outbox shows it) must not need a keyring: without one the app
    still opens and shows the workspace; only sending needs secrets.
    """

    def __init__(self, services: Services) -> None:
        self._services = services

    def __getattr__(self, name: str):
        return getattr(self._services.secrets, name)


def freeze_long_lived() -> None:
    """Exempt what exists now from the cyclic garbage collector, once the workspace is open.

    The store's indexes hold ~10^5 references for the process's lifetime; every full collection
    walks them all, a 5-10 ms pause at a random moment (a dropped frame, or the whole budget of a
    month query). Called by the app and ``--headless`` entry points only: a process that opens
    many workspaces (the tests) would keep their garbage forever.
    """
    gc.collect()
    gc.freeze()


def build_services(data_dir: Path | None = None, **kwargs) -> Services:
    paths = AppPaths.under(data_dir) if data_dir else AppPaths.default()
    return Services(paths, **kwargs)
