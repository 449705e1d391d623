# SPDX-License-Identifier: GPL-3.0-or-later
"""The Mastodon connector against the contract server: exact requests, every error path, and
exactly-once through Idempotency-Key and lookup."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta, timezone

import pytest

from cmdesk.core.connectors.base import PostPart
from cmdesk.core.connectors.errors import (
    AuthExpired,
    Permanent,
    RateLimited,
    Transient,
    Unconfirmed,
)
from cmdesk.core.connectors.mastodon import MastodonConnector, plain_text
from cmdesk.core.model import Account
from tests.connectors.mastodon_fixtures import fresh, image, jpeg, mastodon_env, request
from tests.contract.server import AcceptThenReset, Delay, Drop, Garbage, Status


@pytest.fixture
def env():
    yield from mastodon_env()


def statuses(env):
    return list(env.server.state["statuses"].values())


def test_a_text_post_sends_the_documented_fields_and_key(env):
    req = request("Hello fediverse", options={"visibility": "unlisted", "language": "fr", "cw": "Spoiler"})
    result = env.connector.publish(req)
    sent = env.server.requests_to("POST", "/api/v1/statuses")[0]
    assert sent.json == {"status": "Hello fediverse", "visibility": "unlisted", "language": "fr",
                         "spoiler_text": "Spoiler"}
    assert sent.header("authorization") == f"Bearer {env.token}"
    assert sent.header("idempotency-key") == req.idempotency_key
    (made,) = statuses(env)
    assert (result.remote_id, result.remote_url, result.part_ids) == (made["id"], made["url"], [made["id"]])
    assert plain_text(made["content"]) == "Hello fediverse" and made["spoiler_text"] == "Spoiler"


def test_images_go_up_as_multipart_with_alt_text_and_focal_point(env):
    req = request(PostPart("Two pictures", media=[image("A red square", focal=(0.25, 0.75)),
                                                  image(color="blue")]))
    env.connector.publish(req)
    uploads = env.server.requests_to("POST", "/api/v2/media")
    assert len(uploads) == 2
    first = uploads[0]
    assert first.files["file"][0]["data"] == jpeg("red")
    assert (first.files["file"][0]["filename"], first.files["file"][0]["content_type"]) == ("red.jpg", "image/jpeg")
    assert first.form == {"description": ["A red square"], "focus": ["-0.50,-0.50"]}
    assert uploads[1].form == {}  # no alt text, no focal point: nothing invented
    (made,) = statuses(env)
    assert [m["description"] for m in made["media_attachments"]] == ["A red square", None]
    assert env.server.requests_to("POST", "/api/v1/statuses")[0].json["media_ids"] == [
        m["id"] for m in made["media_attachments"]]


def test_a_poll_rides_on_the_first_post(env):
    req = request("Which one?", poll={"options": ["Tea", "Coffee"], "expires_in": 3600, "multiple": True})
    env.connector.publish(req)
    sent = env.server.requests_to("POST", "/api/v1/statuses")[0].json
    assert sent["poll"] == {"options": ["Tea", "Coffee"], "expires_in": 3600, "multiple": True, "hide_totals": False}
    assert [o["title"] for o in statuses(env)[0]["poll"]["options"]] == ["Tea", "Coffee"]


def test_a_thread_chains_replies_with_a_stable_key_per_part(env):
    req = request("1/3 first", "2/3 second", "3/3 third", key="k-thread")
    result = env.connector.publish(req)
    sent = env.server.requests_to("POST", "/api/v1/statuses")
    assert [r.header("idempotency-key") for r in sent] == ["k-thread", "k-thread-1", "k-thread-2"]
    made = statuses(env)
    assert result.part_ids == [s["id"] for s in made]
    assert [s["in_reply_to_id"] for s in made] == [None, made[0]["id"], made[1]["id"]]


def test_repeating_an_attempt_returns_the_same_statuses(env):
    req = request("Once only", "and its reply")
    first = env.connector.publish(req)
    again = env.connector.publish(fresh(req))  # a new process, same attempt, nothing saved
    assert again.part_ids == first.part_ids and len(statuses(env)) == 2


def test_validation_422_is_permanent_with_the_servers_words(env):
    with pytest.raises(Permanent) as caught:
        env.connector.publish(request("x" * 501))
    assert caught.value.reason == "Validation failed: Text character limit of 500 exceeded"
    assert statuses(env) == []


def test_401_is_auth_expired(env):
    env.server.state["tokens"].clear()
    with pytest.raises(AuthExpired, match="The access token is invalid"):
        env.connector.publish(request("Hello"))


def test_a_missing_keyring_entry_is_auth_expired(env):
    env.connector.secrets.delete(env.connector.account.secret_key)
    with pytest.raises(AuthExpired):
        env.connector.publish(request("Hello"))
    assert env.server.requests == []


def test_429_is_rate_limited_until_the_reset_header(env):
    reset = "2031-01-02T03:04:05.000Z"
    env.server.inject(Status(429, headers={"X-RateLimit-Limit": "300", "X-RateLimit-Remaining": "0",
                                           "X-RateLimit-Reset": reset}, json={"error": "Too many requests"}))
    with pytest.raises(RateLimited) as caught:
        env.connector.publish(request("Hello"))
    assert caught.value.retry_at == datetime(2031, 1, 2, 3, 4, 5, tzinfo=timezone.utc)


@pytest.mark.parametrize("status", [500, 502, 503])
def test_5xx_is_transient(env, status):
    env.server.inject(Status(status, json={"error": "boom"}), path="/api/v1/statuses")
    with pytest.raises(Transient):
        env.connector.publish(request("Hello"))
    assert statuses(env) == []


def test_a_malformed_answer_to_a_create_is_unconfirmed(env):
    env.server.inject(Garbage(), path="/api/v1/statuses")
    with pytest.raises(Unconfirmed, match="unexpected"):
        env.connector.publish(request("Hello"))


def test_a_timeout_after_sending_is_unconfirmed(env):
    env.connector.http.timeout = (2.0, 0.2)
    env.server.inject(Delay(1.0), path="/api/v1/statuses")
    with pytest.raises(Unconfirmed):
        env.connector.publish(request("Hello"))


def test_accept_then_reset_is_unconfirmed_and_lookup_finds_the_post_without_a_duplicate(env):
    req = request("Did it go out?")
    env.server.inject(AcceptThenReset(), path="/api/v1/statuses")
    with pytest.raises(Unconfirmed):
        env.connector.publish(req)
    found = env.connector.lookup(req)
    (made,) = statuses(env)
    assert found is not None and found.remote_id == made["id"]


def _an_hour_later(env):
    later = datetime.now(timezone.utc) + timedelta(hours=2)
    env.server.state["now"] = lambda: later
    env.connector.now = lambda: later


def test_after_the_key_expired_lookup_compares_recent_statuses_and_posts_nothing(env):
    req = request("Sent before the crash & then some", "its reply")
    env.server.inject(AcceptThenReset(), path="/api/v1/statuses")
    with pytest.raises(Unconfirmed):
        env.connector.publish(req)
    env.connector.publish(req)  # the retry made both parts (part 1 by its key)
    env.connector.publish(request("Unrelated later post"))
    _an_hour_later(env)
    posts_before = len(env.server.requests_to("POST", "/api/v1/statuses"))
    found = env.connector.lookup(req)
    assert found is not None and found.part_ids == [s["id"] for s in statuses(env)[:2]]
    assert len(env.server.requests_to("POST", "/api/v1/statuses")) == posts_before


def test_lookup_says_no_when_nothing_went_out_and_publish_then_posts_once(env):
    req = request("Never arrived")
    env.server.inject(Drop(), path="/api/v1/statuses")
    with pytest.raises(Unconfirmed):
        env.connector.publish(req)
    _an_hour_later(env)
    assert env.connector.lookup(req) is None
    env.connector.publish(req)
    assert len(statuses(env)) == 1


def test_a_thread_broken_halfway_resumes_after_the_parts_already_out(env):
    req = request("part one", "part two", "part three")

    def checkpoint(progress):  # the moment part one is saved, the server starts failing
        if len(progress.get("part_ids", [])) == 1 and not env.server.state.get("failed_once"):
            env.server.state["failed_once"] = True
            env.server.inject(Status(503), path="/api/v1/statuses")

    req.checkpoint = checkpoint
    with pytest.raises(Transient):
        env.connector.publish(req)
    assert len(statuses(env)) == 1
    result = env.connector.publish(req)
    made = statuses(env)
    assert [plain_text(s["content"]) for s in made] == ["part one", "part two", "part three"]
    assert [s["in_reply_to_id"] for s in made] == [None, made[0]["id"], made[1]["id"]]
    assert result.part_ids == [s["id"] for s in made]


def test_media_still_processing_is_transient_and_the_retry_reuses_the_upload(env):
    env.server.state["media_processing"] = 2  # 202 at upload, 206 on the first check
    req = request(PostPart("Big picture", media=[image("alt")]))
    with pytest.raises(Transient, match="processing"):
        env.connector.publish(req)
    env.connector.publish(req)
    assert len(env.server.requests_to("POST", "/api/v2/media")) == 1
    assert len(statuses(env)[0]["media_attachments"]) == 1


# ---- hand-off -------------------------------------------------------------------------------
def test_hand_off_sends_scheduled_at_and_returns_the_scheduled_status(env):
    at = datetime.now(timezone.utc).replace(microsecond=0) + timedelta(hours=3)
    result = env.connector.hand_off(request("Later"), at)
    sent = env.server.requests_to("POST", "/api/v1/statuses")[0].json
    assert datetime.fromisoformat(sent["scheduled_at"].replace("Z", "+00:00")) == at
    assert result.extra["scheduled"] and result.remote_id in env.server.state["scheduled"]
    assert statuses(env) == []


def test_hand_off_needs_five_minutes_of_lead(env):
    with pytest.raises(Permanent, match="5 minutes"):
        env.connector.hand_off(request("Too soon"), datetime.now(timezone.utc) + timedelta(minutes=4))
    assert env.server.requests == []


def test_hand_off_over_the_daily_limit_is_permanent_with_a_clear_reason(env):
    at = datetime.now(timezone.utc) + timedelta(days=2)
    for i in range(25):
        env.connector.hand_off(request(f"post {i}"), at + timedelta(minutes=i))
    with pytest.raises(Permanent, match="25 scheduled posts per day"):
        env.connector.hand_off(request("one too many"), at + timedelta(minutes=30))


def test_moving_a_handed_off_post_puts_the_new_time(env):
    at = datetime.now(timezone.utc) + timedelta(hours=3)
    req = request("Move me")
    first = env.connector.hand_off(req, at)
    moved = env.connector.update_hand_off(first.remote_id, req, at + timedelta(hours=1))
    assert moved.remote_id == first.remote_id
    assert len(env.server.requests_to("PUT", r"/api/v1/scheduled_statuses/\w+")) == 1


def test_editing_a_handed_off_post_replaces_it_without_ever_holding_two(env):
    at = datetime.now(timezone.utc) + timedelta(hours=3)
    first = env.connector.hand_off(request("Old text"), at)
    new = env.connector.update_hand_off(first.remote_id, request("New text"), at)
    assert list(env.server.state["scheduled"]) == [new.remote_id]
    assert env.server.state["scheduled"][new.remote_id]["params"]["text"] == "New text"


def test_cancel_removes_it_and_cancelling_what_is_gone_says_so(env):
    first = env.connector.hand_off(request("Cancel me"), datetime.now(timezone.utc) + timedelta(hours=1))
    env.connector.cancel_hand_off(first.remote_id)
    assert env.server.state["scheduled"] == {}
    with pytest.raises(Permanent, match="already published or deleted"):
        env.connector.cancel_hand_off(first.remote_id)


def test_a_thread_cannot_be_handed_off(env):
    with pytest.raises(Permanent, match="thread"):
        env.connector.hand_off(request("a", "b"), datetime.now(timezone.utc) + timedelta(hours=1))


# ---- account ----------------------------------------------------------------------------------
def test_metrics_read_the_status_counts(env):
    result = env.connector.publish(request("Count me"))
    env.server.state["statuses"][result.remote_id].update(replies_count=2, reblogs_count=3, favourites_count=5)
    assert env.connector.metrics(result.remote_id) == {"replies": 2, "reblogs": 3, "favourites": 5, "quotes": 0}


def test_check_and_sign_out(env):
    assert env.connector.check().ok
    env.server.state["apps"]["c"] = {"client_id": "c", "client_secret": "s"}
    env.connector.sign_out()
    assert env.token in env.server.state["revoked"]
    outcome = env.connector.check()
    assert not outcome.ok and "invalid" in outcome.detail


def test_capabilities_follow_the_instance():
    account = Account(network="mastodon", name="@a@b", settings={"max_characters": 5000, "max_media": 8})
    caps = MastodonConnector.capabilities_for(account)
    assert (caps.text_limit, caps.max_media) == (5000, 8)
    assert MastodonConnector.capabilities.text_limit == 500


def test_no_token_in_the_log(env, caplog):
    caplog.set_level(logging.DEBUG)
    env.connector.publish(request(PostPart("Logged", media=[image("alt")])))
    env.connector.check()
    assert env.token not in caplog.text and "/api/v1/statuses" in caplog.text


def test_a_handed_off_post_published_by_the_server_is_found_by_lookup(env):
    from tests.contract.mastodon import publish_due

    req = request("Held by the server")
    env.connector.hand_off(req, datetime.now(timezone.utc) + timedelta(minutes=10))
    _an_hour_later(env)
    (status_id,) = publish_due(env.server)
    found = env.connector.lookup(request("Held by the server"))
    assert found is not None and found.remote_id == status_id


def test_an_unconfirmed_hand_off_is_found_among_scheduled_statuses_and_never_published_now(env):
    req = request("For later, maybe")
    env.server.inject(AcceptThenReset(), path="/api/v1/statuses")
    with pytest.raises(Unconfirmed):
        env.connector.hand_off(req, datetime.now(timezone.utc) + timedelta(hours=2))
    found = env.connector.lookup(req)
    (held,) = env.server.state["scheduled"]
    assert found is not None and found.remote_id == held and found.extra["scheduled"]
    assert statuses(env) == [] and len(env.server.requests_to("POST", "/api/v1/statuses")) == 1


def test_hand_off_over_the_total_limit_is_permanent_with_a_clear_reason(env):
    start = datetime.now(timezone.utc) + timedelta(days=1)
    for i in range(300):  # already held by the server, spread over days
        day = (start + timedelta(days=i)).strftime("%Y-%m-%dT%H:%M:%S.000Z")
        env.server.state["scheduled"][f"s{i}"] = {"id": f"s{i}", "scheduled_at": day, "params": {"text": ""}}
    with pytest.raises(Permanent, match="300 in total"):
        env.connector.hand_off(request("three hundred and one"), start + timedelta(hours=1))


def test_a_retry_after_the_key_expired_looks_first_and_posts_nothing_twice(env):
    req = request("Hidden behind a reset")
    env.server.inject(AcceptThenReset(), path="/api/v1/statuses")
    with pytest.raises(Unconfirmed):
        env.connector.publish(req)
    _an_hour_later(env)
    result = env.connector.publish(req)  # the server no longer remembers the key
    (made,) = statuses(env)
    assert result.remote_id == made["id"]
    assert len(env.server.requests_to("POST", "/api/v1/statuses")) == 1
