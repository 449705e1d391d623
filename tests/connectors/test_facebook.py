# SPDX-License-Identifier: GPL-3.0-or-later
"""Facebook Pages against the Graph contract server: sign-in with the user's own app, exact
requests for posts, photos, comments, hand-offs and metrics, and every failure typed."""

from __future__ import annotations

import io
import json
import webbrowser
from datetime import datetime, timedelta, timezone
from urllib.parse import parse_qs, urlsplit

import pytest

from cmdesk.core.connectors.base import PostPart, PreparedMedia, PublishRequest
from cmdesk.core.connectors.errors import (
    AuthExpired,
    Gone,
    Permanent,
    RateLimited,
    Transient,
    Unconfirmed,
)
from cmdesk.core.connectors.facebook import FacebookConnector
from tests.connectors.byo_support import MemorySecrets, PastingBrowser, point_at, session
from tests.contract.facebook import (
    APP_ID,
    APP_SECRET,
    PAGE_TOKEN,
    buc_usage,
    facebook_routes,
    graph_error,
)
from tests.contract.server import AcceptThenReset, ContractServer, Delay, Garbage, Status

VALUES = {"client_id": APP_ID, "client_secret": APP_SECRET, "redirect_uri": "", "page": ""}


@pytest.fixture
def server(monkeypatch):
    with ContractServer() as s:
        facebook_routes(s)
        point_at(monkeypatch, FacebookConnector, s.url)
        yield s


@pytest.fixture
def secrets():
    return MemorySecrets()


@pytest.fixture
def connector(server, secrets):
    account = FacebookConnector.sign_in(VALUES, secrets=secrets, http=session(),
                                        browser=PastingBrowser())
    server.requests.clear()
    return FacebookConnector(account, secrets, session())


def request(*texts: str, media=None) -> PublishRequest:
    parts = [PostPart(t) for t in texts]
    parts[0].media = media or []
    return PublishRequest(attempt_id="a1", idempotency_key="k1", parts=parts)


def jpeg(alt: str = "") -> PreparedMedia:
    return PreparedMedia(b"\xff\xd8jpegbytes", "image/jpeg", 800, 600, alt=alt, filename="p.jpg")


def test_sign_in_keeps_app_secret_and_page_token_in_the_keyring_only(server, secrets):
    browser = PastingBrowser()
    account = FacebookConnector.sign_in(VALUES, secrets=secrets, http=session(), browser=browser)
    assert (account.network, account.name, account.settings) == (
        "facebook", "Brand Page", {"page_id": "1001"})
    assert browser.query["client_id"] == APP_ID
    assert browser.query["redirect_uri"] == "https://localhost/cmdesk"
    assert "pages_manage_posts" in browser.query["scope"]
    stored = secrets.blob(account.secret_key)
    assert (stored["client_secret"], stored["page_token"]) == (APP_SECRET, PAGE_TOKEN)
    assert APP_SECRET not in json.dumps(account.to_doc())
    exchange = server.requests_to("GET", "/v23.0/oauth/access_token")
    assert exchange[0].query["code"] == ["good-code"]
    assert exchange[1].query["grant_type"] == ["fb_exchange_token"]
    # The user token travels in a header, never in a URL that could end up in a log.
    assert server.requests_to("GET", "/v23.0/me/accounts")[0].header("authorization") == (
        "Bearer long-user-token")


@pytest.mark.parametrize("browser, message", [
    (PastingBrowser(state="forged"), "another sign-in attempt"),
    (PastingBrowser(extra="&error=access_denied&error_description=Denied"), "Denied"),
    (lambda url: None, "Paste the address"),
])
def test_sign_in_refuses_a_bad_or_missing_redirect(server, secrets, browser, message):
    with pytest.raises(Permanent, match=message):
        FacebookConnector.sign_in(VALUES, secrets=secrets, http=session(), browser=browser)
    assert secrets.data == {}


def test_sign_in_with_a_wrong_secret_says_so_and_stores_nothing(server, secrets):
    with pytest.raises(Permanent, match="Invalid application ID"):
        FacebookConnector.sign_in({**VALUES, "client_secret": "nope"}, secrets=secrets,
                                  http=session(), browser=PastingBrowser())
    assert secrets.data == {}


def test_sign_in_asks_which_page_when_there_are_several(server, secrets):
    server.state["pages"].append({"id": "1002", "name": "Other", "access_token": "t2"})
    with pytest.raises(Permanent, match="Brand Page, Other"):
        FacebookConnector.sign_in(VALUES, secrets=secrets, http=session(), browser=PastingBrowser())
    account = FacebookConnector.sign_in({**VALUES, "page": "Other"}, secrets=secrets,
                                        http=session(), browser=PastingBrowser())
    assert account.settings["page_id"] == "1002"


def test_publish_text_sends_the_message_with_the_page_token(server, connector):
    result = connector.publish(request("Hello Page"))
    feed = server.requests_to("POST", "/v23.0/1001/feed")[0]
    assert feed.form == {"message": ["Hello Page"]}
    assert feed.header("authorization") == f"Bearer {PAGE_TOKEN}"
    assert result.remote_id in server.state["posts"]
    assert result.remote_url == f"https://www.facebook.com/{result.remote_id}"


