# SPDX-License-Identifier: GPL-3.0-or-later
"""An edit of a post Mastodon holds is a delete and a new scheduled status. A crash or a failure
between the two must end with exactly one copy on the server (or one publish from here), never
none and never two; a copy the server no longer holds never leaves the post "handed off"."""

from __future__ import annotations

from datetime import timedelta

import pytest

from cmdesk.core.connectors.mastodon import MastodonConnector, plain_text
from cmdesk.core.model import TargetState, utc_now
from cmdesk.core.publish import events as ev
from tests.contract.server import AcceptThenReset, Drop, Status
from tests.integration.hand_off_support import edit, mastodon_hand_off, planned_post, target_of

S = TargetState
NEW_COPY = r"/api/v1/statuses$"


class Crash(BaseException):
    """The process dies here: nothing after it runs (not an error anyone catches)."""


@pytest.fixture
def env(workspace):
    with mastodon_hand_off(workspace) as env:
        yield env


def handed_off(env, workspace, text="first words", hours=2):
    post = planned_post(workspace, env.account, (utc_now() + timedelta(hours=hours)).replace(microsecond=0),
                        text=text)
    env.publisher.tick()
    assert target_of(workspace, post).state == S.HANDED_OFF
    return post


def held(env) -> list[str]:
    return [item["params"]["text"] for item in env.server.state["scheduled"].values()]


def published(env) -> list[str]:
    return [plain_text(s["content"]) for s in env.server.state["statuses"].values()]


def crash_on_new_copy(monkeypatch, *, after_the_server_made_it: bool) -> None:
    """The process dies once the old copy is deleted: before the new one is asked for, or
    after the server made it but before its answer was journaled."""
    original = MastodonConnector.hand_off

    def hand_off(self, request, at):
        if not request.progress.get("deleted"):
            return original(self, request, at)
        if after_the_server_made_it:
            original(self, request, at)
        monkeypatch.setattr(MastodonConnector, "hand_off", original)  # one crash only
        raise Crash()

    monkeypatch.setattr(MastodonConnector, "hand_off", hand_off)


@pytest.mark.parametrize("after_the_server_made_it", [False, True])
def test_a_crash_between_deleting_and_rescheduling_ends_with_exactly_one_copy(
        env, workspace, monkeypatch, after_the_server_made_it):
    post = handed_off(env, workspace)
    crash_on_new_copy(monkeypatch, after_the_server_made_it=after_the_server_made_it)
    edit(workspace, post, text="second words")
    with pytest.raises(Crash):
        env.publisher.tick()
    assert held(env) == (["second words"] if after_the_server_made_it else [])

    publisher = env.restart()
    publisher.tick()
    publisher.tick()
    assert held(env) == ["second words"] and published(env) == []
    (copy,) = env.server.state["scheduled"]
    t = target_of(workspace, post)
    assert t.state == S.HANDED_OFF and t.remote_id == copy
    # Only the one request that made the copy ever reached the server (the same key if twice).
    keys = {r.header("idempotency-key") for r in env.server.requests_to("POST", NEW_COPY)}
    assert len(keys) == 2  # the first hand-off's and the replacement's


def test_a_crash_then_a_restart_too_late_to_hand_off_publishes_it_from_here_once(
        env, workspace, monkeypatch):
    post = handed_off(env, workspace)
    crash_on_new_copy(monkeypatch, after_the_server_made_it=False)
    edit(workspace, post, text="second words")
    with pytest.raises(Crash):
        env.publisher.tick()
    edit(workspace, post, planned_at=utc_now() - timedelta(seconds=1))  # "now", while it was down

    publisher = env.restart()
    for _ in range(3):
        publisher.tick()
    assert held(env) == [] and published(env) == ["second words"]
    assert target_of(workspace, post).state == S.PUBLISHED


@pytest.mark.parametrize("fault", [Drop(), AcceptThenReset(), Status(503)],
                         ids=["lost", "made-but-answer-lost", "server-error"])
def test_a_new_copy_that_fails_is_made_once_with_the_same_key(env, workspace, fault):
    post = handed_off(env, workspace)
    env.server.inject(fault, path=NEW_COPY)
    edit(workspace, post, text="second words")
    env.publisher.tick()
    env.publisher.tick()
    assert held(env) == ["second words"] and published(env) == []
    t = target_of(workspace, post)
    assert t.state == S.HANDED_OFF and t.remote_id in env.server.state["scheduled"]
    replacement_keys = [r.header("idempotency-key") for r in env.server.requests_to("POST", NEW_COPY)][1:]
    assert len(set(replacement_keys)) == 1  # asked again (if at all) under the same key


def test_a_new_copy_the_server_refuses_stays_here_and_goes_out_once_at_its_time(env, workspace):
    post = handed_off(env, workspace)
    seen = []
    env.publisher.subscribe(seen.append)
    env.server.inject(Status(422, json={"error": "Validation failed: Text is too long"}), path=NEW_COPY)
    edit(workspace, post, text="second words")
    env.publisher.tick()
    t = target_of(workspace, post)
    assert t.state == S.SCHEDULED and held(env) == []
    assert "too long" in t.history[-1].note
    assert [e.kind for e in seen].count(ev.HAND_OFF_REFUSED) == 1
    edit(workspace, post, planned_at=utc_now() - timedelta(seconds=1))
    env.publisher.tick()
    env.publisher.tick()
    assert published(env) == ["second words"] and target_of(workspace, post).state == S.PUBLISHED


