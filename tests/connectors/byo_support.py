# SPDX-License-Identifier: GPL-3.0-or-later
"""Test helpers for the bring-your-own-app networks: an in-memory secret store and a "browser"
that approves the consent page and pastes the final address back, as a user would."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from cmdesk.core.connectors.http import make_session
from cmdesk.core.secrets import MemorySecretStore


class MemorySecrets(MemorySecretStore):
    """The session-only store, with a peek at what it holds."""

    @property
    def data(self) -> dict[str, str]:
        return self._values

    def blob(self, key: str) -> dict:
        return self.get(key)


class PastingBrowser:
    """Records the consent URL and answers with the redirect address carrying ``code``."""

    def __init__(self, code: str = "good-code", *, state: str | None = None,
                 extra: str = "") -> None:
        self.code, self.state, self.extra = code, state, extra
        self.opened: list[str] = []

    def __call__(self, url: str) -> str:
        self.opened.append(url)
        query = parse_qs(urlsplit(url).query)
        state = self.state or query["state"][0]
        return f"{query['redirect_uri'][0]}?code={self.code}&state={state}{self.extra}#_"

    @property
    def query(self) -> dict[str, str]:
        return {k: v[0] for k, v in parse_qs(urlsplit(self.opened[-1]).query).items()}


def session(read_timeout_s: float = 30.0):
    """A chokepoint session. Only the tests that inject a Delay shorten the read timeout: on a
    loaded machine a short one would turn a slow answer into a false Unconfirmed."""
    return make_session(timeout=(5.0, read_timeout_s))


_PATHS = {"AUTH_URL": "/oauth/authorize", "NATIVE_AUTH_URL": "/oauth/native-pkce/authorization",
          "TOKEN_URL": "/oauth/access_token", "REVOKE_URL": "/oauth/v2/revoke", "GRAPH": "", "API": ""}


def point_at(monkeypatch, connector_class, url: str, **paths: str) -> None:
    """Send every host a connector class uses (consent page, token, API) to ``url``."""
    for name, path in {**_PATHS, **paths}.items():
        if hasattr(connector_class, name):
            monkeypatch.setattr(connector_class, name, url + path)
