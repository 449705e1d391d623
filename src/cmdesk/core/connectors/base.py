# SPDX-License-Identifier: GPL-3.0-or-later
"""The connector contract: one subclass per network, over one HTTP session factory.

A connector turns a prepared post into the network's requests and the network's answers into
results or typed errors (cmdesk.core.connectors.errors). It never sleeps, never retries and never
touches the store: the publisher owns those decisions.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, ClassVar

from cmdesk.core.connectors.capabilities import Capabilities
from cmdesk.core.model import Account


@dataclass
class PreparedMedia:
    """An image already fitted to the network by cmdesk.core.media.fit."""

    data: bytes
    mime: str
    width: int
    height: int
    alt: str = ""
    focal: tuple[float, float] | None = None  # fractions of the fitted image
    filename: str = "image.jpg"


@dataclass
class PostPart:
    """One post of a thread (a single post is a thread of one part)."""

    text: str
    media: list[PreparedMedia] = field(default_factory=list)


@dataclass
class PublishRequest:
    """Everything a connector needs to create the post, and the key that makes it idempotent."""

    attempt_id: str
    idempotency_key: str  # stored durably before the request is sent
    parts: list[PostPart]
    planned_at: datetime | None = None
    poll: dict[str, Any] | None = None
    options: dict[str, Any] = field(default_factory=dict)  # visibility, cw, language, title...
    # Steps a connector already took for this attempt (Instagram/Threads container ids, hosted
    # media). The connector calls ``checkpoint(progress)`` after each step; the publisher stores
    # it with the attempt and passes it back on the retry, so a step is never taken twice.
    progress: dict[str, Any] = field(default_factory=dict)
    checkpoint: Callable[[dict[str, Any]], None] | None = None

    def save_progress(self, **steps: Any) -> None:
        self.progress.update(steps)
        if self.checkpoint is not None:
            self.checkpoint(self.progress)


@dataclass
class PublishResult:
    remote_id: str
    remote_url: str | None = None
    part_ids: list[str] = field(default_factory=list)  # every part of a thread, in order
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class SignInField:
    """One thing the user types to add an account (the GUI form and `cmdesk accounts add` ask it).

    Secret fields are read from standard input on the command line, never from arguments.
    """

    name: str
    label: str  # shown to the user; translate at display time
    secret: bool = False
    placeholder: str = ""
    required: bool = True
    help: str = ""


@dataclass
class AccountCheck:
    """What "test the connection" found."""

    ok: bool
    display_name: str = ""
    expires_at: datetime | None = None
    detail: str = ""


class Connector(ABC):
    """Base of every network connector. Subclasses set ``capabilities`` as class data."""

    capabilities: ClassVar[Capabilities]
    # What the user provides to sign in. An OAuth network asks for little (the instance URL, or
    # the user's own developer app id/secret) and opens the system browser for the rest.
    sign_in_fields: ClassVar[tuple[SignInField, ...]] = ()

    @classmethod
    def sign_in(cls, values: dict[str, str], *, secrets: Any, http: Any,
                browser: Any = None) -> Account:
        """Sign in with ``values`` (keys from ``sign_in_fields``), store the tokens in
        ``secrets`` under the new account's ``secret_key`` and return the account (not yet saved).

        ``browser`` opens a URL (the system browser by default; tests drive it themselves).
        """
        raise NotImplementedError

    @classmethod
    def capabilities_for(cls, account: Account) -> Capabilities:
        """This account's limits, where its server sets its own (a Mastodon instance raises the
        text limit); the class data by default."""
        return cls.capabilities

    def __init__(self, account: Account, secrets: Any, http: Any) -> None:
        """``secrets``: cmdesk.core.secrets store; ``http``: a session from the HTTP factory."""
        self.account = account
        self.secrets = secrets
        self.http = http

    @abstractmethod
    def check(self) -> AccountCheck:
        """Test the connection (and refresh a session that needs it)."""

    @abstractmethod
    def publish(self, request: PublishRequest) -> PublishResult:
        """Create the post (all its thread parts) now."""

    @abstractmethod
    def lookup(self, request: PublishRequest) -> PublishResult | None:
        """After a crash: did the attempt go out? None if the network says no.

        Raises Unconfirmed when the network cannot tell.
        """

    def hand_off(self, request: PublishRequest, at: datetime) -> PublishResult:
        """Give the post to the network's own scheduler for ``at``."""
        raise NotImplementedError

    def update_hand_off(self, remote_id: str, request: PublishRequest, at: datetime) -> PublishResult:
        raise NotImplementedError

    def cancel_hand_off(self, remote_id: str) -> None:
        raise NotImplementedError

    def hand_off_outcome(self, remote_id: str, request: PublishRequest) -> PublishResult | None:
        """After its time: the post the network published from the handed-off copy, or None
        while the network still holds it (its scheduler runs late). Gone: neither."""
        raise NotImplementedError

    def metrics(self, remote_id: str) -> dict[str, int]:
        return {}

    def sign_out(self) -> None:
        """Revoke the token where the network allows it."""
