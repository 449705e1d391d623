# SPDX-License-Identifier: GPL-3.0-or-later
"""Sending at the minute, and what each kind of network answer does to a target."""

from __future__ import annotations

from datetime import timedelta

from cmdesk.core.connectors.errors import (
    AuthExpired,
    Offline,
    Permanent,
    RateLimited,
    Transient,
    Unconfirmed,
)
from cmdesk.core.model import TargetState, from_iso
from cmdesk.core.publish import events as ev
from tests.core.publish.fakes import add_account, add_post, later, target

S = TargetState


def events_of(pub):
    seen = []
    pub.subscribe(seen.append)
    return seen


def test_post_waits_until_its_minute_then_goes_out_once_with_its_history(pub, workspace, clock, net):
    acc = add_account(workspace)
    post = add_post(workspace, later(clock.now(), minutes=10), [acc])
    pub.tick()
    assert target(workspace, post.id).state == S.SCHEDULED and net.sent == []
    clock.advance(599)
    pub.tick()
    assert net.sent == []
    clock.advance(1)
    pub.tick()
    pub.tick()
    t = target(workspace, post.id)
    assert t.state == S.PUBLISHED and net.sent == [(acc.id, "hello")]
    assert t.remote_id == "1" and t.remote_url == "https://example.test/1"
    assert t.lateness_s == 0.0 and t.published_at == "2026-06-01T08:10:00.000000Z"
    assert [h.state for h in t.history] == ["scheduled", "due", "publishing", "published"]
    assert "https://example.test/1" in t.history[-1].note
    (attempt,) = workspace.attempts.for_post(post.id)
    assert attempt["outcome"] == "published" and attempt["idempotency_key"]


def test_attempt_is_stored_before_the_request_leaves(pub, workspace, clock, net):
    acc = add_account(workspace)
    post = add_post(workspace, clock.now(), [acc])
    seen = {}

    class Spy:
        def __init__(self, inner):
            self.inner = inner

        def publish(self, request):
            seen["open"] = [a for a in workspace.attempts.open_attempts()]
            seen["state"] = target(workspace, post.id).state
            return self.inner.publish(request)

    pub._connectors[acc.id] = Spy(pub.connectors.for_account(acc))
    pub.tick()
    assert len(seen["open"]) == 1 and seen["open"][0]["post_id"] == post.id
    assert seen["state"] == S.PUBLISHING
    assert workspace.attempts.open_attempts() == []


def test_transient_errors_back_off_with_growing_waits_then_succeed(pub, workspace, clock, net):
    acc = add_account(workspace)
    post = add_post(workspace, clock.now(), [acc])
    net.script.extend([Transient("503"), Transient("503")])
    pub.tick()
    t = target(workspace, post.id)
    assert t.state == S.RETRY_WAIT and "503" in t.error
    wait1 = from_iso(t.not_before) - clock.now()
    assert timedelta(seconds=15) <= wait1 <= timedelta(seconds=30)
    clock.advance(wait1)
    pub.tick()
    t = target(workspace, post.id)
    wait2 = from_iso(t.not_before) - clock.now()
    assert t.state == S.RETRY_WAIT and timedelta(seconds=30) <= wait2 <= timedelta(seconds=60)
    clock.advance(wait2 - timedelta(seconds=1))
    pub.tick()
    assert target(workspace, post.id).state == S.RETRY_WAIT
    clock.advance(1)
    pub.tick()
    assert target(workspace, post.id).state == S.PUBLISHED and len(net.sent) == 1


def test_too_many_transient_errors_fail_with_the_reason(pub, workspace, clock, net):
    acc = add_account(workspace)
    post = add_post(workspace, clock.now(), [acc])
    net.script.extend([Transient("bad gateway")] * 4)
    for _ in range(4):
        pub.tick()
        clock.advance(700)
    t = target(workspace, post.id)
    assert t.state == S.FAILED and "4 tries" in t.error and "bad gateway" in t.error
    assert net.sent == []


def test_permanent_refusal_fails_at_once_with_the_network_reason(pub, workspace, clock, net):
    acc = add_account(workspace)
    post = add_post(workspace, clock.now(), [acc])
    seen = events_of(pub)
    net.script.append(Permanent("Validation failed: Text is too long"))
    pub.tick()
    t = target(workspace, post.id)
    assert t.state == S.FAILED and "Text is too long" in t.error
    assert [e.kind for e in seen if e.kind == ev.FAILED] == [ev.FAILED]


