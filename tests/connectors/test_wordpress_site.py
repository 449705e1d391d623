# SPDX-License-Identifier: GPL-3.0-or-later
"""WordPress against a REAL WordPress on loopback: a post with a featured image, alt text,
categories and tags reads back as sent; a crash never makes a second post; a hand-off is held,
moved and cancelled by WordPress itself; a bad application password is refused clearly."""

from __future__ import annotations

import io
import uuid
from datetime import datetime, timedelta, timezone

import pytest
import requests
from PIL import Image

from cmdesk.core.connectors.base import PostPart, PreparedMedia, PublishRequest
from cmdesk.core.connectors.errors import AuthExpired, Gone, Permanent
from cmdesk.core.connectors.http import make_session
from cmdesk.core.connectors.media_host import open_host
from cmdesk.core.connectors.wordpress import WordPressConnector, slug_for
from tests.connectors.byo_support import MemorySecrets

pytestmark = pytest.mark.peer


def picture(size: tuple[int, int], color: tuple[int, int, int]) -> bytes:
    out = io.BytesIO()
    image = Image.new("RGB", size, color)
    image.putpixel((2, 2), (1, 2, 3))
    image.save(out, "JPEG")
    return out.getvalue()


@pytest.fixture
def secrets():
    return MemorySecrets()


@pytest.fixture
def connector(wordpress_site, secrets):
    account = WordPressConnector.sign_in(
        {"server": wordpress_site.url, "user": wordpress_site.user,
         "app_password": wordpress_site.app_password}, secrets=secrets, http=make_session())
    return WordPressConnector(account, secrets, make_session())


def request(text: str, media=None, **options) -> PublishRequest:
    return PublishRequest(attempt_id="a1", idempotency_key=uuid.uuid4().hex,
                          parts=[PostPart(text, media or [])], options=options)


def post(site, remote_id: str) -> dict:
    response = site.api("GET", f"posts/{remote_id}", params={"context": "edit"})
    response.raise_for_status()
    return response.json()


def names(site, taxonomy: str, ids: list[int]) -> list[str]:
    return sorted(site.api("GET", f"{taxonomy}/{i}").json()["name"] for i in ids)


def test_sign_in_checks_the_password_and_keeps_it_out_of_the_account(wordpress_site, secrets):
    account = WordPressConnector.sign_in(
        {"server": wordpress_site.url + "/", "user": wordpress_site.user,
         "app_password": wordpress_site.app_password}, secrets=secrets, http=make_session())
    assert account.server == wordpress_site.url and account.settings["user_id"] == 1
    assert wordpress_site.app_password not in str(account.to_doc())
    assert secrets.get(account.secret_key) == {"app_password": wordpress_site.app_password,
                                               "username": wordpress_site.user}


def test_a_bad_application_password_is_auth_expired_with_a_clear_reason(wordpress_site, secrets):
    with pytest.raises(AuthExpired) as caught:
        WordPressConnector.sign_in({"server": wordpress_site.url, "user": wordpress_site.user,
                                    "app_password": "abcd efgh ijkl mnop qrst uvwx"},
                                   secrets=secrets, http=make_session())
    assert "application password" in caught.value.reason and "logged in" in caught.value.reason
    assert secrets.data == {}


def test_publish_with_featured_image_alt_text_categories_and_tags(wordpress_site, connector):
    cover, second = picture((120, 80), (200, 40, 40)), picture((60, 90), (30, 90, 200))
    media = [PreparedMedia(cover, "image/jpeg", 120, 80, alt="La scène, de face",
                           filename="scène.jpg"),
             PreparedMedia(second, "image/jpeg", 60, 90, alt="Le public", filename="b.jpg")]
    req = request("Fête de la musique 🎶\nRendez-vous à 18 h : https://example.fr/prog\n\n"
                  "Entrée libre & gratuite.", media, categories=["Événements"],
                  tags=["musique", "Lyon"])
    result = connector.publish(req)

    got = post(wordpress_site, result.remote_id)
    assert got["status"] == "publish" and got["slug"] == slug_for(req.idempotency_key)
    assert got["title"]["raw"] == "Fête de la musique 🎶"
    content = got["content"]["raw"]
    assert '<a href="https://example.fr/prog">https://example.fr/prog</a>' in content
    assert "Entrée libre &amp; gratuite." in content and 'alt="Le public"' in content
    featured = wordpress_site.api("GET", f"media/{got['featured_media']}",
                                  params={"context": "edit"}).json()
    assert featured["alt_text"] == "La scène, de face"
    assert requests.get(featured["source_url"], timeout=30).content == cover
    assert names(wordpress_site, "categories", got["categories"]) == ["Événements"]
    assert names(wordpress_site, "tags", got["tags"]) == ["Lyon", "musique"]
    assert result.remote_url == got["link"]

    # The same names again reuse the terms instead of making new ones.
    again = connector.publish(request("Deuxième", categories=["événements"], tags=["Lyon"]))
    assert post(wordpress_site, again.remote_id)["categories"] == got["categories"]


