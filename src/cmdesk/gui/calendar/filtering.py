# SPDX-License-Identifier: GPL-3.0-or-later
"""What a chip shows as its state, and which posts the filter bar lets through. No Qt here."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from cmdesk.core.model import Post, TargetState

# The states a user tells apart on the calendar (fewer than the publisher's).
DISPLAY_STATES = ("draft", "scheduled", "late", "waiting", "handed_off", "published", "failed")
LATE_AFTER = timedelta(minutes=2)  # the publisher's own lateness: a minute's jitter is not late
_PENDING = {TargetState.SCHEDULED, TargetState.DUE, TargetState.RETRY_WAIT,
            TargetState.PUBLISHING, TargetState.UNCONFIRMED}


def display_state(post: Post, now: datetime) -> str:
    states = {t.state for t in post.targets}
    if post.planned_at is None or not states or states == {TargetState.DRAFT}:
        return "draft"
    if states & {TargetState.FAILED, TargetState.NEEDS_AUTH}:
        return "failed"
    if TargetState.WAITING_NETWORK in states:
        return "waiting"
    if states == {TargetState.PUBLISHED}:
        return "published"
    if TargetState.HANDED_OFF in states and not states & _PENDING:
        return "handed_off"
    if states & _PENDING and post.planned_at < now - LATE_AFTER:
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

    def accepts(self, post: Post, now: datetime) -> bool:
        if self.account_id and all(t.account_id != self.account_id for t in post.targets):
            return False
        if self.network and all(t.network != self.network for t in post.targets):
            return False
        if self.tag:
            wanted = self.tag.lower().lstrip("#")
            if wanted != post.campaign.lower() and wanted not in (t.lower() for t in post.tags):
                return False
        if self.state and display_state(post, now) != self.state:
            return False
        if self.text:
            needle = self.text.casefold()
            haystack = [post.text, *post.variants.values(), *post.thread]
            if not any(needle in part.casefold() for part in haystack):
                return False
        return True