def test_publish_photos_uploads_each_unpublished_then_attaches_them(server, connector):
    connector.publish(request("Two pictures", media=[jpeg("a dog"), jpeg()]))
    uploads = server.requests_to("POST", "/v23.0/1001/photos")
    assert [u.form.get("published") for u in uploads] == [["false"], ["false"]]
    assert uploads[0].form["alt_text_custom"] == ["a dog"] and "alt_text_custom" not in uploads[1].form
    assert uploads[0].files["source"][0]["data"] == b"\xff\xd8jpegbytes"
    feed = server.requests_to("POST", "/v23.0/1001/feed")[0]
    ids = list(server.state["photos"])
    assert json.loads(feed.form["attached_media"][0]) == [{"media_fbid": i} for i in ids]


def test_thread_parts_become_comments_in_order(server, connector):
    result = connector.publish(request("Post", "first comment", "second"))
    assert [c["message"] for c in server.state["comments"].values()] == ["first comment", "second"]
    assert len(result.part_ids) == 3


def test_a_retry_after_the_post_was_created_does_not_post_twice(server, connector):
    req = request("Once", "comment")
    server.inject(graph_error(2, "Service temporarily unavailable", status=503),
                  path=r"/comments$")
    with pytest.raises(Transient):
        connector.publish(req)
    connector.publish(req)
    assert len(server.state["posts"]) == 1 and len(server.state["comments"]) == 1


def test_hand_off_schedules_ten_minutes_ahead_or_more(server, connector):
    at = datetime.now(timezone.utc) + timedelta(hours=2)
    result = connector.hand_off(request("Later", media=[jpeg()]), at)
    feed = server.requests_to("POST", "/v23.0/1001/feed")[0].form
    assert (feed["published"], feed["scheduled_publish_time"]) == (["false"], [str(int(at.timestamp()))])
    assert server.requests_to("POST", "/v23.0/1001/photos")[0].form["temporary"] == ["true"]
    connector.update_hand_off(result.remote_id, request("Later, edited"), at + timedelta(hours=1))
    assert server.state["posts"][result.remote_id]["message"] == "Later, edited"
    connector.cancel_hand_off(result.remote_id)
    assert server.state["posts"] == {}


def test_a_post_facebook_already_published_is_neither_edited_nor_deleted(server, connector):
    at = datetime.now(timezone.utc) + timedelta(hours=2)
    result = connector.hand_off(request("Out already"), at)
    server.state["posts"][result.remote_id].update(published="true")  # Facebook's scheduler ran
    for change in (lambda: connector.update_hand_off(result.remote_id, request("Edited"), at),
                   lambda: connector.cancel_hand_off(result.remote_id)):
        with pytest.raises(Gone) as caught:
            change()
        assert caught.value.published and result.remote_id in caught.value.url
    assert server.state["posts"][result.remote_id]["message"] == "Out already"


def test_a_scheduled_post_deleted_on_facebook_is_gone_and_other_refusals_are_not(server, connector):
    result = connector.hand_off(request("Deleted there"), datetime.now(timezone.utc) + timedelta(hours=2))
    del server.state["posts"][result.remote_id]
    with pytest.raises(Gone) as caught:
        connector.cancel_hand_off(result.remote_id)
    assert not caught.value.published and "does not exist" in caught.value.reason
    server.inject(graph_error(100, "Invalid parameter"))
    with pytest.raises(Permanent) as other:
        connector.publish(request("x"))
    assert not isinstance(other.value, Gone)


def test_hand_off_too_soon_is_refused_before_any_request(server, connector):
    with pytest.raises(Permanent, match="10 minutes"):
        connector.hand_off(request("Soon"), datetime.now(timezone.utc) + timedelta(minutes=5))
    assert server.requests == []


def test_the_apis_own_refusal_of_a_schedule_is_final(server, connector):
    with pytest.raises(Permanent, match="scheduled publish time is invalid"):
        connector.hand_off(request("Far"), datetime.now(timezone.utc) + timedelta(days=60))


@pytest.mark.parametrize("code", [4, 17, 32, 613])
def test_graph_throttle_codes_wait_for_the_estimated_time(server, connector, code):
    server.inject(graph_error(code, "Application request limit reached", headers=buc_usage(7)))
    before = datetime.now(timezone.utc)
    with pytest.raises(RateLimited) as caught:
        connector.publish(request("x"))
    wait = caught.value.retry_at - before
    assert timedelta(minutes=6, seconds=55) <= wait <= timedelta(minutes=7, seconds=5)
    assert server.state["posts"] == {}


