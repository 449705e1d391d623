# SPDX-License-Identifier: GPL-3.0-or-later
"""The per-target state machine of design.md (Publishing), and its stored history.

Every move goes through ``move`` so an impossible jump (published -> publishing, which would mean
a second post) raises instead of being written.
"""

from __future__ import annotations

from datetime import datetime

from cmdesk.core.model import Target, TargetState, Transition, to_iso

S = TargetState

ALLOWED: dict[TargetState, frozenset[TargetState]] = {
    S.DRAFT: frozenset({S.SCHEDULED, S.FAILED}),
    S.SCHEDULED: frozenset({S.DRAFT, S.DUE, S.HANDED_OFF, S.FAILED, S.PUBLISHING}),
    S.DUE: frozenset({S.PUBLISHING, S.WAITING_NETWORK, S.SCHEDULED, S.DRAFT, S.FAILED,
                      S.NEEDS_AUTH, S.PUBLISHED}),
    S.PUBLISHING: frozenset({S.PUBLISHED, S.FAILED, S.RETRY_WAIT, S.WAITING_NETWORK,
                             S.NEEDS_AUTH, S.UNCONFIRMED, S.DUE, S.SCHEDULED, S.HANDED_OFF}),
    S.RETRY_WAIT: frozenset({S.PUBLISHING, S.DUE, S.SCHEDULED, S.DRAFT, S.FAILED,
                             S.WAITING_NETWORK, S.NEEDS_AUTH, S.PUBLISHED}),
    S.WAITING_NETWORK: frozenset({S.PUBLISHING, S.DUE, S.SCHEDULED, S.DRAFT, S.FAILED,
                                  S.NEEDS_AUTH, S.PUBLISHED}),
    S.NEEDS_AUTH: frozenset({S.DUE, S.SCHEDULED, S.DRAFT, S.FAILED}),
    S.FAILED: frozenset({S.DUE, S.SCHEDULED, S.DRAFT}),
    S.UNCONFIRMED: frozenset({S.PUBLISHED, S.DUE, S.FAILED}),
    S.HANDED_OFF: frozenset({S.SCHEDULED, S.DRAFT, S.FAILED, S.PUBLISHED, S.PUBLISHING}),
    S.PUBLISHED: frozenset(),  # final: anything else could mean publishing twice
}

# States the lanes pick up and send.
SENDABLE = frozenset({S.DUE, S.RETRY_WAIT, S.WAITING_NETWORK})
# States that follow the post's planned time (moving the post moves them).
WAITING = frozenset({S.DRAFT, S.SCHEDULED, S.DUE, S.RETRY_WAIT, S.WAITING_NETWORK, S.FAILED,
                     S.NEEDS_AUTH})


class IllegalTransition(Exception):
    pass


def move(target: Target, state: TargetState, at: datetime, note: str = "") -> Target:
    """Move ``target`` to ``state`` and record the step; a no-op move only adds a note."""
    if state != target.state and state not in ALLOWED[target.state]:
        raise IllegalTransition(f"{target.state} -> {state}")
    if state == target.state and not note:
        return target
    target.state = state
    target.history.append(Transition(at=to_iso(at), state=str(state), note=note))
    return target


def settle(target: Target, state: TargetState, at: datetime, note: str = "") -> Target:
    """Record an outcome the attempt journal proves (the network has the post), even over a
    stale copy of the post that someone saved meanwhile: refusing would lose the fact and
    leave a post that went out looking unsent."""
    if target.state != state and state not in ALLOWED[target.state]:
        target.state = S.PUBLISHING  # the step the stale copy lost
    return move(target, state, at, note)
