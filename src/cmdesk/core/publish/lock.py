# SPDX-License-Identifier: GPL-3.0-or-later
"""One publisher per workspace: an OS file lock in the workspace folder.

The GUI and ``cmdesk --headless`` on the same workspace would both send every due post; the OS
lock is released by the kernel when the holder dies (even on SIGKILL), so a crash never leaves the
workspace locked forever.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from cmdesk.core.i18n import translate

LOCK_FILE = "publisher.lock"


class WorkspaceBusy(RuntimeError):
    """Another process already publishes this workspace. The message is translated."""


class WorkspaceLock:
    def __init__(self, directory: str | Path) -> None:
        self.path = Path(directory) / LOCK_FILE
        self._fd: int | None = None

    def acquire(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            _lock(fd)
        except OSError:
            holder = _read_pid(fd)
            os.close(fd)
            raise WorkspaceBusy(
                translate("Publisher", "Another cmdesk (process {pid}) is already publishing this "
                                       "workspace. Close it first, or open another workspace.")
                .format(pid=holder or "?")
            ) from None
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode())
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing the descriptor drops the lock
            self._fd = None

    @property
    def held(self) -> bool:
        return self._fd is not None


def _read_pid(fd: int) -> str:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        return os.read(fd, 32).decode().strip()
    except OSError:
        return ""


if sys.platform == "win32":  # pragma: no cover - exercised on Windows builds only
    import msvcrt

    def _lock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
else:
    import fcntl

    def _lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
