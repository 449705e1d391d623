# SPDX-License-Identifier: GPL-3.0-or-later
"""Posts, targets, accounts and media references, and their stored (document) form.

Documents are plain dicts so the store stays a TinyDB. Times are stored as an instant in UTC
(ISO 8601 with a trailing ``Z``) plus the IANA zone the user planned in, so a post never shifts
when clocks change or when it is seen from another workspace zone.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime, timezone
from enum import StrEnum
from typing import Any

SCHEMA_VERSION = 1

NETWORKS = (
    "mastodon",
    "bluesky",
    "x",
    "linkedin",
    "facebook",
    "instagram",
    "threads",
    "telegram",
    "discord",
    "wordpress",
)


class TargetState(StrEnum):
    """Where one (post, account) pair stands on its way out. See design.md, Publishing."""

    DRAFT = "draft"
    SCHEDULED = "scheduled"
    DUE = "due"
    PUBLISHING = "publishing"
    PUBLISHED = "published"
    FAILED = "failed"
    RETRY_WAIT = "retry_wait"
    WAITING_NETWORK = "waiting_network"
    NEEDS_AUTH = "needs_auth"
    UNCONFIRMED = "unconfirmed"
    HANDED_OFF = "handed_off"


_STATES = {str(s): s for s in TargetState}  # a dict lookup: TargetState(value) costs 3 us

# States in which the post has left (or may have left) the user's hands: moving or editing the
# post must not silently change what went out.
SETTLED_STATES = frozenset({TargetState.PUBLISHED})
IN_FLIGHT_STATES = frozenset({TargetState.PUBLISHING, TargetState.UNCONFIRMED})


def new_id() -> str:
    return uuid.uuid4().hex


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


def to_iso(moment: datetime | None) -> str | None:
    """An aware datetime as a UTC ISO string ending in Z (sortable as text)."""
    if moment is None:
        return None
    if moment.tzinfo is None:
        raise ValueError("naive datetime: every stored instant must carry its zone")
    # isoformat, not strftime: a third of the time, and it pads years below 1000 (sortable).
    return moment.astimezone(timezone.utc).isoformat(timespec="microseconds")[:-6] + "Z"


def from_iso(text: str | None) -> datetime | None:
    if not text:
        return None
    moment = datetime.fromisoformat(text)  # reads a trailing Z as UTC since Python 3.11
    return moment if moment.tzinfo is timezone.utc else moment.astimezone(timezone.utc)


# Fields a document leaves out while they hold these values; from_doc restores them. An
# unpublished target is mostly empty fields: leaving them out makes a post's document about a third
# smaller, which is memory (documents stay encoded in memory) and decoding time at 100,000 posts.
_MEDIA_DEFAULTS = {"crops": {}, "focal": None, "rotate": 0, "flip": False}
_TARGET_DEFAULTS = {"remote_id": None, "remote_url": None, "error": None, "not_before": None,
                    "published_at": None, "history": [], "lateness_s": None,
                    "needs_decision": False}
_POST_DEFAULTS = {"variants": {}, "thread": [], "tags": [], "campaign": "", "poll": None,
                  "options": {}, "hand_off": False}


def _without_defaults(doc: dict[str, Any], defaults: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in doc.items() if k not in defaults or v != defaults[k]}


@dataclass
class Crop:
    """A crop as fractions of the upright image: x, y, width, height in [0, 1]."""

    x: float = 0.0
    y: float = 0.0
    width: float = 1.0
    height: float = 1.0

    def to_doc(self) -> list[float]:
        return [self.x, self.y, self.width, self.height]

    @classmethod
    def from_doc(cls, doc: list[float] | None) -> Crop | None:
        return cls(*doc) if doc else None


@dataclass
class MediaRef:
    """A picture on the user's disk. The file is referenced, never copied or modified."""

    path: str
    alt: str = ""
    crops: dict[str, Crop] = field(default_factory=dict)  # network -> crop
    focal: tuple[float, float] | None = None  # fractions of the upright image
    rotate: int = 0  # quarter turns clockwise, applied before the crop
    flip: bool = False

    def to_doc(self) -> dict[str, Any]:
        return _without_defaults({
            "path": self.path,
            "alt": self.alt,
            "crops": {k: c.to_doc() for k, c in self.crops.items()},
            "focal": list(self.focal) if self.focal else None,
            "rotate": self.rotate,
            "flip": self.flip,
        }, _MEDIA_DEFAULTS)

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> MediaRef:
        return cls(
            path=doc["path"],
            alt=doc.get("alt", ""),
            crops={k: Crop(*v) for k, v in (doc.get("crops") or {}).items()},
            focal=tuple(doc["focal"]) if doc.get("focal") else None,
            rotate=doc.get("rotate", 0),
            flip=doc.get("flip", False),
        )


@dataclass
class Transition:
    """One stored step of a target's history."""

    at: str  # ISO UTC
    state: str
    note: str = ""  # e.g. the network's reason, the lateness, the remote URL

    def to_doc(self) -> dict[str, Any]:
        return {"at": self.at, "state": self.state, "note": self.note}


