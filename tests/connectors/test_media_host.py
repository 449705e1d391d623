# SPDX-License-Identifier: GPL-3.0-or-later
"""Media hosts for Instagram and Threads: what is uploaded where, what the public URL is, and
that pictures come down again (or are reported when they cannot)."""

from __future__ import annotations

import pytest

from cmdesk.core.connectors.base import PreparedMedia
from cmdesk.core.connectors.errors import Permanent, Transient
from cmdesk.core.connectors.media_host import (
    PutHost,
    WordPressHost,
    config_from_values,
    host_many,
    open_host,
)
from tests.connectors.byo_support import MemorySecrets, session
from tests.contract.media_hosts import BUCKET_AUTH, WP_PASSWORD, WP_USER, media_host_routes
from tests.contract.server import ContractServer, Status


@pytest.fixture
def server():
    with ContractServer() as s:
        yield media_host_routes(s)


def picture(n: int = 0, mime: str = "image/jpeg") -> PreparedMedia:
    return PreparedMedia(b"bytes%d" % n, mime, 100, 100)


def bucket(server, auth=BUCKET_AUTH) -> PutHost:
    return PutHost(server.url + "/bucket", server.url + "/public", auth, session())


def test_put_host_uploads_under_an_unguessable_name_and_serves_it_publicly(server):
    host = bucket(server)
    first, second = host.put(picture(0)), host.put(picture(1, "image/png"))
    assert first.url != second.url and second.url.endswith(".png")
    name = first.url.rsplit("/", 1)[1]
    assert name.startswith("cmdesk-") and len(name) > 20
    assert session().get(first.url).content == b"bytes0"
    host.delete(first.handle)
    assert session().get(first.url).status_code == 404
    host.delete(first.handle)  # already gone is fine


def test_a_refused_upload_is_a_clear_failure(server):
    with pytest.raises(Permanent):
        bucket(server, auth="Bearer wrong").put(picture())


def test_host_many_rolls_back_what_was_put(server):
    host = bucket(server)
    calls = []
    real_put = host.put

    def put_then_fail(media):
        if calls:
            raise Transient("bucket unavailable")
        calls.append(media)
        return real_put(media)

    host.put = put_then_fail
    with pytest.raises(Transient):
        host_many(host, [picture(0), picture(1)])
    assert server.state["files"] == {} and len(server.state["deleted"]) == 1


def test_delete_quietly_reports_what_stays_up(server):
    host = bucket(server)
    kept = host.put(picture())
    server.inject(Status(500), path=r"/bucket/.*")
    assert host.delete_quietly([kept.handle]) == [kept.handle]
    assert host.delete_quietly([kept.handle]) == []


def test_wordpress_library_upload_and_forced_delete(server):
    host = WordPressHost(server.url, WP_USER, WP_PASSWORD, session())
    hosted = host.put(picture())
    upload = server.requests_to("POST", "/wp-json/wp/v2/media")[0]
    assert upload.body == b"bytes0" and upload.header("content-type") == "image/jpeg"
    assert hosted.url.startswith(server.url + "/public/cmdesk-")
    host.delete(hosted.handle)
    assert server.requests_to("DELETE", r"/wp-json/wp/v2/media/\d+")[0].query == {"force": ["true"]}
    assert server.state["files"] == {}


def test_configuration_from_the_sign_in_form():
    config, secret = config_from_values({"media_put_url": "https://b.example.com/up/",
                                         "media_public_url": "https://cdn.example.com/up",
                                         "media_put_auth": "Bearer k"})
    assert config == {"kind": "put", "upload_url": "https://b.example.com/up",
                      "public_url": "https://cdn.example.com/up"}
    assert secret == {"media_auth": "Bearer k"}  # goes to the keyring, not the settings
    config, secret = config_from_values({"media_wordpress": "wp1",
                                         "media_wordpress_site": "https://blog.example.com"})
    assert (config["kind"], config["account_id"], secret) == ("wordpress", "wp1", {})


@pytest.mark.parametrize("values, message", [
    ({}, "public address"),
    ({"media_put_url": "https://b.example.com"}, "public address"),
    ({"media_put_url": "ftp://b.example.com", "media_public_url": "https://c.example.com"}, "https"),
    ({"media_put_url": "https://b.example.com", "media_public_url": "http://c.example.com"}, "https"),
])
def test_incomplete_or_insecure_hosts_are_refused(values, message):
    with pytest.raises(Permanent, match=message):
        config_from_values(values)


def test_a_wordpress_host_that_was_signed_out_says_so():
    with pytest.raises(Permanent, match="no longer signed in"):
        open_host({"kind": "wordpress", "account_id": "gone", "site": "https://b.example.com"},
                  {}, MemorySecrets(), session())
