# SPDX-License-Identifier: GPL-3.0-or-later
"""Process plumbing shared by the real peers: a free loopback port, a bounded wait for a line a
server prints when ready, and stopping a server with every process of its group."""

from __future__ import annotations

import os
import selectors
import signal
import socket
import subprocess
import time


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def read_until(stream, marker: bytes, deadline: float) -> bytes:
    """What ``stream`` printed up to and including ``marker``; TimeoutError past ``deadline``."""
    selector = selectors.DefaultSelector()
    selector.register(stream, selectors.EVENT_READ)
    seen = b""
    while marker not in seen:
        left = deadline - time.monotonic()
        if left <= 0 or not selector.select(timeout=left):
            raise TimeoutError(f"no {marker!r} in time: {seen[-500:]!r}")
        chunk = os.read(stream.fileno(), 65536)
        if not chunk:
            raise RuntimeError(f"exited before {marker!r}: {seen[-500:]!r}")
        seen += chunk
    return seen


def stop_group(process: subprocess.Popen, *, gentle: bool = True) -> None:
    """Stop a server started with ``start_new_session=True`` and the workers it forked (PHP's
    outlive their parent). ``gentle``: SIGTERM first, SIGKILL after 15 s."""
    try:
        if process.poll() is None and gentle:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                pass
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass  # the whole group is already gone
    if process.poll() is None:
        process.wait(timeout=10)
    for stream in (process.stdin, process.stdout, process.stderr):
        if stream:
            stream.close()
