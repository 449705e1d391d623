# SPDX-License-Identifier: GPL-3.0-or-later
"""The writer the crash test kills: random saves and deletes, each announced on stdout.

``T <op json>`` is printed before a repository call and ``A`` right after it returned (the change is
acknowledged), so the reader always knows which change was in flight when the SIGKILL landed.
Every post carries its version three times (text, tag, planned minute) so a half-written document
would show. Compaction is made frequent and announced (``C start`` / ``C done``).
"""

from __future__ import annotations

import json
import random
import sys
import threading
from datetime import UTC, datetime, timedelta

from cmdesk.core.model import Post, Target
from cmdesk.core.store import open_workspace

BASE = datetime(2030, 1, 1, tzinfo=UTC)
FILLER = "données été 🎉 " * 40  # realistic size, so compaction takes a while
_out = threading.Lock()


def say(line: str) -> None:
    with _out:
        sys.stdout.write(line + "\n")
        sys.stdout.flush()


def make(post_id: str, version: int) -> Post:
    return Post(id=post_id, text=f"{post_id} v{version} {FILLER}", tags=[str(version)],
                planned_at=BASE + timedelta(minutes=version),
                targets=[Target(account_id="acct", network="mastodon")])


def main(directory: str, seed: int, compact_bytes: int) -> None:
    rng = random.Random(seed)
    workspace = open_workspace(directory, compact_bytes=compact_bytes)
    workspace.db.engine.on_compaction = lambda event: say(f"C {event}")
    versions = {p.id: int(p.tags[0]) for p in workspace.posts.all()}
    serial = max((int(i[1:]) for i in versions), default=0)

    def fresh() -> str:
        nonlocal serial
        serial += 1
        return f"p{serial:06d}"

    say("R")  # ready
    while True:
        roll = rng.random()
        if roll < 0.25 or len(versions) < 50:
            ids = [fresh()] if roll < 0.2 or len(versions) >= 50 else [fresh() for _ in range(40)]
        elif roll < 0.6:
            ids = [rng.choice(list(versions))]
        elif roll < 0.75:
            ids = rng.sample(list(versions), 2) + [fresh()]
        else:
            ids = rng.sample(list(versions), rng.randint(1, 3))
            say("T " + json.dumps({"delete": ids}))
            if len(ids) == 1:
                workspace.posts.delete(ids[0])
            else:
                workspace.posts.delete_many(ids)
            say("A")
            for i in ids:
                del versions[i]
            continue
        new = {i: versions.get(i, 0) + 1 for i in ids}
        say("T " + json.dumps({"save": new}))
        if len(ids) == 1:
            workspace.posts.save(make(ids[0], new[ids[0]]))
        else:
            workspace.posts.save_many([make(i, v) for i, v in new.items()])
        say("A")
        versions.update(new)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))
