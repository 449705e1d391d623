# SPDX-License-Identifier: GPL-3.0-or-later
"""Capped exponential backoff with jitter for transient errors.

Jitter keeps many accounts that failed together (a network outage) from retrying in lock-step.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field


@dataclass
class Backoff:
    base_s: float = 30.0
    cap_s: float = 3600.0
    max_tries: int = 8  # after this many transient failures in a row the target fails
    rng: random.Random = field(default_factory=random.Random)

    def delay_s(self, failures: int) -> float:
        """Wait after the ``failures``-th failure in a row (1-based): in [d/2, d], d capped."""
        d = min(self.cap_s, self.base_s * 2 ** max(0, failures - 1))
        return d / 2 + self.rng.uniform(0, d / 2)

    def gives_up(self, failures: int) -> bool:
        return failures >= self.max_tries
