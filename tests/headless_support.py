# SPDX-License-Identifier: GPL-3.0-or-later
"""Start ``cmdesk --headless`` (from source or frozen), wait for its ready line, signal it."""

from __future__ import annotations

import signal
import subprocess


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
