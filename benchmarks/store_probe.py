# SPDX-License-Identifier: GPL-3.0-or-later
"""Run in a fresh interpreter by bench_store: open a store, report time and resident memory, or
time calendar queries in a process that holds nothing but the store, as the app does.

``python -m benchmarks.store_probe journaled|tinydb-json|read-lines|months <path>`` prints one JSON
line. A fresh process is the only honest way to see opening cost and memory (no warm caches, no
heap left fragmented by generating 100,000 posts in the parent).
"""

from __future__ import annotations

import json
import random
import statistics
import sys
import time
from datetime import UTC, datetime

import psutil

MONTH_QUERIES = 60


def months(rng: random.Random, count: int, first_year: int, years: int) -> list[tuple[datetime, datetime]]:
    result = []
    for _ in range(count):
        year, month = first_year + rng.randrange(years), 1 + rng.randrange(12)
        start = datetime(year, month, 1, tzinfo=UTC)
        end = datetime(year + month // 12, month % 12 + 1, 1, tzinfo=UTC)
        result.append((start, end))
    return result


def time_months(path: str) -> dict:
    from cmdesk.core.services import freeze_long_lived
    from cmdesk.core.store import open_workspace

    workspace = open_workspace(path)
    freeze_long_lived()  # as the app and --headless do once the workspace is open
    posts = workspace.posts
    figures: dict[str, dict[str, float]] = {}
    counts = []
    rng = random.Random(7)
    for name, query in (("index", posts.count_between), ("cards", posts.cards_between),
                        ("docs", posts.docs_between), ("posts", posts.between)):
        wall, cpu = [], []
        for start, end in months(rng, MONTH_QUERIES, 2020, 10):
            started, cpu_started = time.perf_counter(), time.process_time()
            found = query(start, end)
            wall.append(time.perf_counter() - started)
            cpu.append(time.process_time() - cpu_started)
            if name == "cards":
                counts.append(len(found))
        wall.sort()
        figures[name] = {"median": statistics.median(wall), "p99": wall[round(0.99 * (len(wall) - 1))],
                         "cpu": statistics.median(cpu)}
    workspace.close()
    return {**figures, "count": statistics.median(counts)}


def main(kind: str, path: str) -> None:
    if kind == "months":
        print(json.dumps(time_months(path)))
        return
    rss_before = psutil.Process().memory_info().rss
    started, cpu_started = time.perf_counter(), time.process_time()
    if kind == "read-lines":  # the baseline: the snapshot's lines read, nothing else
        with open(path, "rb", buffering=1 << 20) as f:
            count = sum(1 for _ in f)
    elif kind == "journaled":
        from cmdesk.core.store import open_workspace

        workspace = open_workspace(path)
        count = len(workspace.posts)
    else:
        from tinydb import TinyDB

        db = TinyDB(path)
        count = len(db.table("posts"))  # TinyDB reads (and parses) the file on first access
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    rss = psutil.Process().memory_info().rss
    # VmHWM, not ru_maxrss: Linux carries ru_maxrss over from the forking parent across exec.
    with open("/proc/self/status") as status:
        peak = next(int(line.split()[1]) * 1024 for line in status if line.startswith("VmHWM:"))
    print(json.dumps({"seconds": elapsed, "cpu": cpu, "rss": rss, "peak": peak,
                      "rss_before": rss_before, "count": count}))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