@dataclass
class Target:
    """One (post, account) pair and its publishing state."""

    account_id: str
    network: str
    state: TargetState = TargetState.DRAFT
    remote_id: str | None = None
    remote_url: str | None = None
    error: str | None = None
    not_before: str | None = None  # ISO UTC: retry_wait / rate limit end
    published_at: str | None = None
    history: list[Transition] = field(default_factory=list)
    # Seconds between the planned instant and the request that sent it: the calendar shows a
    # late post as late, never as on time.
    lateness_s: float | None = None
    # Fell due too late for the catch-up policy: held in ``due`` until the user decides.
    needs_decision: bool = False

    def to_doc(self) -> dict[str, Any]:
        return _without_defaults({
            "account_id": self.account_id,
            "network": self.network,
            "state": str(self.state),
            "remote_id": self.remote_id,
            "remote_url": self.remote_url,
            "error": self.error,
            "not_before": self.not_before,
            "published_at": self.published_at,
            "history": [t.to_doc() for t in self.history],
            "lateness_s": self.lateness_s,
            "needs_decision": self.needs_decision,
        }, _TARGET_DEFAULTS)

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> Target:
        return cls(
            account_id=doc["account_id"],
            network=doc["network"],
            state=_STATES.get(doc.get("state", "draft")) or TargetState(doc["state"]),
            remote_id=doc.get("remote_id"),
            remote_url=doc.get("remote_url"),
            error=doc.get("error"),
            not_before=doc.get("not_before"),
            published_at=doc.get("published_at"),
            history=[Transition(**t) for t in doc.get("history", [])],
            lateness_s=doc.get("lateness_s"),
            needs_decision=doc.get("needs_decision", False),
        )


@dataclass
class Post:
    """A post planned once and published to several accounts.

    ``planned_at`` is None for a draft (unscheduled). ``variants`` holds the per-network text
    only where the user edited it; a network without a variant follows ``text``.
    ``thread`` holds the parts after the first when the post is a thread.
    """

    id: str = field(default_factory=new_id)
    text: str = ""
    variants: dict[str, str] = field(default_factory=dict)
    thread: list[str] = field(default_factory=list)
    media: list[MediaRef] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    planned_at: datetime | None = None
    zone: str = "UTC"
    tags: list[str] = field(default_factory=list)
    campaign: str = ""
    poll: dict[str, Any] | None = None  # {"options": [...], "expires_in": s, "multiple": bool}
    options: dict[str, dict[str, Any]] = field(default_factory=dict)  # network -> extras
    hand_off: bool = False  # let networks with native scheduling hold the post
    created_at: datetime = field(default_factory=utc_now)
    updated_at: datetime = field(default_factory=utc_now)

    def text_for(self, network: str) -> str:
        return self.variants.get(network, self.text)

    @property
    def is_draft(self) -> bool:
        return self.planned_at is None

    def to_doc(self) -> dict[str, Any]:
        return _without_defaults({
            "id": self.id,
            "schema": SCHEMA_VERSION,
            "text": self.text,
            "variants": dict(self.variants),
            "thread": list(self.thread),
            "media": [m.to_doc() for m in self.media],
            "targets": [t.to_doc() for t in self.targets],
            "planned_at": to_iso(self.planned_at),
            "zone": self.zone,
            "tags": list(self.tags),
            "campaign": self.campaign,
            "poll": self.poll,
            "options": self.options,
            "hand_off": self.hand_off,
            "created_at": to_iso(self.created_at),
            "updated_at": to_iso(self.updated_at),
        }, _POST_DEFAULTS)

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> Post:
        return cls(
            id=doc["id"],
            text=doc.get("text", ""),
            variants=dict(doc.get("variants") or {}),
            thread=list(doc.get("thread") or []),
            media=[MediaRef.from_doc(m) for m in doc.get("media") or []],
            targets=[Target.from_doc(t) for t in doc.get("targets") or []],
            planned_at=from_iso(doc.get("planned_at")),
            zone=doc.get("zone", "UTC"),
            tags=list(doc.get("tags") or []),
            campaign=doc.get("campaign", ""),
            poll=doc.get("poll"),
            options=dict(doc.get("options") or {}),
            hand_off=doc.get("hand_off", False),
            created_at=from_iso(doc.get("created_at")) or utc_now(),
            updated_at=from_iso(doc.get("updated_at")) or utc_now(),
        )


@dataclass
class Slot:
    """A recurring posting slot: local wall-clock time and zone, so it never drifts at DST."""

    weekday: int  # Monday = 0
    time: str  # "HH:MM"
    zone: str

    def to_doc(self) -> dict[str, Any]:
        return {"weekday": self.weekday, "time": self.time, "zone": self.zone}


@dataclass
class Account:
    """A connected account. Secrets live in the keyring under ``secret_key``, never here."""

    network: str
    name: str  # what the user sees: @brand@mastodon.social, brand.bsky.social, "Blog"
    id: str = field(default_factory=new_id)
    server: str = ""  # base URL (instance, PDS, WordPress site) where relevant
    settings: dict[str, Any] = field(default_factory=dict)  # non-secret: user id, channel, ...
    slots: list[Slot] = field(default_factory=list)
    status: str = "connected"  # connected | needs_auth | disabled
    expires_at: str | None = None  # ISO UTC of the token's end, when the network says

    @property
    def secret_key(self) -> str:
        return f"account:{self.id}"

    def to_doc(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "schema": SCHEMA_VERSION,
            "network": self.network,
            "name": self.name,
            "server": self.server,
            "settings": self.settings,
            "slots": [s.to_doc() for s in self.slots],
            "status": self.status,
            "expires_at": self.expires_at,
        }

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> Account:
        return cls(
            id=doc["id"],
            network=doc["network"],
            name=doc.get("name", ""),
            server=doc.get("server", ""),
            settings=dict(doc.get("settings") or {}),
            slots=[Slot(**s) for s in doc.get("slots") or []],
            status=doc.get("status", "connected"),
            expires_at=doc.get("expires_at"),
        )
