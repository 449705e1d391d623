# SPDX-License-Identifier: GPL-3.0-or-later
"""Shared set-up for the Mastodon connector tests: a contract server and a signed-in account."""

from __future__ import annotations

import io
import uuid
from dataclasses import dataclass

from PIL import Image

from cmdesk.core.connectors.base import PostPart, PreparedMedia, PublishRequest
from cmdesk.core.connectors.http import make_session
from cmdesk.core.connectors.mastodon import MastodonConnector
from cmdesk.core.model import Account
from cmdesk.core.secrets import MemorySecretStore
from tests.contract.mastodon import ACCOUNT, issue_token, mastodon_routes
from tests.contract.server import ContractServer


@dataclass
class Env:
    server: ContractServer
    connector: MastodonConnector
    token: str


def jpeg(color: str = "red") -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (32, 24), color).save(out, "JPEG")
    return out.getvalue()


def image(alt: str = "", focal=None, color: str = "red") -> PreparedMedia:
    return PreparedMedia(data=jpeg(color), mime="image/jpeg", width=32, height=24, alt=alt,
                         focal=focal, filename=f"{color}.jpg")


def request(*texts: str, key: str | None = None, **kwargs) -> PublishRequest:
    parts = [t if isinstance(t, PostPart) else PostPart(t) for t in texts]
    saved: list[dict] = []
    req = PublishRequest(attempt_id=uuid.uuid4().hex, idempotency_key=key or str(uuid.uuid4()),
                         parts=parts, checkpoint=lambda p: saved.append(dict(p)), **kwargs)
    return req


def fresh(req: PublishRequest) -> PublishRequest:
    """The same attempt as a new process would rebuild it before progress was saved."""
    return PublishRequest(attempt_id=req.attempt_id, idempotency_key=req.idempotency_key,
                          parts=req.parts, poll=req.poll, options=req.options)


def mastodon_env():
    """A generator for a fixture: ``yield from mastodon_env()``."""
    with ContractServer() as server:
        mastodon_routes(server)
        token = issue_token(server)
        secrets = MemorySecretStore()
        account = Account(network="mastodon", name="@brand@mastodon.example", server=server.url,
                          settings={"account_id": ACCOUNT["id"]})
        secrets.set(account.secret_key, {"access_token": token, "client_id": "c", "client_secret": "s"})
        yield Env(server, MastodonConnector(account, secrets, make_session()), token)
