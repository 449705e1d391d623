# SPDX-License-Identifier: GPL-3.0-or-later
"""Finding a site's REST API at sign-in: /wp-json/ first, then ?rest_route= for sites with
"plain" permalinks, and a clear refusal when the address is no WordPress at all."""

from __future__ import annotations

import pytest

from cmdesk.core.connectors.errors import Permanent
from cmdesk.core.connectors.http import make_session
from cmdesk.core.connectors.wordpress import WordPressConnector
from tests.connectors.byo_support import MemorySecrets
from tests.contract.server import ContractServer, Response

VALUES = {"user": "editor", "app_password": "abcd efgh ijkl mnop qrst uvwx"}


def test_a_site_with_plain_permalinks_is_reached_through_rest_route():
    with ContractServer() as server:
        @server.route("GET", r"/")
        def front(req, m):
            if req.query.get("rest_route") == ["/wp/v2/users/me"]:
                return Response(json={"id": 7, "name": "Éditrice"})
            return Response(body=b"<html>blog</html>", headers={"Content-Type": "text/html"})

        secrets = MemorySecrets()
        account = WordPressConnector.sign_in({**VALUES, "server": server.url}, secrets=secrets,
                                             http=make_session())
        assert account.settings["rest_route"] is True and account.settings["user_id"] == 7
        assert [r.path for r in server.requests] == ["/wp-json/wp/v2/users/me", "/"]


def test_an_address_that_is_no_wordpress_is_refused_clearly():
    with ContractServer() as server:
        secrets = MemorySecrets()
        with pytest.raises(Permanent) as caught:
            WordPressConnector.sign_in({**VALUES, "server": server.url}, secrets=secrets,
                                       http=make_session())
        assert "No WordPress site answers" in caught.value.reason and secrets.data == {}
