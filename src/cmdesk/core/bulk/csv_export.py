# SPDX-License-Identifier: GPL-3.0-or-later
"""Posts to a CSV that ``csv_import`` reads back into the same posts (times, zones, accounts,
images, alt texts, tags, campaign). Per-network variants, threads and polls stay in the store."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from pathlib import Path

from cmdesk.core.bulk.columns import COLUMNS, LIST_SEPARATOR
from cmdesk.core.model import Account, Post
from cmdesk.core.schedule import planner


def account_labels(accounts: Iterable[Account]) -> dict[str, str]:
    """Account id -> what the CSV shows: the name when unique (readable), else the id."""
    accounts = list(accounts)
    counts: dict[str, int] = {}
    for account in accounts:
        counts[account.name.lower()] = counts.get(account.name.lower(), 0) + 1
    return {a.id: a.name if counts[a.name.lower()] == 1 and a.name else a.id for a in accounts}


def post_row(post: Post, labels: dict[str, str]) -> list[str]:
    day = clock = ""
    if post.planned_at is not None:
        local = planner.to_local(post.planned_at, post.zone)
        day, clock = local.date().isoformat(), local.strftime("%H:%M")
    cells = {
        "date": day,
        "time": clock,
        "zone": post.zone,
        "text": post.text,
        "accounts": LIST_SEPARATOR.join(labels.get(t.account_id, t.account_id)
                                        for t in post.targets),
        "networks": "",
        "images": LIST_SEPARATOR.join(m.path for m in post.media),
        "alt_texts": LIST_SEPARATOR.join(m.alt.replace(LIST_SEPARATOR, "/") for m in post.media)
        if any(m.alt for m in post.media) else "",
        "tags": LIST_SEPARATOR.join(post.tags),
        "campaign": post.campaign,
    }
    return [cells[name] for name in COLUMNS]


def export_csv_text(posts: Iterable[Post], accounts: Iterable[Account]) -> str:
    """Scheduled posts in time order, then drafts; UTF-8 with a BOM so spreadsheets guess right."""
    labels = account_labels(accounts)
    posts = sorted(posts, key=lambda p: (p.planned_at is None, p.planned_at or p.created_at))
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for post in posts:
        writer.writerow(post_row(post, labels))
    return out.getvalue()


def export_csv(path: str | Path, posts: Iterable[Post], accounts: Iterable[Account]) -> int:
    text = export_csv_text(list(posts), accounts)
    write_atomically(Path(path), ("\ufeff" + text).encode("utf-8"))
    return text.count("\r\n") - 1


def write_atomically(path: Path, data: bytes) -> None:
    # A crash mid-export must not leave a truncated file where a good one was.
    tmp = path.with_name(path.name + ".part")
    tmp.write_bytes(data)
    tmp.replace(path)