def test_expired_token_marks_target_and_account_then_resumes_after_sign_in(pub, workspace, clock, net):
    acc = add_account(workspace)
    p1 = add_post(workspace, clock.now(), [acc], text="one")
    p2 = add_post(workspace, later(clock.now(), seconds=1), [acc], text="two")
    clock.advance(1)
    net.script.append(AuthExpired("token revoked"))
    pub.tick()
    assert target(workspace, p1.id).state == S.NEEDS_AUTH
    assert target(workspace, p2.id).state == S.NEEDS_AUTH
    assert workspace.accounts.get(acc.id).status == "needs_auth"
    account = workspace.accounts.get(acc.id)
    account.status = "connected"
    workspace.accounts.save(account)
    pub.tick()
    pub.tick()
    assert [t for _, t in net.sent] == ["one", "two"]


def test_rate_limit_holds_the_account_until_retry_at_but_not_other_accounts(pub, workspace, clock, net):
    a, b = add_account(workspace, name="a"), add_account(workspace, name="b")
    pa = add_post(workspace, clock.now(), [a], text="a1")
    pa2 = add_post(workspace, clock.now(), [a], text="a2")
    net.script.append(RateLimited(later(clock.now(), minutes=5)))
    pub.tick()
    assert target(workspace, pa.id).state == S.RETRY_WAIT
    assert target(workspace, pa.id).not_before == "2026-06-01T08:05:00.000000Z"
    # Held by the gate, never sent into a 429; the outbox shows it as due.
    assert target(workspace, pa2.id).state in (S.SCHEDULED, S.DUE)
    assert {r.post_id: r.state for r in pub.outbox()}[pa2.id] == "due"
    pb = add_post(workspace, clock.now(), [b], text="b1")
    pub.tick()
    assert target(workspace, pb.id).state == S.PUBLISHED  # another account is not held
    clock.advance(299)
    pub.tick()
    assert [t for _, t in net.sent] == ["b1"]
    clock.advance(1)
    pub.tick()
    assert [t for _, t in net.sent] == ["b1", "a1", "a2"]


def test_reset_headers_close_the_gate_before_a_429(pub, workspace, clock, net):
    acc = add_account(workspace)
    add_post(workspace, clock.now(), [acc], text="x1")
    add_post(workspace, clock.now(), [acc], text="x2")
    inner = pub.connectors.for_account(acc)
    reset = later(clock.now(), seconds=90)

    class Headers:
        def publish(self, request):
            result = inner.publish(request)
            result.extra = {"rate_limit_remaining": 0, "rate_limit_reset": reset.timestamp()}
            return result

    pub._connectors[acc.id] = Headers()
    pub.tick()
    assert [t for _, t in net.sent] == ["x1"]
    clock.advance(90)
    pub.tick()
    assert [t for _, t in net.sent] == ["x1", "x2"]


def test_unconfirmed_answer_is_resolved_by_asking_not_by_sending_again(pub, workspace, clock, net):
    acc = add_account(workspace)
    post = add_post(workspace, clock.now(), [acc])
    net.script.append(("apply-then", Unconfirmed("connection reset")))
    pub.tick()
    t = target(workspace, post.id)
    assert t.state == S.PUBLISHED and t.remote_id == "1" and len(net.sent) == 1


def test_a_send_cut_by_the_link_is_checked_as_soon_as_the_network_is_back(pub, workspace, clock,
                                                                         net, online):
    """The link dies mid-request and the check cannot reach the network either: the account
    waits. When the network is back, the check runs at once, not after its usual delay."""
    acc = add_account(workspace)
    first = add_post(workspace, clock.now(), [acc], text="first")
    add_post(workspace, clock.now(), [acc], text="second")
    net.script.append(("apply-then", Unconfirmed("connection reset")))
    net.lookup_script.append(Unconfirmed("connection refused"))
    online["up"] = False  # the probe cannot reach the host either
    pub.tick()
    assert target(workspace, first.id).state == S.PUBLISHING and len(net.sent) == 1
    online["up"] = True
    pub.monitor.check()  # the connectivity probe finds the host again (no time has passed)
    pub.tick()
    assert [t for _, t in net.sent] == ["first", "second"]  # "first" found, not sent twice
    assert target(workspace, first.id).state == S.PUBLISHED


