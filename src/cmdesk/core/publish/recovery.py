# SPDX-License-Identifier: GPL-3.0-or-later
"""After a crash: an attempt left open may or may not have reached the network. We ask the
network with the same request and key (connector.lookup), never send blindly. If the network
cannot tell, the target becomes unconfirmed and the user decides.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from cmdesk.core.i18n import translate
from cmdesk.core.model import Post, TargetState
from cmdesk.core.publish import records as rec
from cmdesk.core.publish.prepare import request_for
from cmdesk.core.publish.sender import resolve

if TYPE_CHECKING:
    from cmdesk.core.publish.engine import Publisher

log = logging.getLogger(__name__)


def recover(pub: Publisher, attempt_id: str) -> str | None:
    attempt = pub.workspace.attempts.get(attempt_id)
    if attempt is None or attempt["outcome"] is not None:
        return None
    account = pub.account(attempt["account_id"])
    post = pub.workspace.posts.get(attempt["post_id"])
    if account is None or post is None:
        # Nothing left to rebuild the request from; keep the record, close it as unknown.
        pub.records.close_attempt(attempt, rec.UNCONFIRMED, pub.clock.now(),
                                  reason=translate("Publisher", "The post or account was deleted"))
        return None
    if account.status == "needs_auth" or not pub.is_online(account):
        pub.defer_recovery(attempt_id)
        return None
    try:
        request = request_for(pub, post, attempt)
    except Exception as exc:  # noqa: BLE001 - the image is gone: ask with the text only
        log.warning("rebuilding the request for recovery: %s", exc)
        bare = Post.from_doc(post.to_doc())
        bare.media = []
        request = request_for(pub, bare, attempt)
    return resolve(pub, attempt, connector=pub.connector_for(account), request=request)


S = TargetState
