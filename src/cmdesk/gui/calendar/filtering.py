# SPDX-License-Identifier: GPL-3.0-or-later
"""What a chip shows as its state, and which posts the filter bar lets through. No Qt here."""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from cmdesk.core.model import TargetState

# The states a user tells apart on the calendar (fewer than the publisher's).
DISPLAY_STATES = ("draft", "scheduled", "late", "waiting", "handed_off", "published", "failed")
LATE_AFTER = timedelta(minutes=2)  # the publisher's own lateness: a minute's jitter is not late
_PENDING = {TargetState.SCHEDULED, TargetState.DUE, TargetState.RETRY_WAIT,
            TargetState.PUBLISHING, TargetState.UNCONFIRMED}


def state_of(states: AbstractSet[str], planned_at: datetime | None, now: datetime) -> str:
    """The display state of a post with these distinct target states (a chip knows them
    without decoding its post)."""
    if planned_at is None or not states or states == {TargetState.DRAFT}:
        return "draft"
    if states & {TargetState.FAILED, TargetState.NEEDS_AUTH}:
        return "failed"
    if TargetState.WAITING_NETWORK in states:
        return "waiting"
    if states == {TargetState.PUBLISHED}:
        return "published"
    if TargetState.HANDED_OFF in states and not states & _PENDING:
        return "handed_off"
    if states & _PENDING and planned_at < now - LATE_AFTER:
        return "late"
    return "scheduled"


@dataclass(frozen=True)
class PostFilter:
    """The filter bar's choices; empty fields let everything through."""

    account_id: str = ""
    network: str = ""
    tag: str = ""  # matches a tag or the campaign, case-insensitively
    state: str = ""
    text: str = ""

    @property
    def is_empty(self) -> bool:
        return not (self.account_id or self.network or self.tag or self.state or self.text)

    def accepts(self, chip: Any, now: datetime) -> bool:
        """Whether a calendar chip passes. Only a text search needs the chip's whole post."""
        if self.account_id and self.account_id not in chip.account_ids:
            return False
        if self.network and self.network not in chip.networks:
            return False
        if self.tag:
            wanted = self.tag.lower().lstrip("#")
            if wanted != chip.campaign.lower() and wanted not in (t.lower() for t in chip.tags):
                return False
        if self.state and state_of(chip.states, chip.planned_at, now) != self.state:
            return False
        if self.text:
            post = chip.post
            needle = self.text.casefold()
            haystack = [post.text, *post.variants.values(), *post.thread]
            if not any(needle in part.casefold() for part in haystack):
                return False
        return True