def test_when_the_network_cannot_tell_the_user_decides(pub, workspace, clock, net):
    workspace.settings.set_value("catch_up_policy", "publish")  # the lookups take a while
    acc = add_account(workspace)
    p1 = add_post(workspace, clock.now(), [acc], text="one")
    p2 = add_post(workspace, clock.now(), [acc], text="two")
    p3 = add_post(workspace, clock.now(), [acc], text="three")
    seen = events_of(pub)
    for _ in range(3):
        net.script.append(Unconfirmed("reset"))
    net.lookup_script.extend([Unconfirmed("cannot tell")] * 15)
    pub.tick()
    # One inconclusive answer is asked again later; the account waits meanwhile.
    assert target(workspace, p1.id).state == S.PUBLISHING
    assert target(workspace, p2.id).state in (S.SCHEDULED, S.DUE) and net.sent == []
    stored = workspace.attempts.for_post(p1.id)
    assert [(a["outcome"], a["lookups"]) for a in stored] == [(None, 1)]  # open, count kept
    for _ in range(40):
        clock.advance(31 * 16)
        pub.tick()
    assert {target(workspace, p.id).state for p in (p1, p2, p3)} == {S.UNCONFIRMED}
    assert sum(e.kind == ev.UNCONFIRMED for e in seen) == 3
    pub.confirm_published(p1.id, acc.id, "https://example.test/by-hand")
    pub.retry_anyway(p2.id, acc.id)
    pub.give_up(p3.id, acc.id)
    pub.tick()
    assert target(workspace, p1.id).state == S.PUBLISHED
    assert target(workspace, p1.id).remote_url == "https://example.test/by-hand"
    assert target(workspace, p2.id).state == S.PUBLISHED
    assert target(workspace, p3.id).state == S.FAILED
    keys = [a["idempotency_key"] for a in workspace.attempts.for_post(p2.id)]
    assert len(keys) == 2 and keys[0] != keys[1]  # "send again" means a new key


def test_retry_publish_now_and_cancel(pub, workspace, clock, net):
    acc = add_account(workspace)
    failed = add_post(workspace, clock.now(), [acc], text="failed")
    future = add_post(workspace, later(clock.now(), days=2), [acc], text="future")
    cancelled = add_post(workspace, later(clock.now(), hours=1), [acc], text="cancelled")
    net.script.append(Permanent("nope"))
    pub.tick()
    assert target(workspace, failed.id).state == S.FAILED
    pub.retry(failed.id, acc.id)
    assert pub.publish_now(future.id) == 1
    pub.cancel(cancelled.id, acc.id)
    pub.tick()
    clock.advance(3600)
    pub.tick()
    assert sorted(t for _, t in net.sent) == ["failed", "future"]
    assert target(workspace, cancelled.id).state == S.FAILED
    assert target(workspace, future.id).lateness_s == 0.0


def test_a_stale_copy_saved_over_a_published_target_never_sends_twice(pub, workspace, clock, net):
    acc = add_account(workspace)
    post = add_post(workspace, clock.now(), [acc])
    stale = workspace.posts.get(post.id)  # the composer opened it before it went out
    pub.tick()
    stale.text = "edited"
    workspace.posts.save(stale)  # ...and saves its old copy: the target is 'scheduled' again
    pub.tick()
    assert len(net.sent) == 1 and target(workspace, post.id).state == S.PUBLISHED


def test_offline_targets_wait_then_flush_in_order_with_back_online(pub, workspace, clock, net, online):
    acc = add_account(workspace)
    seen = events_of(pub)
    first = add_post(workspace, clock.now(), [acc], text="first")
    net.script.append(Offline("no route"))
    online["up"] = False
    pub.tick()
    assert target(workspace, first.id).state == S.WAITING_NETWORK
    for n in range(2, 5):
        add_post(workspace, later(clock.now(), minutes=n), [acc], text=f"p{n}")
    clock.advance(600)
    pub.tick()
    assert net.sent == []
    assert {r.state for r in pub.outbox()} == {"waiting_network"}
    pub.monitor.check()  # still down
    assert net.sent == []
    online["up"] = True
    pub.monitor.check()
    pub.tick()
    assert [t for _, t in net.sent] == ["first", "p2", "p3", "p4"]
    backs = [e for e in seen if e.kind == ev.BACK_ONLINE]
    assert len(backs) == 1 and backs[0].count == 4


def test_a_queue_made_while_a_send_was_failing_offline_is_kept(pub, workspace, clock, net, online):
    """The link dies under a send; before the lane has recorded it, the coordinator has already
    seen the host come back and queued everything again. That queue must go out now, not at
    the next safety sweep a minute later."""
    acc = add_account(workspace)
    for n in range(3):
        add_post(workspace, later(clock.now(), seconds=-n), [acc], text=f"p{n}")
    net.script.append(Offline("connection reset"))
    online["up"] = False
    requeued = []

    def coordinator_meanwhile(event):
        if event.kind == ev.STATE and event.data.get("state") == S.WAITING_NETWORK and not requeued:
            online["up"] = True
            requeued.append(pub.monitor.check())  # the probe finds the host again
            pub.evaluate()  # and the coordinator queues every waiting post in due order

    pub.subscribe(coordinator_meanwhile)
    pub.evaluate()
    pub._lane(acc.id).drain()  # one lane round, no further evaluation
    assert requeued and requeued[0]
    assert [t for _, t in net.sent] == ["p2", "p1", "p0"]


