# SPDX-License-Identifier: GPL-3.0-or-later
"""One running app per workspace: a second launch brings the first window forward and exits.

Two publishers on one store would race each other and could publish a post twice, so this is
about data, not convenience. The key is a hash of the resolved data folder, so two different
workspaces may still run side by side.

The instance holding the workspace listens only once it has loaded it, so a launch a moment
later (a double click) can find it locked and silent: that one waits for it (HolderWait).
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

CONNECT_TIMEOUT_MS = 500
MESSAGE = b"activate\n"
# A launch that finds the workspace locked waits this long for the holder to answer: the holder
# listens only once its workspace is loaded, which a large store or a slow disk stretches to
# seconds. Past this, the holder is not a window that will ever answer (a --headless run, a
# command, a hung process) and the user is told.
WAIT_FOR_HOLDER_MS = 15_000
RETRY_MS = 100  # between attempts: a local connect fails in microseconds, this keeps it idle


def server_name(data_dir: Path) -> str:
    digest = hashlib.sha256(str(Path(data_dir).resolve()).encode("utf-8")).hexdigest()[:20]
    return f"cmdesk-{digest}"


def activate_running(data_dir: Path) -> bool:
    """Ask a running instance on ``data_dir`` to show itself; True if one answered.

    Blocking for at most a second, but only at start, before any window or event loop exists.
    """
    socket = QLocalSocket()
    socket.connectToServer(server_name(data_dir))
    if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
        return False
    socket.write(MESSAGE)
    socket.waitForBytesWritten(CONNECT_TIMEOUT_MS)
    socket.disconnectFromServer()
    return True


class HolderWait(QObject):
    """Asks the instance holding a workspace to come forward, retrying until it listens.

    Driven by the event loop (socket signals and a timer), never by a blocking wait, so it may
    run for seconds without freezing anything. ``finished(True)`` once the holder took the
    message, ``finished(False)`` when nobody answered within ``timeout_ms``; emitted once.
    """

    finished = Signal(bool)

    def __init__(self, data_dir: Path, timeout_ms: int | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = server_name(data_dir)
        self.attempts = 0
        self._done = False
        self._socket = QLocalSocket(self)
        self._socket.connected.connect(self._on_connected)
        self._socket.bytesWritten.connect(self._on_written)
        self._socket.errorOccurred.connect(self._on_error)
        self._retry = QTimer(self, singleShot=True, interval=RETRY_MS)
        self._retry.timeout.connect(self._attempt)
        # One deadline for everything, a connect that hangs included.
        self._deadline = QTimer(self, singleShot=True)
        self._deadline.setInterval(WAIT_FOR_HOLDER_MS if timeout_ms is None else timeout_ms)
        self._deadline.timeout.connect(lambda: self._finish(False))

    def start(self) -> None:
        self._deadline.start()
        self._attempt()

    def _attempt(self) -> None:
        if self._done:
            return
        self.attempts += 1
        self._socket.abort()
        self._socket.connectToServer(self.name)

    def _on_connected(self) -> None:
        self._socket.write(MESSAGE)

    def _on_written(self, _count: int) -> None:
        if self._socket.bytesToWrite() == 0:
            self._socket.disconnectFromServer()
            self._finish(True)

    def _on_error(self, _error) -> None:
        # Not listening yet (no socket file, or the stale one of a crashed instance): try again.
        if not self._done and not self._retry.isActive():
            self._retry.start()

    def _finish(self, answered: bool) -> None:
        if self._done:
            return
        self._done = True
        self._retry.stop()
        self._deadline.stop()
        if not answered:
            self._socket.abort()
        self.finished.emit(answered)


class InstanceServer(QObject):
    """Listens for later launches on the same workspace; ``activation_requested`` fires for each."""

    activation_requested = Signal()

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = server_name(data_dir)
        self._server = QLocalServer(self)
        self._server.newConnection.connect(self._on_connection)

    def listen(self) -> bool:
        if self._server.listen(self.name):
            return True
        # A crashed instance leaves its socket file behind; nobody answered activate_running,
        # so it is stale and safe to remove.
        QLocalServer.removeServer(self.name)
        ok = self._server.listen(self.name)
        if not ok:
            log.warning("single-instance server failed: %s", self._server.errorString())
        return ok

    def close(self) -> None:
        self._server.close()

    def _on_connection(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            # Slots of this object (not lambdas holding the socket): Qt drops the connections
            # when either side is deleted, so a late readyRead can never reach a dead object.
            socket.readyRead.connect(self._on_ready_read)
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():
                self._read(socket)

    def _on_ready_read(self) -> None:
        socket = self.sender()
        if isinstance(socket, QLocalSocket):
            self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        if bytes(socket.readAll().data()).startswith(MESSAGE.strip()):
            self.activation_requested.emit()