def test_throttle_without_an_estimate_waits_a_quarter_hour(server, connector):
    usage = {"X-App-Usage": json.dumps({"call_count": 100, "total_time": 20, "total_cputime": 10})}
    server.inject(graph_error(4, "Application request limit reached", headers=usage))
    with pytest.raises(RateLimited) as caught:
        connector.publish(request("x"))
    assert caught.value.retry_at - datetime.now(timezone.utc) > timedelta(minutes=14)


def test_expired_page_token_means_sign_in_again(server, connector):
    server.inject(graph_error(190, "Session has expired", status=400, subcode=463))
    with pytest.raises(AuthExpired):
        connector.publish(request("x"))


@pytest.mark.parametrize("fault, error", [
    (Status(500, json={"error": {"message": "An unknown error occurred", "code": 1}}), Transient),
    (Garbage(), Unconfirmed),
    (AcceptThenReset(), Unconfirmed),
    (Delay(1.5), Unconfirmed),
])
def test_failures_while_creating_the_post_are_typed(server, connector, fault, error):
    if isinstance(fault, Delay):
        connector.http = session(read_timeout_s=0.5)  # the answer comes after 1.5 s
    server.inject(fault, path=r"/feed$")
    with pytest.raises(error):
        connector.publish(request("Maybe"))


def test_lookup_after_a_lost_answer_finds_the_post(server, connector):
    server.inject(AcceptThenReset(), path=r"/feed$")
    req = request("Did it go out?")
    with pytest.raises(Unconfirmed):
        connector.publish(req)
    found = connector.lookup(req)
    assert found is not None and found.remote_id in server.state["posts"]
    assert connector.lookup(request("Something else")) is None


def test_check_and_metrics(server, connector):
    assert connector.check().display_name == "Brand Page"
    post = connector.publish(request("Counted"))
    assert connector.metrics(post.remote_id) == {"reactions": 12, "comments": 3, "shares": 2,
                                                 "views": 321}
    assert server.requests_to("GET", r"/v23.0/\d+_\d+/insights")[0].query["metric"] == [
        "post_total_media_view_unique"]
    server.state["read_insights"] = False  # counts still come without the insights permission
    assert connector.metrics(post.remote_id) == {"reactions": 12, "comments": 3, "shares": 2}


def test_sign_out_revokes_the_app_and_forgets_the_tokens(server, connector, secrets):
    connector.sign_out()
    assert server.state["revoked"] is True
    assert secrets.data == {}
    with pytest.raises(AuthExpired):
        connector.check()


def test_without_a_gui_the_address_is_pasted_in_the_terminal(server, secrets, monkeypatch, capsys):
    # `cmdesk accounts add facebook` passes no browser: the page opens and the terminal asks.
    opened = []

    def fake_open(url):
        opened.append(url)
        query = parse_qs(urlsplit(url).query)
        monkeypatch.setattr("sys.stdin", io.StringIO(
            f"{query['redirect_uri'][0]}?code=good-code&state={query['state'][0]}\n"))
        return True

    monkeypatch.setattr(webbrowser, "open", fake_open)
    account = FacebookConnector.sign_in(VALUES, secrets=secrets, http=session())
    assert account.name == "Brand Page" and len(opened) == 1
    assert "paste the address" in capsys.readouterr().err


def test_lookup_ignores_an_older_post_with_the_same_text(server, connector):
    connector.publish(request("Weekly reminder"))  # last week's, as far as this attempt knows
    next_week = request("Weekly reminder")
    next_week.planned_at = datetime.now(timezone.utc) + timedelta(days=7)
    assert connector.lookup(next_week) is None
    next_week.planned_at = datetime.now(timezone.utc)
    assert connector.lookup(next_week) is not None


class ComingBack:
    """A browser that approves at once: the network sends it to the app's redirect address."""

    def __init__(self, code: str = "good-code") -> None:
        self.code, self.opened = code, []

    def __call__(self, url: str) -> None:
        import urllib.request

        self.opened.append(url)
        query = {k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}
        back = f"{query['redirect_uri']}?code={self.code}&state={query['state']}"
        with urllib.request.urlopen(back, timeout=10) as page:  # noqa: S310 - loopback only
            assert "Signed in" in page.read().decode()


def test_a_loopback_redirect_is_read_by_cmdesk_with_no_paste(server, secrets):
    import socket

    with socket.socket() as probe:  # a free port, as a user registers one on their app
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    redirect = f"http://127.0.0.1:{port}/facebook-done"
    browser = ComingBack()
    account = FacebookConnector.sign_in({**VALUES, "redirect_uri": redirect}, secrets=secrets,
                                        http=session(), browser=browser)
    assert account.settings == {"page_id": "1001"}
    exchange = server.requests_to("GET", "/v23.0/oauth/access_token")[0]
    assert (exchange.query["code"], exchange.query["redirect_uri"]) == (["good-code"], [redirect])


def test_the_loopback_keyword_asks_for_the_registered_address(server, secrets):
    with pytest.raises(Permanent, match="loopback address registered on your app"):
        FacebookConnector.sign_in({**VALUES, "redirect_uri": "loopback"}, secrets=secrets,
                                  http=session(), browser=ComingBack())
    assert secrets.data == {}
