# SPDX-License-Identifier: GPL-3.0-or-later
"""Start ``cmdesk --headless`` (from source or frozen), wait for its ready line, signal it; and
damage a workspace's journal the way a crash or a disk would, for the start-up reports."""

from __future__ import annotations

import signal
import subprocess
from pathlib import Path

from cmdesk.core.model import Post
from cmdesk.core.store import open_workspace


def run_until_ready_then_stop(
    argv: list[str],
    *,
    expect: str,
    stop: int = signal.SIGTERM,
    env: dict | None = None,
    cwd=None,
    timeout: float = 60,
) -> int:
    """Return the exit code after ``stop``; fail with stderr if the ready line lacks ``expect``."""
    child = subprocess.Popen(
        argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=cwd
    )
    try:
        ready = child.stdout.readline()  # printed once the workspace is open and publishing
        assert expect in ready, ready + child.stderr.read()
        child.send_signal(stop)
        return child.wait(timeout=timeout)
    finally:
        if child.poll() is None:
            child.kill()
        child.stdout.close()
        child.stderr.close()


def damaged_journal(folder: Path, texts: list[str], how: str) -> None:
    """Save ``texts`` as posts, close, then damage the journal's tail as a crash or a disk would."""
    workspace = open_workspace(folder)
    for text in texts:
        workspace.posts.save(Post(text=text))
    workspace.close()
    (journal,) = folder.glob("workspace.db.journal.*")
    data = journal.read_bytes()
    journal.write_bytes(data[:-7] if how == "truncated" else data + b"\x00\x01torn write")
