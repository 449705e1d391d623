# SPDX-License-Identifier: GPL-3.0-or-later
"""The workspace store: TinyDB on a durable journaled storage, with repositories on top."""

from cmdesk.core.store.errors import (
    StoreDamaged,
    StoreError,
    StoreLocked,
    StoreTooNew,
    StoreWriteFailed,
)
from cmdesk.core.store.workspace import Changes, Workspace, open_db, open_workspace

__all__ = [
    "Changes",
    "StoreDamaged",
    "StoreError",
    "StoreLocked",
    "StoreTooNew",
    "StoreWriteFailed",
    "Workspace",
    "open_db",
    "open_workspace",
]