def test_os_offline_status_holds_sends(pub, workspace, clock, net):
    acc = add_account(workspace)
    post = add_post(workspace, clock.now(), [acc])
    pub.set_online(False)
    pub.tick()
    assert target(workspace, post.id).state == S.WAITING_NETWORK and net.sent == []
    pub.set_online(True)
    pub.tick()
    assert target(workspace, post.id).state == S.PUBLISHED


def test_accounts_publish_in_due_order_and_moves_are_followed(pub, workspace, clock, net):
    acc = add_account(workspace)
    late = add_post(workspace, later(clock.now(), minutes=5), [acc], text="late")
    early = add_post(workspace, later(clock.now(), minutes=3), [acc], text="early")
    moved = workspace.posts.get(late.id)
    moved.planned_at = later(clock.now(), minutes=1)  # the user drags it earlier
    workspace.posts.save(moved)
    unscheduled = add_post(workspace, later(clock.now(), minutes=2), [acc], text="unscheduled")
    back = workspace.posts.get(unscheduled.id)
    back.planned_at = None  # dragged back to drafts
    workspace.posts.save(back)
    clock.advance(600)
    pub.tick()
    assert [t for _, t in net.sent] == ["late", "early"]
    assert target(workspace, unscheduled.id).state == S.DRAFT
    workspace.posts.delete(early.id)
    pub.tick()


def test_rate_limit_headers_on_a_success_close_the_gate_until_the_reset(pub, workspace, clock):
    """Through a real requests session: the answer says nothing is left in the window."""
    import requests

    from cmdesk.core.publish.gates import watch_session
    from tests.contract.server import ContractServer, Response

    with ContractServer() as server:
        @server.route("POST", r"/ok")
        def ok(req, m):
            return Response(200, json={}, headers={"X-RateLimit-Remaining": "0",
                                                    "X-RateLimit-Reset": "2026-06-01T08:07:00.000Z"})

        session = requests.Session()
        watch_session(session, "acc", pub.gates)
        session.post(server.url + "/ok", timeout=5)
    assert pub.gates.blocked_until("acc", clock.now()) == later(clock.now(), minutes=7)


def test_a_stale_copy_saved_while_sending_does_not_hide_the_published_post(pub, workspace, clock, net):
    acc = add_account(workspace)
    post = add_post(workspace, clock.now(), [acc])
    stale = workspace.posts.get(post.id)  # the composer holds the post as "scheduled"
    inner = pub.connectors.for_account(acc)

    class SavesMeanwhile:
        def publish(self, request):
            workspace.posts.save(stale)  # ...and saves it while the request is on the wire
            return inner.publish(request)

    pub._connectors[acc.id] = SavesMeanwhile()
    pub.tick()
    t = target(workspace, post.id)
    assert t.state == S.PUBLISHED and t.remote_id == "1" and len(net.sent) == 1
    assert workspace.attempts.open_attempts() == []


def test_publish_now_while_offline_goes_out_when_back_not_at_the_old_time(pub, workspace, clock, net):
    acc = add_account(workspace)
    post = add_post(workspace, later(clock.now(), days=2), [acc], text="now please")
    pub.tick()
    pub.set_online(False)
    assert pub.publish_now(post.id) == 1
    pub.tick()
    pub.tick()
    assert target(workspace, post.id).state == S.WAITING_NETWORK
    assert workspace.posts.get(post.id).planned_at == clock.now()  # the calendar shows it now
    pub.set_online(True)
    pub.tick()
    assert net.sent == [(acc.id, "now please")]


def test_publish_now_on_a_draft_sends_it_and_places_it_at_now(pub, workspace, clock, net):
    acc = add_account(workspace)
    draft = add_post(workspace, None, [acc], text="draft")
    pub.tick()
    assert net.sent == [] and target(workspace, draft.id).state == S.DRAFT
    assert pub.publish_now(draft.id) == 1
    pub.tick()
    assert net.sent == [(acc.id, "draft")]
    assert workspace.posts.get(draft.id).planned_at == clock.now()
