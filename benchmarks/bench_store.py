# SPDX-License-Identifier: GPL-3.0-or-later
"""The workspace store at 100,000 realistic posts, next to baselines measured in the same run.

Targets (issue "Foundation", store): updating one post, p99 at most 10 x a bare 300-byte
append+fsync on the same disk; the posts of one month in at most 5 ms; opening (replay + indexes)
in at most 1.5 s with at most 300 MB resident. TinyDB's default JSON storage is measured on the
same data (a few rounds: it rewrites the whole file per change) so the gain is visible.
"""

from __future__ import annotations

import gc
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from benchmarks.store_probe import months
from cmdesk.core.model import (
    NETWORKS,
    Crop,
    MediaRef,
    Post,
    Target,
    TargetState,
    Transition,
    to_iso,
)
from cmdesk.core.store import open_workspace

POSTS = int(os.environ.get("CMDESK_BENCH_POSTS", "100000"))
YEARS = 10  # 100,000 posts over ten years: ~830 a month, a busy agency calendar
START = datetime(2020, 1, 1, tzinfo=UTC)
UPDATES = 400
JSON_ROUNDS = 3
WORDS = ["café", "été", "crème", "brûlée", "à", "l'ordre", "du", "jour", "réunion", "équipe", "lancement", "produit", "nouveauté", "découvrez", "notre", "offre", "spéciale", "merci", "à", "tous", "rendez-vous", "demain", "soirée", "événement", "printemps", "Noël", "fêtes", "boutique", "atelier", "🎉", "🚀", "✨", "💜", "🇫🇷", "👩\u200d💻", "☕"]


def make_post(rng: random.Random, n: int) -> Post:
    text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(35, 70)))
    media = [
        MediaRef(path=f"/home/léa/Images/Campagnes/{n % 97}/photo-{n}-{k}.jpg",
                 alt=" ".join(rng.choice(WORDS) for _ in range(rng.randint(4, 12))),
                 crops={"instagram": Crop(0.1, 0.0, 0.8, 1.0)} if k == 0 else {})
        for k in range(rng.randint(1, 4))
    ]
    targets = [Target(account_id=f"{rng.getrandbits(128):032x}", network=net, state=TargetState.SCHEDULED)
               for net in rng.sample(NETWORKS, rng.randint(2, 5))]
    planned = None if rng.random() < 0.03 else START + timedelta(minutes=rng.randrange(YEARS * 365 * 24 * 60))
    return Post(text=text, media=media, targets=targets, planned_at=planned, zone="Europe/Paris",
                tags=[rng.choice(["promo", "été", "noël"])], campaign=f"campagne {n % 50}")


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


