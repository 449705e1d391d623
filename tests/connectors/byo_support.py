# SPDX-License-Identifier: GPL-3.0-or-later
"""Test helpers for the bring-your-own-app networks: an in-memory secret store and a "browser"
that approves the consent page and pastes the final address back, as a user would."""

from __future__ import annotations

import json
from urllib.parse import parse_qs, urlsplit

from cmdesk.core.connectors.http import make_session


class MemorySecrets:
    """The secret-store calls the connectors use, kept in a dict the test can inspect."""

    def __init__(self) -> None:
        self.data: dict[str, str] = {}

    def get(self, key: str) -> str | None:
        return self.data.get(key)

    def set(self, key: str, value: str) -> None:
        self.data[key] = value

    def delete(self, key: str) -> None:
        self.data.pop(key, None)

    def blob(self, key: str) -> dict:
        return json.loads(self.data[key])


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


def session():
    # Short timeouts: the Delay faults the tests inject are just past them.
    return make_session(timeout=(2.0, 0.5))
