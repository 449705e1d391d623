# SPDX-License-Identifier: GPL-3.0-or-later
"""The media-container API shape Instagram and Threads share: token exchange and refresh,
containers that Meta processes (IN_PROGRESS for as many status checks as a test asks), publish
once, list recent media, permalink, insights. tests/contract/instagram.py and threads.py set the
names and limits of each network."""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from tests.contract.facebook import bearer, err
from tests.contract.server import ContractServer, Request, Response

APP_ID, APP_SECRET, USER_ID = "777", "meta-app-secret", "17841400000000001"
LONG_TOKEN, REFRESHED_TOKEN = "long-lived-token", "refreshed-token"


@dataclass
class Flavor:
    version: str  # /v23.0 or /v1.0
    token_path: str  # where the code is exchanged
    exchange_grant: str
    refresh_grant: str
    create_edge: str
    publish_edge: str
    text_field: str
    user_key: str  # user_id (Instagram) or id (Threads) in /me
    validate: Callable[[dict[str, str]], Response | None]
    permalink: str
    metrics: tuple[str, ...]
    limit_edge: str
    quota_total: int


def container_routes(server: ContractServer, flavor: Flavor, media_files: dict) -> ContractServer:
    """``media_files``: the media host's public files (Meta can fetch only what is there)."""
    st = server.state
    st.update(containers={}, media={}, comments={}, processing_polls=0, tokens={LONG_TOKEN},
              quota_usage=0)
    ids = itertools.count(18_000_000_000_000_001)
    V = flavor.version

    def form(req: Request) -> dict[str, str]:
        return {k: v[0] for k, v in {**req.query, **req.form}.items()}

    def authed(req: Request) -> bool:
        return bearer(req, st["tokens"])

    @server.route("POST", flavor.token_path)
    def exchange(req: Request, m) -> Response:
        f = form(req)
        if (f.get("client_id"), f.get("client_secret")) != (APP_ID, APP_SECRET):
            return Response(400, json={"error_type": "OAuthException", "code": 400,
                                       "error_message": "Invalid platform app"})
        if f.get("code") != "good-code" or f.get("grant_type") != "authorization_code":
            return Response(400, json={"error_type": "OAuthException", "code": 400,
                                       "error_message": "Error validating verification code"})
        return Response(json={"access_token": "short-token", "user_id": int(USER_ID)})

    @server.route("GET", r"/access_token")
    def long_lived(req: Request, m) -> Response:
        f = form(req)
        if (f.get("grant_type"), f.get("client_secret"), f.get("access_token")) != (
                flavor.exchange_grant, APP_SECRET, "short-token"):
            return err(190, "Invalid OAuth access token")
        return Response(json={"access_token": LONG_TOKEN, "token_type": "bearer",
                              "expires_in": 5_183_944})

    @server.route("GET", r"/refresh_access_token")
    def refresh(req: Request, m) -> Response:
        f = form(req)
        if f.get("grant_type") != flavor.refresh_grant or f.get("access_token") not in st["tokens"]:
            return err(190, "Invalid OAuth access token")
        st["tokens"].add(REFRESHED_TOKEN)
        return Response(json={"access_token": REFRESHED_TOKEN, "token_type": "bearer",
                              "expires_in": 5_183_944})

    @server.route("GET", V + r"/me")
    def me(req: Request, m) -> Response:
        if not authed(req):
            return err(190, "Invalid OAuth access token", 401)
        return Response(json={flavor.user_key: USER_ID, "username": "brand"})

    @server.route("POST", V + rf"/(?P<uid>\d+)/{flavor.create_edge}")
    def create(req: Request, m) -> Response:
        if not authed(req):
            return err(190, "Error validating access token", 401)
        f = form(req)
        if f.get("image_url"):
            name = urlsplit(f["image_url"]).path.rsplit("/", 1)[-1]
            if name not in media_files:
                return err(9004, "Only photo or video can be accepted as media type.")
        children = [c for c in f.get("children", "").split(",") if c]
        for child in children:
            if st["containers"].get(child, {}).get("is_carousel_item") != "true":
                return err(100, "Invalid parameter: children")
            if st["containers"][child]["status_code"] != "FINISHED":
                return err(9007, "Media ID is not available")
        refused = flavor.validate(f)
        if refused is not None:
            return refused
        cid = str(next(ids))
        st["containers"][cid] = {**f, "status_code": "IN_PROGRESS", "polls": 0}
        return Response(json={"id": cid})

    @server.route("POST", V + rf"/(?P<uid>\d+)/{flavor.publish_edge}")
    def publish(req: Request, m) -> Response:
        if not authed(req):
            return err(190, "Error validating access token", 401)
        container = st["containers"].get(form(req).get("creation_id", ""))
        if container is None or container["status_code"] != "FINISHED":
            return err(9007, "The media is not ready for publishing, please wait for a moment")
        container["status_code"] = "PUBLISHED"
        media_id = str(next(ids))
        st["media"][media_id] = {flavor.text_field: container.get(flavor.text_field, ""),
                                 "container": form(req)["creation_id"],
                                 "reply_to_id": container.get("reply_to_id"),
                                 "timestamp": time.strftime("%Y-%m-%dT%H:%M:%S+0000"),
                                 "permalink": flavor.permalink + media_id}
        return Response(json={"id": media_id})

    @server.route("GET", V + rf"/(?P<uid>\d+)/{flavor.limit_edge}")
    def quota(req: Request, m) -> Response:
        if not authed(req):
            return err(190, "Error validating access token", 401)
        return Response(json={"data": [{"quota_usage": st["quota_usage"], "config": {
            "quota_total": flavor.quota_total, "quota_duration": 86400}}]})

    @server.route("GET", V + rf"/(?P<uid>\d+)/{flavor.create_edge}")
    def listing(req: Request, m) -> Response:
        data = [{"id": i, **{k: v for k, v in item.items() if k != "container"}}
                for i, item in reversed(st["media"].items())]
        return Response(json={"data": data[: int(form(req).get("limit", 25))], "paging": {}})

    @server.route("POST", V + r"/(?P<media>\d+)/comments")
    def comment(req: Request, m) -> Response:
        if m["media"] not in st["media"]:
            return err(100, "Unsupported post request")
        cid = str(next(ids))
        st["comments"][cid] = {"media": m["media"], "message": form(req)["message"]}
        return Response(json={"id": cid})

    @server.route("GET", V + r"/(?P<media>\d+)/insights")
    def insights(req: Request, m) -> Response:
        names = form(req).get("metric", "").split(",")
        return Response(json={"data": [
            {"name": n, "period": "lifetime", "values": [{"value": 10 + flavor.metrics.index(n)}],
             "id": f"{m['media']}/insights/{n}"}
            for n in names if n in flavor.metrics]})

    @server.route("GET", V + r"/(?P<node>\d+)")
    def node(req: Request, m) -> Response:
        if not authed(req):
            return err(190, "Error validating access token", 401)
        if m["node"] in st["containers"]:
            c = st["containers"][m["node"]]
            # Meta processes a container in the background: report IN_PROGRESS for as many
            # checks as the test asked, then FINISHED.
            if c["status_code"] == "IN_PROGRESS":
                c["polls"] += 1
                if c["polls"] > st["processing_polls"]:
                    c["status_code"] = "FINISHED"
            return Response(json={"id": m["node"], "status_code": c["status_code"],
                                  "status": c["status_code"]})
        if m["node"] in st["media"]:
            return Response(json={"id": m["node"], "permalink": st["media"][m["node"]]["permalink"]})
        return err(100, "Unsupported get request")

    return server