class BareAppend:
    """The baseline: a 300-byte append+fsync on the same disk, timed between the store's updates
    so both see the same disk weather (other processes' writes make fsync times drift)."""

    def __init__(self, directory: Path) -> None:
        self._fd = os.open(directory / "baseline.log", os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        self.times: list[float] = []

    def once(self) -> None:
        started = time.perf_counter()
        os.write(self._fd, b"x" * 299 + b"\n")
        os.fsync(self._fd)
        self.times.append(time.perf_counter() - started)

    def close(self) -> None:
        os.close(self._fd)


def probe(kind: str, path: Path) -> dict:
    out = subprocess.run([sys.executable, "-m", "benchmarks.store_probe", kind, str(path)],
                         check=True, capture_output=True, text=True, cwd=Path(__file__).parent.parent)
    return json.loads(out.stdout)


def bench_journaled(root: Path, ids: list[str], rng: random.Random) -> dict:
    directory = root / "journaled"
    workspace = open_workspace(directory)
    snapshot_mb = (directory / "workspace.db").stat().st_size / 1e6
    updates = []
    bare = BareAppend(root)
    for post_id in rng.sample(ids, UPDATES):
        post = workspace.posts.get(post_id)
        post.text += " ✔"
        bare.once()
        started = time.perf_counter()
        workspace.posts.save(post)
        updates.append(time.perf_counter() - started)
    bare.close()
    workspace.close()
    month = probe("months", directory)
    opens = [probe("journaled", directory) for _ in range(3)]
    reads = [probe("read-lines", directory / "workspace.db") for _ in range(3)]
    # The worst case: a journal just under the compaction threshold (an eighth of the snapshot).
    workspace = open_workspace(directory)
    edited = [workspace.posts.get(i) for i in rng.sample(ids, int(len(ids) * 0.09))]
    workspace.posts.save_many(edited)
    del edited
    workspace.close()
    journal_mb = sum(p.stat().st_size for p in directory.glob("workspace.db.journal.*")) / 1e6
    replays = [probe("journaled", directory) for _ in range(3)]
    return {
        "baseline_p99": percentile(bare.times, 99), "baseline_median": statistics.median(bare.times),
        "snapshot_mb": snapshot_mb,
        "update_p99": percentile(updates, 99), "update_median": statistics.median(updates),
        "month": month,
        "open": min(opens, key=lambda o: o["seconds"]),
        "read_lines": min(r["seconds"] for r in reads),
        "replay": min(replays, key=lambda o: o["seconds"]), "journal_mb": journal_mb,
    }


def bench_tinydb_json(root: Path, posts: list[Post], rng: random.Random) -> dict:
    from tinydb import Query, TinyDB

    path = root / "tinydb.json"
    with path.open("w", encoding="utf-8") as f:  # what TinyDB would write, without 100k rewrites
        json.dump({"posts": {str(i + 1): p.to_doc() for i, p in enumerate(posts)}}, f)
    db = TinyDB(path)
    table = db.table("posts")
    updates = []
    for post in rng.sample(posts, JSON_ROUNDS):
        post = Post.from_doc(post.to_doc())
        post.text += " ✔"
        started = time.perf_counter()
        table.upsert(post.to_doc(), Query().id == post.id)
        updates.append(time.perf_counter() - started)
    queries = []
    for start, end in months(rng, JSON_ROUNDS, START.year, YEARS):
        lo, hi = start.strftime("%Y-%m-%dT%H:%M:%S.%fZ"), end.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
        started = time.perf_counter()
        docs = table.search((Query().planned_at != None) & (Query().planned_at >= lo) & (Query().planned_at < hi))
        [Post.from_doc(d) for d in docs]
        queries.append(time.perf_counter() - started)
    db.close()
    return {"update_p99": max(updates), "month_median": statistics.median(queries),
            "open": probe("tinydb-json", path)}


def report(j: dict, t: dict) -> list[str]:
    mb = 1 << 20
    base = j["baseline_p99"]
    opened, replay, tj, m = j["open"], j["replay"], t["open"], j["month"]
    return [
        (f"baseline: bare 300-byte append+fsync p99 {base * 1e3:.2f} ms "
         f"(median {j['baseline_median'] * 1e3:.2f} ms)"),
        (f"update one post: p99 {j['update_p99'] * 1e3:.2f} ms = {j['update_p99'] / base:.1f} x "
         f"baseline (target <= 10 x; median {j['update_median'] * 1e3:.2f} ms); TinyDB JSON "
         f"{t['update_p99'] * 1e3:.0f} ms = {t['update_p99'] / base:.0f} x baseline, "
         f"{t['update_p99'] / j['update_p99']:.0f} x slower"),
        (f"one month by time range ({m['count']:.0f} posts, in a process holding only the store), "
         f"as the calendar reads it (cards from entry headers): median "
         f"{m['cards']['median'] * 1e3:.2f} ms (CPU {m['cards']['cpu'] * 1e3:.2f} ms), p99 "
         f"{m['cards']['p99'] * 1e3:.2f} ms (target <= 5 ms); the index lookup alone "
         f"{m['index']['median'] * 1e3:.3f} ms; TinyDB JSON {t['month_median'] * 1e3:.0f} ms = "
         f"{t['month_median'] / m['cards']['median']:.0f} x slower"),
        (f"the same month decoded whole (what opening every post would cost): documents "
         f"{m['docs']['median'] * 1e3:.2f} ms, Post objects {m['posts']['median'] * 1e3:.2f} ms"),
        f"baseline: reading the snapshot's lines in a fresh process {j['read_lines']:.2f} s",
        (f"open ({j['snapshot_mb']:.0f} MB snapshot): {opened['seconds']:.2f} s = "
         f"{opened['seconds'] / j['read_lines']:.1f} x the plain read, CPU {opened['cpu']:.2f} s "
         f"(target <= 1.5 s), resident {opened['rss'] / mb:.0f} MB (target <= 300 MB; "
         f"{opened['rss_before'] / mb:.0f} MB before opening, peak {opened['peak'] / mb:.0f} MB); "
         f"TinyDB JSON {tj['seconds']:.2f} s, {tj['rss'] / mb:.0f} MB resident after, "
         f"peak {tj['peak'] / mb:.0f} MB"),
        (f"open with {j['journal_mb']:.0f} MB of journal to replay (worst case before compaction): "
         f"{replay['seconds']:.2f} s (CPU {replay['cpu']:.2f} s), resident "
         f"{replay['rss'] / mb:.0f} MB, peak {replay['peak'] / mb:.0f} MB"),
    ]


def run() -> list[str]:
    rng = random.Random(20261122)
    started = time.perf_counter()
    posts = [make_post(rng, n) for n in range(POSTS)]
    sample = posts[:2000]
    doc_bytes = statistics.mean(
        len(json.dumps(p.to_doc(), ensure_ascii=False).encode()) for p in sample)
    shape = (f"text {statistics.mean(len(p.text) for p in sample):.0f} characters, "
             f"{statistics.mean(len(p.media) for p in sample):.1f} pictures with alt text, "
             f"{statistics.mean(len(p.targets) for p in sample):.1f} targets")
    lines = [
        (f"load average at start {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs (figures are "
         "wall-clock; CPU times are given where other processes can distort them)"),
        (f"{POSTS} posts generated in {time.perf_counter() - started:.1f} s, "
         f"{shape}, {doc_bytes:.0f} bytes of JSON each on average (fields at their default "
         "are left out)"),
    ]
    with tempfile.TemporaryDirectory(prefix="cmdesk-bench-store-", dir=Path.home()) as tmp:
        root = Path(tmp)
        t = bench_tinydb_json(root, posts, rng)
        workspace = open_workspace(root / "journaled")
        for i in range(0, len(posts), 5000):
            workspace.posts.save_many(posts[i : i + 5000])
        workspace.compact()
        workspace.close()
        ids = [p.id for p in posts]
        history = write_with_history(root / "history", posts, rng)
        # The app never holds 100,000 Post objects; keeping them here would charge the store
        # with garbage-collector passes over a million objects it does not own.
        del posts
        gc.collect()
        j = bench_journaled(root, ids, rng)
        h = probe("journaled", root / "history")
    mb = 1 << 20
    return lines + report(j, t) + [
        (f"beyond the issue's posts: {history['published']:,} of them published, each target with "
         f"its remote id, URL and a three-step history ({history['bytes']:.0f} bytes of JSON "
         f"each on average): open {h['seconds']:.2f} s, resident {h['rss'] / mb:.0f} MB "
         f"({h['rss'] / mb / 300:.2f} x the 300 MB budget)")]


def write_with_history(directory: Path, posts: list[Post], rng: random.Random) -> dict:
    """The same posts as a workspace of a few years would hold them: the past ones published."""
    now = START + timedelta(days=YEARS * 365 * 2 // 3)
    published = 0
    for post in posts:
        if post.planned_at is None or post.planned_at >= now:
            continue
        published += 1
        at = to_iso(post.planned_at)
        for target in post.targets:
            remote = str(rng.getrandbits(60))
            target.state, target.remote_id = TargetState.PUBLISHED, remote
            target.remote_url = f"https://mastodon.social/@maisonbrioche/{remote}"
            target.published_at, target.lateness_s = at, 0.4
            target.history = [Transition(at, "due"), Transition(at, "publishing"),
                              Transition(at, "published", target.remote_url)]
    workspace = open_workspace(directory)
    for i in range(0, len(posts), 5000):
        workspace.posts.save_many(posts[i : i + 5000])
    workspace.compact()
    workspace.close()
    sample = posts[:2000]
    return {"published": published, "bytes": statistics.mean(
        len(json.dumps(p.to_doc(), ensure_ascii=False).encode()) for p in sample)}
