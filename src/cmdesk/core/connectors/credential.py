# SPDX-License-Identifier: GPL-3.0-or-later
"""A credential that is one value in the keyring (an application password, a bot token, a
webhook URL), read once per connector and never kept anywhere else.

During sign-in the value is not stored yet: the connector is built with it directly, so the
checks run before anything reaches the keyring (a wrong value leaves nothing behind).
"""

from __future__ import annotations

from typing import Any

from cmdesk.core.connectors.errors import AuthExpired


class Credential:
    def __init__(self, secrets: Any, key: str, field: str, missing: str,
                 value: str | None = None) -> None:
        self._secrets, self._key, self._field, self._missing = secrets, key, field, missing
        self._value = value

    def get(self) -> str:
        if self._value is None:
            stored = (self._secrets.get(self._key) if self._secrets is not None else None) or {}
            if not stored.get(self._field):
                raise AuthExpired(self._missing)
            self._value = stored[self._field]
        return self._value

    def save_to(self, secrets: Any, key: str, **alongside: str) -> None:
        """Keep the value (checked by the sign-in) in the keyring under ``key``, with what
        other readers of that entry need next to it."""
        secrets.set(key, {**alongside, self._field: self.get()})
