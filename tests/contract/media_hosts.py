# SPDX-License-Identifier: GPL-3.0-or-later
"""Places a picture can be made public for Instagram and Threads: a PUT bucket with a public
folder, and a WordPress media library. ``files`` in the state is what the public can fetch."""

from __future__ import annotations

import base64
import itertools

from tests.contract.server import ContractServer, Request, Response

BUCKET_AUTH = "Bearer bucket-key"
WP_USER, WP_PASSWORD = "editor", "abcd efgh ijkl mnop"


def media_host_routes(server: ContractServer) -> ContractServer:
    st = server.state
    st.update(files={}, wp_media={}, deleted=[])
    ids = itertools.count(501)

    @server.route("PUT", r"/bucket/(?P<name>[\w.-]+)")
    def put(req: Request, m) -> Response:
        if req.header("authorization") != BUCKET_AUTH:
            return Response(403, body=b"<Error><Code>AccessDenied</Code></Error>",
                            headers={"Content-Type": "application/xml"})
        st["files"][m["name"]] = {"bytes": req.body, "type": req.header("content-type")}
        return Response(200, body=b"", headers={"ETag": '"abc"'})

    @server.route("DELETE", r"/bucket/(?P<name>[\w.-]+)")
    def delete(req: Request, m) -> Response:
        if st["files"].pop(m["name"], None) is None:
            return Response(404, body=b"")
        st["deleted"].append(m["name"])
        return Response(204, body=b"")

    @server.route("GET", r"/public/(?P<name>[\w.-]+)")
    def public(req: Request, m) -> Response:
        found = st["files"].get(m["name"])
        if found is None:
            return Response(404, body=b"not found")
        return Response(200, body=found["bytes"], headers={"Content-Type": found["type"]})

    def wp_auth(req: Request) -> bool:
        token = base64.b64encode(f"{WP_USER}:{WP_PASSWORD}".encode()).decode()
        return req.header("authorization") == f"Basic {token}"

    @server.route("POST", r"/wp-json/wp/v2/media")
    def wp_upload(req: Request, m) -> Response:
        if not wp_auth(req):
            return Response(401, json={"code": "rest_not_logged_in", "message": "You are not logged in.",
                                       "data": {"status": 401}})
        disposition = req.header("content-disposition") or ""
        if "filename=" not in disposition or not req.body:
            return Response(400, json={"code": "rest_upload_no_data", "message": "No data supplied."})
        name = disposition.split("filename=")[1].strip('"')
        media_id = next(ids)
        st["files"][name] = {"bytes": req.body, "type": req.header("content-type")}
        st["wp_media"][media_id] = name
        return Response(201, json={"id": media_id, "source_url": f"{server.url}/public/{name}",
                                   "media_type": "image"})

    @server.route("DELETE", r"/wp-json/wp/v2/media/(?P<id>\d+)")
    def wp_delete(req: Request, m) -> Response:
        if not wp_auth(req):
            return Response(401, json={"code": "rest_not_logged_in", "message": "You are not logged in."})
        if req.query.get("force") != ["true"]:
            return Response(501, json={"code": "rest_trash_not_supported",
                                       "message": "Media does not support trashing."})
        name = st["wp_media"].pop(int(m["id"]), None)
        if name is None:
            return Response(404, json={"code": "rest_post_invalid_id", "message": "Invalid post ID."})
        st["files"].pop(name, None)
        st["deleted"].append(name)
        return Response(200, json={"deleted": True})

    return server
