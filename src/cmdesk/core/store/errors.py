# SPDX-License-Identifier: GPL-3.0-or-later
"""Typed store failures. Messages are translated and name the files involved, so the app can show
them as they are and the user (or support) knows which file to keep."""

from __future__ import annotations

from pathlib import Path

from cmdesk.core.i18n import translate


class StoreError(Exception):
    """Base of every store failure."""


class StoreDamaged(StoreError):
    """The snapshot cannot be read. Nothing was written: the damaged file is left as it is."""

    def __init__(self, path: Path, backup: Path | None, reason: str) -> None:
        self.path = path
        self.backup = backup
        self.reason = reason
        if backup is not None and backup.exists():
            text = translate(
                "Store",
                "The workspace file {path} is damaged ({reason}) and was left untouched. "
                "A backup from the previous save is in {backup}.",
            ).format(path=path, reason=reason, backup=backup)
        else:
            text = translate(
                "Store",
                "The workspace file {path} is damaged ({reason}) and was left untouched. "
                "No backup of it exists yet.",
            ).format(path=path, reason=reason)
        super().__init__(text)


class StoreLocked(StoreError):
    """Another process has the workspace open: two writers would corrupt the journal."""

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(
            translate("Store", "The workspace {path} is already open in another cmdesk process.")
            .format(path=path)
        )


class StoreTooNew(StoreError):
    """Documents written by a newer cmdesk: opening them here could lose their new fields."""

    def __init__(self, path: Path, found: int, known: int) -> None:
        self.path = path
        self.found = found
        self.known = known
        super().__init__(
            translate(
                "Store",
                "The workspace {path} was saved by a newer version of cmdesk (format {found}; this "
                "version knows up to {known}). Update cmdesk to open it.",
            ).format(path=path, found=found, known=known)
        )


class StoreWriteFailed(StoreError):
    """A change could not be made durable (disk full, I/O error); it was not applied."""

    def __init__(self, path: Path, error: OSError) -> None:
        self.path = path
        super().__init__(
            translate("Store", "The change could not be saved to {path}: {error}. Nothing was changed.")
            .format(path=path, error=error.strerror or error)
        )
