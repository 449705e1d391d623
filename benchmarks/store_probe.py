# SPDX-License-Identifier: GPL-3.0-or-later
"""Run in a fresh interpreter by bench_store: open a store and report time and resident memory.

``python -m benchmarks.store_probe journaled|tinydb-json|read-lines <path>`` prints one JSON line. A fresh
process is the only honest way to see opening cost and memory (no warm caches of the parent).
"""

from __future__ import annotations

import json
import sys
import time

import psutil


def main(kind: str, path: str) -> None:
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
    print(json.dumps({"seconds": elapsed, "cpu": cpu, "rss": rss, "peak": peak, "rss_before": rss_before,
                      "count": count}))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
