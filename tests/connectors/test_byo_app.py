# SPDX-License-Identifier: GPL-3.0-or-later
"""Bring-your-own-app sign-in: which redirect URLs let cmdesk read the code itself, and which make
the user paste the address the browser shows."""

from __future__ import annotations

import pytest

from cmdesk.core.connectors.byo_app import needs_paste
from cmdesk.core.connectors.http import InsecureRequest, check_url

LOOPBACK = [
    "loopback",
    "http://127.0.0.1:8080/cb",
    "http://[::1]:8080/cb",
    "http://localhost:8080/cb",  # RFC 8252: not recommended, but it works
    "http://127.0.0.2:8080/cb",  # all of 127.0.0.0/8 is this machine
    "http://[0:0:0:0:0:0:0:1]/cb",  # ::1 written out
    "http://LOCALHOST/cb",
]
ELSEWHERE = [
    "",  # the default, https://localhost/cmdesk: an https page the user copies the address from
    "https://localhost/cmdesk",
    "https://127.0.0.1/cb",
    "http://example.com/cb",
    "http://localhost.example.com/cb",
    "http://10.0.0.1/cb",
]


@pytest.mark.parametrize("redirect", LOOPBACK)
def test_a_loopback_redirect_needs_no_paste(redirect):
    assert not needs_paste({"redirect_uri": redirect})


@pytest.mark.parametrize("redirect", ELSEWHERE)
def test_any_other_redirect_makes_the_user_paste(redirect):
    assert needs_paste({"redirect_uri": redirect})


@pytest.mark.parametrize("redirect", [u for u in LOOPBACK + ELSEWHERE if u.startswith("http://")])
def test_loopback_means_what_plain_http_allows(redirect):
    # cmdesk listens on a plain-http redirect exactly when it would let plain http go there.
    try:
        check_url(redirect)
        allowed = True
    except InsecureRequest:
        allowed = False
    assert allowed == (not needs_paste({"redirect_uri": redirect}))