def test_after_a_crash_the_slug_finds_the_post_and_nothing_is_posted_twice(wordpress_site,
                                                                           connector):
    req = request("Une seule fois, même après un plantage")
    assert connector.lookup(req) is None
    sent = connector.publish(req)
    fresh = PublishRequest("a2", req.idempotency_key, [PostPart(req.parts[0].text)])
    assert connector.lookup(fresh).remote_id == sent.remote_id
    assert connector.publish(fresh).remote_id == sent.remote_id
    same = wordpress_site.api("GET", "posts", params={"slug": slug_for(req.idempotency_key),
                                                      "status": "any", "context": "edit"}).json()
    assert len(same) == 1


def test_hand_off_then_move_then_cancel_a_future_post(wordpress_site, connector):
    at = (datetime.now(timezone.utc) + timedelta(days=2)).replace(microsecond=0)
    req = request("Annonce programmée\nPublié par WordPress lui-même.",
                  [PreparedMedia(picture((40, 40), (10, 200, 10)), "image/jpeg", 40, 40,
                                 alt="Vert")])
    held = connector.hand_off(req, at)
    got = post(wordpress_site, held.remote_id)
    assert got["status"] == "future" and got["date_gmt"] == at.strftime("%Y-%m-%dT%H:%M:%S")
    assert got["featured_media"] > 0

    later = at + timedelta(days=1, hours=3)
    moved = connector.update_hand_off(held.remote_id, req, later)
    got = post(wordpress_site, held.remote_id)
    assert moved.remote_id == held.remote_id
    assert (got["status"], got["date_gmt"]) == ("future", later.strftime("%Y-%m-%dT%H:%M:%S"))
    assert got["slug"] == slug_for(req.idempotency_key)

    connector.cancel_hand_off(held.remote_id)
    assert post(wordpress_site, held.remote_id)["status"] == "trash"  # recoverable, not gone
    assert connector.lookup(req) is None


def test_the_rest_route_form_works_on_the_real_site(wordpress_site, connector):
    connector.account.settings["rest_route"] = True  # as for a site with plain permalinks
    req = request("Par rest_route", tags=["plain"])
    done = connector.publish(req)
    assert connector.lookup(req).remote_id == done.remote_id
    assert post(wordpress_site, done.remote_id)["title"]["raw"] == "Par rest_route"


def test_a_published_post_is_neither_moved_nor_trashed(wordpress_site, connector):
    done = connector.publish(request("Déjà parti"))
    with pytest.raises(Gone) as moving:
        connector.update_hand_off(done.remote_id, request("Déjà parti"),
                                  datetime.now(timezone.utc) + timedelta(days=1))
    with pytest.raises(Gone) as cancelling:
        connector.cancel_hand_off(done.remote_id)
    assert moving.value.published and cancelling.value.url == done.remote_url
    assert post(wordpress_site, done.remote_id)["status"] == "publish"


def test_a_trashed_copy_is_gone_not_published(wordpress_site, connector):
    held = connector.hand_off(request("Jeté"), datetime.now(timezone.utc) + timedelta(days=1))
    connector.cancel_hand_off(held.remote_id)
    with pytest.raises(Gone) as caught:
        connector.cancel_hand_off(held.remote_id)
    assert not caught.value.published


def test_a_hand_off_too_close_is_refused_before_anything_is_sent(wordpress_site, connector):
    req = request("Trop tard")
    with pytest.raises(Permanent):
        connector.hand_off(req, datetime.now(timezone.utc) + timedelta(seconds=5))
    assert connector.lookup(req) is None


def test_the_media_host_can_use_the_signed_in_site(wordpress_site, connector, secrets):
    host = open_host({"kind": "wordpress", "account_id": connector.account.id,
                      "site": wordpress_site.url}, {}, secrets, make_session())
    hosted = host.put(PreparedMedia(picture((20, 20), (9, 9, 9)), "image/jpeg", 20, 20))
    assert requests.get(hosted.url, timeout=30).ok
    host.delete(hosted.handle)


def test_metrics_count_the_comments(wordpress_site, connector):
    done = connector.publish(request("Commentez !"))
    assert connector.metrics(done.remote_id) == {"comments": 0}
    wordpress_site.api("POST", "comments", json={"post": int(done.remote_id),
                                                 "content": "Bravo"}).raise_for_status()
    assert connector.metrics(done.remote_id) == {"comments": 1}
