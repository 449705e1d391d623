# SPDX-License-Identifier: GPL-3.0-or-later
"""Test doubles for the composer's collaborators."""

from __future__ import annotations


class HeldRunner:
    """Keeps background jobs until the test runs them, in the order it chooses, so a test can
    change things "while the job runs" without racing a thread."""

    def __init__(self):
        self.jobs = []

    def run_background(self, work, on_done=None, on_error=None, owner=None):
        self.jobs.append((work, on_done))

    def finish_all(self, newest_first: bool = False) -> None:
        jobs, self.jobs = self.jobs, []
        for work, on_done in reversed(jobs) if newest_first else jobs:
            on_done(work())