# A move too close to now cancels the copy; a move later updates it (the update finds it gone).
MOVES = {"now": timedelta(seconds=-1), "a-day-later": timedelta(days=1)}


@pytest.mark.parametrize("move", MOVES.values(), ids=MOVES.keys())
def test_a_copy_the_server_already_published_is_shown_published_not_sent_again(env, workspace, move):
    post = handed_off(env, workspace)
    (copy,) = list(env.server.state["scheduled"].values())
    del env.server.state["scheduled"][copy["id"]]  # the server's scheduler ran
    env.server.state["make_status"](dict(copy["params"], status=copy["params"]["text"]),
                                    env.account.settings["account_id"])
    edit(workspace, post, planned_at=utc_now() + move)
    env.publisher.tick()
    env.publisher.tick()
    assert published(env) == ["first words"] and held(env) == []
    assert target_of(workspace, post).state == S.PUBLISHED


@pytest.mark.parametrize("move", MOVES.values(), ids=MOVES.keys())
def test_a_copy_deleted_on_the_server_asks_the_user_instead_of_staying_handed_off(env, workspace, move):
    post = handed_off(env, workspace)
    env.server.state["scheduled"].clear()  # deleted in the server's own interface
    edit(workspace, post, planned_at=utc_now() + move, text="second words")
    env.publisher.tick()
    env.publisher.tick()
    t = target_of(workspace, post)
    assert t.state == S.UNCONFIRMED and "no longer holds" in t.error
    assert published(env) == [] and held(env) == []


def edit_and_crash_before_the_delete(env, workspace, monkeypatch):
    post = handed_off(env, workspace)
    original = MastodonConnector.cancel_hand_off

    def cancel_hand_off(self, remote_id):
        monkeypatch.setattr(MastodonConnector, "cancel_hand_off", original)
        raise Crash()

    monkeypatch.setattr(MastodonConnector, "cancel_hand_off", cancel_hand_off)
    edit(workspace, post, text="second words")
    with pytest.raises(Crash):
        env.publisher.tick()
    return post


def test_a_crash_before_the_delete_finishes_the_update_after_restart(env, workspace, monkeypatch):
    post = edit_and_crash_before_the_delete(env, workspace, monkeypatch)
    assert held(env) == ["first words"]
    publisher = env.restart()
    publisher.tick()
    assert held(env) == ["second words"] and published(env) == []
    assert target_of(workspace, post).state == S.HANDED_OFF


def test_an_old_copy_gone_after_its_time_during_a_crash_is_left_to_the_user(env, workspace, monkeypatch):
    post = edit_and_crash_before_the_delete(env, workspace, monkeypatch)
    # While cmdesk was down, the old copy's time came and the server published it.
    (update,) = workspace.attempts.open_attempts()
    workspace.attempts.save(dict(update, progress=dict(update["progress"], old_at="2020-01-01T00:00:00+00:00")))
    (copy,) = list(env.server.state["scheduled"].values())
    del env.server.state["scheduled"][copy["id"]]
    env.server.state["make_status"](dict(copy["params"], status=copy["params"]["text"]),
                                    env.account.settings["account_id"])
    publisher = env.restart()
    publisher.tick()
    publisher.tick()
    assert published(env) == ["first words"] and held(env) == []
    assert target_of(workspace, post).state == S.UNCONFIRMED


def test_an_edit_saved_while_the_copy_is_being_made_reaches_the_server(env, workspace, monkeypatch):
    post = planned_post(workspace, env.account, utc_now() + timedelta(hours=2), text="first words")
    original = MastodonConnector.hand_off

    def hand_off(self, request, at):
        monkeypatch.setattr(MastodonConnector, "hand_off", original)
        edit(workspace, post, text="saved meanwhile")  # the composer saves during the request
        env.publisher.evaluate()  # and the publisher's own pass sees it then (another thread)
        return original(self, request, at)

    monkeypatch.setattr(MastodonConnector, "hand_off", hand_off)
    env.publisher.tick()
    env.publisher.tick()
    assert held(env) == ["saved meanwhile"]
    assert target_of(workspace, post).state == S.HANDED_OFF


def test_a_post_deleted_after_a_crash_mid_update_leaves_no_copy_to_publish_it(env, workspace, monkeypatch):
    post = handed_off(env, workspace)
    crash_on_new_copy(monkeypatch, after_the_server_made_it=True)
    edit(workspace, post, text="second words")
    with pytest.raises(Crash):
        env.publisher.tick()
    publisher = env.restart()
    workspace.posts.delete(post.id)  # before the new run could ask the server
    publisher.tick()
    publisher.tick()
    assert held(env) == [] and published(env) == []


def test_a_sign_in_lost_mid_update_asks_for_it_and_the_update_finishes_afterwards(env, workspace):
    post = handed_off(env, workspace)
    env.server.inject(Status(401), Status(401), path=r"/api/v1/scheduled_statuses/")
    edit(workspace, post, text="second words")
    env.publisher.tick()
    assert workspace.accounts.get(env.account.id).status == "needs_auth"
    assert held(env) == ["first words"]  # nothing deleted while we could not ask
    signed_in = workspace.accounts.get(env.account.id)
    signed_in.status = "connected"
    workspace.accounts.save(signed_in)
    publisher = env.restart()
    publisher.tick()
    assert held(env) == ["second words"] and target_of(workspace, post).state == S.HANDED_OFF
