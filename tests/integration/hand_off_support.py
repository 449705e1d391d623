# SPDX-License-Identifier: GPL-3.0-or-later
"""Shared by the hand-off tests through the publisher: a publisher driven by ``tick()`` over a
contract server's account, and the posts it hands off."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from types import SimpleNamespace

from cmdesk.core.connectors.registry import ConnectorFactory
from cmdesk.core.model import Post, Target
from cmdesk.core.publish.engine import Publisher
from cmdesk.core.secrets import MemorySecretStore
from tests.contract.mastodon import mastodon_routes
from tests.contract.server import ContractServer
from tests.integration.harness import mastodon_account


def start_publisher(workspace, secrets, clock=None) -> Publisher:
    """A publisher as after a (re)start: recovery runs, then tests drive ``tick()``."""
    publisher = Publisher(workspace, ConnectorFactory(secrets), probe=lambda host: True,
                          **({"clock": clock} if clock is not None else {}))
    publisher.start(threads=False)
    return publisher


@contextmanager
def mastodon_hand_off(workspace, clock=None) -> Iterator[SimpleNamespace]:
    """A Mastodon contract server, a signed-in account and a publisher; ``restart()`` replaces
    the publisher by a fresh one on the same workspace, as after the process died. With a
    ``clock``, the publisher and the server both keep its time."""
    with ContractServer() as server:
        mastodon_routes(server)
        if clock is not None:
            server.state["now"] = clock.now
        secrets = MemorySecretStore()
        account = workspace.accounts.save(mastodon_account(server, secrets, "@brand"))
        made = [start_publisher(workspace, secrets, clock)]

        def restart() -> Publisher:
            made[-1].stop()  # the dead process's lock goes with it
            made.append(start_publisher(workspace, secrets, clock))
            return made[-1]

        try:
            yield SimpleNamespace(server=server, account=account, publisher=made[0],
                                  restart=restart)
        finally:
            made[-1].stop()


def planned_post(workspace, account, at, text="hello later") -> Post:
    return workspace.posts.save(Post(text=text, planned_at=at, hand_off=True,
                                     targets=[Target(account.id, account.network)]))


def target_of(workspace, post) -> Target:
    return workspace.posts.get(post.id).targets[0]


def edit(workspace, post, **changes) -> None:
    """What the composer saves: the post with the user's changes."""
    fresh = workspace.posts.get(post.id)
    for name, value in changes.items():
        setattr(fresh, name, value)
    workspace.posts.save(fresh)
