# SPDX-License-Identifier: GPL-3.0-or-later
"""What Facebook Pages, Instagram and Threads share: the Graph API's error shape, its rate-limit
headers and its container flow (create a container, then publish it once).

Transport failures are typed by the chokepoint (cmdesk.core.connectors.http); this module only
reads what Meta puts in an answer that a generic mapping cannot know: ``error.code`` values that
mean "slow down" even under HTTP 400, and ``estimated_time_to_regain_access`` in the usage headers.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from typing import Any

from cmdesk.core.connectors.errors import (
    AuthExpired,
    ConnectorError,
    Gone,
    Permanent,
    RateLimited,
    Transient,
    Unconfirmed,
)

GRAPH_VERSION = "v23.0"

# Graph error codes that are throttling, whatever the HTTP status (Meta answers 400 for most).
THROTTLE_CODES = frozenset({4, 17, 32, 613, 80001, 80002, 80004, 80005, 80006, 80008, 80014})
# Codes that mean the token is gone: expired, revoked, password changed, app removed.
AUTH_CODES = frozenset({102, 190, 463, 467})
# When a throttle answer carries no estimate, come back after this long (the platform windows
# are rolling hours; a short guess just burns another call into the same wall).
DEFAULT_THROTTLE_S = 15 * 60
# code 100 with this subcode: "Unsupported get request. Object with ID ... does not exist, cannot
# be loaded due to missing permissions, or does not support this operation" (the pair and the
# message are seen in public reports against the Graph and Instagram APIs, e.g.
# facebookarchive/php-graph-sdk#999, roughike/flutter_facebook_login#44). A deleted post,
# typically, but a lost permission reads the same: Gone never deletes or resends on its own; the
# hand-off code asks the network again and leaves the user to decide when it cannot tell.
MISSING_OBJECT = 33


def _usage_wait_s(headers: Any) -> int | None:
    """The longest ``estimated_time_to_regain_access`` (minutes) in the usage headers, in seconds."""
    best: int | None = None
    for name in ("X-Business-Use-Case-Usage", "X-Ad-Account-Usage", "X-App-Usage", "X-Page-Usage"):
        raw = headers.get(name)
        if not raw:
            continue
        try:
            data = json.loads(raw)
        except ValueError:
            continue
        entries: list[dict[str, Any]] = []
        if isinstance(data, dict) and "estimated_time_to_regain_access" in data:
            entries.append(data)
        elif isinstance(data, dict):
            for value in data.values():
                if isinstance(value, list):
                    entries += [v for v in value if isinstance(v, dict)]
        for entry in entries:
            minutes = entry.get("estimated_time_to_regain_access")
            if isinstance(minutes, (int, float)) and minutes > 0:
                best = max(best or 0, int(minutes * 60))
    return best


def graph_error(response: Any, *, now: datetime | None = None) -> ConnectorError:
    """The typed error for a Graph answer that is not a success."""
    now = now or datetime.now(timezone.utc)
    try:
        error = response.json().get("error") or {}
    except (ValueError, AttributeError):
        error = {}
    if not isinstance(error, dict):
        error = {}
    code = error.get("code")
    reason = str(error.get("error_user_msg") or error.get("message") or f"HTTP {response.status_code}")
    if code in THROTTLE_CODES or response.status_code == 429:
        wait = _usage_wait_s(response.headers)
        if wait is None:
            retry_after = response.headers.get("Retry-After", "")
            wait = int(retry_after) if retry_after.isdigit() else DEFAULT_THROTTLE_S
        return RateLimited(now + timedelta(seconds=wait), reason)
    if code in AUTH_CODES or response.status_code == 401:
        return AuthExpired(reason)
    if response.status_code >= 500 or code in (1, 2) or error.get("is_transient"):
        return Transient(reason)
    if code == 100 and error.get("error_subcode") == MISSING_OBJECT:
        return Gone(reason)
    return Permanent(reason)


def graph_json(http: Any, method: str, url: str, *, creates: bool = False, **kwargs: Any) -> Any:
    """Send one Graph call and return its JSON body, or raise the typed error.

    ``creates``: the call makes something on the network, so an answer we cannot read means
    "it may exist" (Unconfirmed) rather than "try again" (Transient).
    """
    response = http.request(method, url, creates=creates, **kwargs)
    if response.status_code >= 400:
        raise graph_error(response)
    try:
        body = response.json()
    except ValueError:
        body = None
    if not isinstance(body, dict):
        reason = f"unreadable answer from {method} {url.split('?')[0]}"
        raise Unconfirmed(reason) if creates else Transient(reason)
    return body


def need(body: dict[str, Any], key: str, *, creates: bool = False) -> Any:
    """``body[key]``, or the error that a documented field missing from a success deserves."""
    value = body.get(key)
    if value in (None, ""):
        reason = f"the answer has no {key}"
        raise Unconfirmed(reason) if creates else Transient(reason)
    return value


def container_state(http: Any, base: str, container_id: str, token: str) -> str:
    """``status_code`` of a media container: IN_PROGRESS, FINISHED, PUBLISHED, ERROR, EXPIRED."""
    body = graph_json(http, "GET", f"{base}/{container_id}",
                      params={"fields": "status_code,status"}, headers=bearer(token))
    return str(body.get("status_code") or "")


def require_finished(state: str, container_id: str, *, retry_s: int = 20) -> None:
    """Containers are processed by Meta after creation. A connector never waits: when one is not
    ready, it says "come back shortly" and the publisher retries the same attempt."""
    if state == "FINISHED":
        return
    if state == "IN_PROGRESS" or state == "":
        raise RateLimited(datetime.now(timezone.utc) + timedelta(seconds=retry_s),
                          f"media {container_id} is still being processed")
    raise Permanent(f"media {container_id} was refused by the network ({state})")


def bearer(token: str) -> dict[str, str]:
    """Tokens travel in a header, never in a URL that could end up in a log or a proxy."""
    return {"Authorization": f"Bearer {token}"}


def post_comments(call: Any, target_id: str, texts: list[str], request: Any) -> list[str]:
    """Comment ``texts`` under ``target_id`` in order, resuming after the ones already made.

    ``call(method, path, creates=..., data=...)`` is the connector's authenticated Graph call.
    """
    done: list[str] = request.progress.setdefault("comments", [])
    for text in texts[len(done):]:
        body = call("POST", f"{target_id}/comments", creates=True, data={"message": text})
        done.append(str(need(body, "id", creates=True)))
        request.save_progress(comments=done)
    return list(done)


# An attempt never starts long before its planned time, so an identical text published earlier
# is an older post (a weekly reminder, say), not this attempt's.
LOOKUP_SLACK = timedelta(minutes=15)


def created_since(value: Any, planned_at: datetime | None) -> bool:
    """True when a post created at ``value`` (Graph ISO time) may belong to an attempt planned
    at ``planned_at``; unknown times are given the benefit of the doubt."""
    if planned_at is None or not value:
        return True
    try:
        created = datetime.fromisoformat(str(value))
    except ValueError:
        return True
    if created.tzinfo is None:
        created = created.replace(tzinfo=timezone.utc)
    return created >= planned_at - LOOKUP_SLACK
