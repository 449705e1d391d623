# SPDX-License-Identifier: GPL-3.0-or-later
"""What the publisher tells its listeners (the GUI relays these onto its own thread)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

PUBLISHED = "published"
FAILED = "failed"
NEEDS_AUTH = "needs_auth"
UNCONFIRMED = "unconfirmed"
BACK_ONLINE = "back_online"  # count = number of posts sent in the flush
LATE_NEEDS_DECISION = "late_needs_decision"
PROGRESS = "progress"  # count = sent in this batch, data["remaining"]
HANDED_OFF = "handed_off"
HAND_OFF_REFUSED = "hand_off_refused"
STATE = "state"  # any other target move (retry_wait, waiting_network...)


@dataclass(frozen=True)
class PublishEvent:
    kind: str
    post_id: str | None = None
    account_id: str | None = None
    message: str = ""  # translated, for a notification
    count: int = 0
    data: dict[str, Any] = field(default_factory=dict)
