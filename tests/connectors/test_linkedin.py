# SPDX-License-Identifier: GPL-3.0-or-later
"""LinkedIn against its contract server: both sign-in routes (pasted HTTPS redirect with the
app secret; native PKCE on loopback), the exact headers and bodies of posts, pictures, polls and
comments, little-text escaping, crash recovery, quotas and metrics."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from urllib.parse import parse_qs, urlsplit

import pytest
import requests

from cmdesk.core.connectors.base import PostPart, PreparedMedia, PublishRequest
from cmdesk.core.connectors.errors import (
    AuthExpired,
    Permanent,
    RateLimited,
    Transient,
    Unconfirmed,
)
from cmdesk.core.connectors.linkedin import API_VERSION, LinkedInConnector
from cmdesk.core.connectors.oauth import SignInError
from cmdesk.core.model import to_iso
from tests.connectors.byo_support import MemorySecrets, PastingBrowser, point_at, session
from tests.contract.linkedin import (
    CLIENT_ID,
    CLIENT_SECRET,
    MEMBER_SUB,
    ORG_ID,
    TOKEN,
    linkedin_routes,
)
from tests.contract.server import AcceptThenReset, ContractServer, Garbage, Status

VALUES = {"client_id": CLIENT_ID, "client_secret": CLIENT_SECRET, "redirect_uri": "",
          "organization": ""}
MEMBER = f"urn:li:person:{MEMBER_SUB}"


@pytest.fixture
def server(monkeypatch):
    with ContractServer() as s:
        linkedin_routes(s)
        point_at(monkeypatch, LinkedInConnector, s.url, AUTH_URL="/oauth/v2/authorization",
                 TOKEN_URL="/oauth/v2/accessToken")
        yield s


@pytest.fixture
def secrets():
    return MemorySecrets()


def connect(server, secrets, **values):
    account = LinkedInConnector.sign_in({**VALUES, **values}, secrets=secrets, http=session(),
                                        browser=PastingBrowser())
    server.requests.clear()
    return LinkedInConnector(account, secrets, session())


@pytest.fixture
def member(server, secrets):
    return connect(server, secrets)


@pytest.fixture
def page(server, secrets):
    return connect(server, secrets, organization=f"https://www.linkedin.com/company/{ORG_ID}/")


def request(*texts: str, pictures: int = 0, poll=None) -> PublishRequest:
    parts = [PostPart(t) for t in texts]
    parts[0].media = [PreparedMedia(b"\x89PNG%d" % i, "image/png", 1200, 627, alt=f"chart {i}",
                                    filename="c.png") for i in range(pictures)]
    return PublishRequest(attempt_id="a1", idempotency_key="k1", parts=parts, poll=poll)


def test_sign_in_with_the_app_secret_and_a_pasted_address(server, secrets):
    browser = PastingBrowser()
    account = LinkedInConnector.sign_in(VALUES, secrets=secrets, http=session(), browser=browser)
    assert (account.name, account.settings["author"]) == ("Ada Lovelace", MEMBER)
    assert browser.query["scope"] == "openid profile w_member_social"
    assert browser.opened[0].startswith(server.url + "/oauth/v2/authorization?")
    exchange = server.requests_to("POST", "/oauth/v2/accessToken")[0].form
    assert exchange["client_secret"] == [CLIENT_SECRET] and "code_verifier" not in exchange
    stored = secrets.blob(account.secret_key)
    assert (stored["client_secret"], stored["access_token"]) == (CLIENT_SECRET, TOKEN)
    assert CLIENT_SECRET not in str(account.to_doc()) and TOKEN not in str(account.to_doc())
    expires = datetime.fromisoformat(account.expires_at.replace("Z", "+00:00"))
    assert timedelta(days=59) < expires - datetime.now(timezone.utc) < timedelta(days=61)


def test_native_pkce_on_loopback_needs_no_secret(server, secrets):
    opened = []

    def browser(url):  # the user approves; LinkedIn redirects to cmdesk's loopback listener
        opened.append(url)
        query = {k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}
        assert query["code_challenge_method"] == "S256"
        requests.get(query["redirect_uri"], params={"code": "good-code", "state": query["state"]},
                     timeout=5)

    account = LinkedInConnector.sign_in({**VALUES, "client_secret": "", "redirect_uri": "loopback"},
                                        secrets=secrets, http=session(), browser=browser)
    assert opened[0].startswith(server.url + "/oauth/native-pkce/authorization?")
    exchange = server.requests_to("POST", "/oauth/v2/accessToken")[0].form
    assert "client_secret" not in exchange and len(exchange["code_verifier"][0]) >= 43
    assert exchange["redirect_uri"][0].startswith("http://127.0.0.1:")
    assert account.settings["author"] == MEMBER


def test_loopback_sign_in_cancelled_in_the_browser(server, secrets):
    def browser(url):
        query = {k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}
        requests.get(query["redirect_uri"], params={"error": "access_denied", "state": query["state"]},
                     timeout=5)

    with pytest.raises(SignInError, match="cancelled"):
        LinkedInConnector.sign_in({**VALUES, "redirect_uri": "loopback"}, secrets=secrets,
                                  http=session(), browser=browser)
    assert secrets.data == {}


def test_without_native_pkce_the_secret_is_required(server, secrets):
    browser = PastingBrowser()
    with pytest.raises(Permanent, match="client secret"):
        LinkedInConnector.sign_in({**VALUES, "client_secret": ""}, secrets=secrets,
                                  http=session(), browser=browser)
    assert browser.opened == []


def test_sign_in_as_a_company_page(server, secrets, page):
    assert page.account.name == "Acme Corp"
    assert page.account.settings["author"] == f"urn:li:organization:{ORG_ID}"


def test_a_text_post_carries_the_versioned_headers_and_escaped_commentary(server, member):
    result = member.publish(request("Launch day! #cmdesk (beta) <3 @[Acme](urn:li:organization:5515)"))
    post = server.requests_to("POST", "/rest/posts")[0]
    assert post.header("linkedin-version") == API_VERSION
    assert post.header("x-restli-protocol-version") == "2.0.0"
    assert post.header("authorization") == f"Bearer {TOKEN}"
    assert post.json == {
        "author": MEMBER,
        "commentary": "Launch day! {hashtag|\\#|cmdesk} \\(beta\\) \\<3 @[Acme](urn:li:organization:5515)",
        "visibility": "PUBLIC",
        "distribution": {"feedDistribution": "MAIN_FEED", "targetEntities": [],
                         "thirdPartyDistributionChannels": []},
        "lifecycleState": "PUBLISHED", "isReshareDisabledByAuthor": False}
    # The URN comes back in the x-restli-id header of an empty 201.
    assert result.remote_id == next(iter(server.state["posts"]))
    assert result.remote_url == f"https://www.linkedin.com/feed/update/{result.remote_id}"


def test_one_picture_is_registered_uploaded_then_attached_with_alt_text(server, member):
    member.publish(request("Chart", pictures=1))
    init = server.requests_to("POST", "/rest/images")[0]
    assert init.query == {"action": ["initializeUpload"]}
    assert init.json == {"initializeUploadRequest": {"owner": MEMBER}}
    put = server.requests_to("PUT", r"/dms-uploads/\d+")[0]
    assert put.body == b"\x89PNG0" and put.header("authorization") == f"Bearer {TOKEN}"
    urn = next(iter(server.state["images"]))
    assert server.requests_to("POST", "/rest/posts")[0].json["content"] == {
        "media": {"id": urn, "altText": "chart 0"}}
    assert server.requests_to("GET", r"/rest/images/.*") == []  # members cannot read the status


def test_several_pictures_make_a_multi_image_post(server, member):
    member.publish(request("Charts", pictures=3))
    images = server.requests_to("POST", "/rest/posts")[0].json["content"]["multiImage"]["images"]
    assert [i["altText"] for i in images] == ["chart 0", "chart 1", "chart 2"]
    assert [i["id"] for i in images] == list(server.state["images"])


def test_a_page_waits_for_processing_without_uploading_again(server, page):
    server.state["processing_polls"] = 1
    req = request("Page picture", pictures=1)
    with pytest.raises(RateLimited) as caught:
        page.publish(req)
    assert caught.value.retry_at - datetime.now(timezone.utc) < timedelta(minutes=1)
    assert server.state["posts"] == {}
    page.publish(req)
    assert len(server.requests_to("PUT", r"/dms-uploads/\d+")) == 1
    assert len(server.state["posts"]) == 1


def test_a_poll(server, member):
    member.publish(request("Which day?", poll={"options": ["Monday", "Friday"], "expires_in": 200_000}))
    assert server.requests_to("POST", "/rest/posts")[0].json["content"] == {"poll": {
        "question": "Which day?", "options": [{"text": "Monday"}, {"text": "Friday"}],
        "settings": {"duration": "THREE_DAYS"}}}


def test_a_poll_option_too_long_is_refused_before_sending(server, member):
    with pytest.raises(Permanent, match="30"):
        member.publish(request("Q?", poll={"options": ["x" * 31, "y"]}))
    assert server.requests_to("POST", "/rest/posts") == []


def test_thread_parts_become_comments(server, member):
    result = member.publish(request("Post", "More in the comments (1/2)"))
    comment = server.requests_to("POST", r"/rest/socialActions/.*/comments")[0]
    assert comment.path == "/rest/socialActions/" + result.remote_id.replace(":", "%3A") + "/comments"
    assert comment.json == {"actor": MEMBER, "object": result.remote_id,
                            "message": {"text": "More in the comments \\(1/2\\)"}}
    assert len(result.part_ids) == 2


def test_a_lost_answer_is_found_by_lookup_and_not_posted_again(server, page):
    server.inject(AcceptThenReset(), path=r"/rest/posts$")
    req = request("Maybe out #news")
    with pytest.raises(Unconfirmed):
        page.publish(req)
    found = page.lookup(request("Maybe out #news"))
    assert found is not None and found.remote_id == next(iter(server.state["posts"]))
    assert page.lookup(request("never sent")) is None


def test_lookup_without_read_permission_is_unconfirmed(server, member):
    server.state["read_forbidden"] = True
    with pytest.raises(Unconfirmed):
        member.lookup(request("anything"))


def test_the_daily_quota_waits_until_midnight_utc(server, member):
    server.inject(Status(429, json={"status": 429, "message": "Resource level throttle limit reached"}))
    with pytest.raises(RateLimited) as caught:
        member.publish(request("x"))
    at = caught.value.retry_at
    assert (at.hour, at.minute) == (0, 0) and at > datetime.now(timezone.utc)


@pytest.mark.parametrize("fault, error", [
    (Status(401, json={"status": 401, "serviceErrorCode": 65601, "message": "The token used in the request has been revoked by the user"}), AuthExpired),
    (Status(422, json={"status": 422, "message": "/commentary :: length exceeds 3000"}), Permanent),
    (Status(504, json={"message": "Gateway timeout"}), Transient),
    (Garbage(), Unconfirmed),  # a 200 with no x-restli-id: something may have been created
])
def test_failures_are_typed(server, member, fault, error):
    server.inject(fault, path=r"/rest/posts$")
    with pytest.raises(error):
        member.publish(request("x"))


def test_an_empty_version_setting_falls_back_to_the_supported_version(server, member):
    member.account.settings["api_version"] = ""
    member.publish(request("default version is sent"))
    assert server.requests_to("POST", "/rest/posts")[0].header("linkedin-version") == API_VERSION


def test_metrics_for_a_page_post(server, page):
    result = page.publish(request("Counted"))
    assert page.metrics(result.remote_id) == {"likes": 5, "comments": 2, "impressions": 100,
                                              "clicks": 7, "shares": 1}


def test_check_refreshes_near_expiry_and_sign_out_revokes(server, member, secrets):
    member.account.expires_at = to_iso(datetime.now(timezone.utc) + timedelta(days=2))
    found = member.check()
    assert found.display_name == "Ada Lovelace"
    assert found.expires_at - datetime.now(timezone.utc) > timedelta(days=59)
    assert secrets.blob(member.account.secret_key)["access_token"] == "li-refreshed"
    member.sign_out()
    assert server.state["revoked"] == ["li-refreshed"] and secrets.data == {}


def test_lookup_ignores_an_older_post_with_the_same_text(server, page):
    page.publish(request("Weekly reminder"))
    next_week = request("Weekly reminder")
    next_week.planned_at = datetime.now(timezone.utc) + timedelta(days=7)
    assert page.lookup(next_week) is None


def test_publishing_renews_near_the_end_with_the_refresh_token(server, member, secrets):
    member.account.expires_at = to_iso(datetime.now(timezone.utc) + timedelta(days=2))
    member.publish(request("one"))
    member.publish(request("two"))
    refreshes = [r for r in server.requests_to("POST", "/oauth/v2/accessToken")
                 if r.form["grant_type"] == ["refresh_token"]]
    assert len(refreshes) == 1
    assert server.requests_to("POST", "/rest/posts")[-1].header("authorization") == "Bearer li-refreshed"
    assert secrets.blob(member.account.secret_key)["refresh_token"] == "li-refresh-2"


def test_the_code_alone_can_be_pasted_too(server, secrets):
    account = LinkedInConnector.sign_in(VALUES, secrets=secrets, http=session(),
                                        browser=lambda url: "  good-code \n")
    assert account.settings["author"] == MEMBER
    assert server.requests_to("POST", "/oauth/v2/accessToken")[0].form["code"] == ["good-code"]
