# SPDX-License-Identifier: GPL-3.0-or-later
"""LinkedIn pictures: register an upload, PUT the bytes, and (for pages) make sure LinkedIn has
processed them before the post refers to them. Steps are saved in ``request.progress`` so a retry
neither uploads a picture twice nor waits inside the connector."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import TYPE_CHECKING
from urllib.parse import quote

from cmdesk.core.connectors.base import PublishRequest
from cmdesk.core.connectors.errors import Permanent, RateLimited, Transient
from cmdesk.core.connectors.responses import check
from cmdesk.core.i18n import translate

if TYPE_CHECKING:
    from cmdesk.core.connectors.linkedin import LinkedInConnector

PROCESSING_RETRY_S = 15


def upload_images(conn: LinkedInConnector, request: PublishRequest) -> list[str]:
    """The image URNs of the first part's pictures, uploading those not uploaded yet."""
    media = request.parts[0].media
    images: list[str] = request.progress.setdefault("images", [])
    for item in media[len(images):]:
        init = conn._send("POST", "/rest/images", params={"action": "initializeUpload"},
                          json={"initializeUploadRequest": {"owner": conn._author}}).json()
        value = init.get("value") if isinstance(init, dict) else None
        if not isinstance(value, dict) or not value.get("uploadUrl") or not value.get("image"):
            raise Transient(translate("LinkedIn", "LinkedIn did not give an upload address."))
        auth = conn._headers()["Authorization"]
        check(conn.http.request("PUT", value["uploadUrl"], data=item.data,
                                headers={"Authorization": auth, "Content-Type": item.mime}))
        images.append(value["image"])
        request.save_progress(images=images)
    # Only organization tokens may read an image's status; for a member, LinkedIn processes
    # the upload before the post is shown and a post referring to it is accepted meanwhile.
    if images and conn._author.startswith("urn:li:organization:") and \
            not request.progress.get("images_ready"):
        for urn in images:
            status = conn._send("GET", f"/rest/images/{quote(urn, safe='')}").json().get("status")
            if status == "PROCESSING_FAILED":
                raise Permanent(translate("LinkedIn", "LinkedIn could not process a picture."))
            if status != "AVAILABLE":
                raise RateLimited(datetime.now(timezone.utc) + timedelta(seconds=PROCESSING_RETRY_S),
                                  translate("LinkedIn", "LinkedIn is still processing a picture."))
        request.save_progress(images_ready=True)
    return images
