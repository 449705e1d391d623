# SPDX-License-Identifier: GPL-3.0-or-later
"""Run the benchmarks: ``python -m benchmarks [name ...]``.

Every ``benchmarks/bench_<name>.py`` exposes ``run() -> list[str]``; the lines are printed as they
come. Figures are ratios against baselines measured in the same run, so they mean the same thing on
a laptop and on a CI runner; the runner itself only finds, runs and reports.
"""

from __future__ import annotations

import importlib
import sys
import time
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent


def discover() -> list[str]:
    return sorted(p.stem.removeprefix("bench_") for p in HERE.glob("bench_*.py"))


def main(argv: list[str]) -> int:
    available = discover()
    wanted = argv or available
    unknown = [name for name in wanted if name not in available]
    if unknown:
        print(f"unknown benchmark(s): {', '.join(unknown)}; available: {', '.join(available)}")
        return 2
    failed = 0
    for name in wanted:
        print(f"== {name}", flush=True)
        started = time.perf_counter()
        try:
            module = importlib.import_module(f"benchmarks.bench_{name}")
            for line in module.run():
                print(f"   {line}", flush=True)
        except Exception:  # noqa: BLE001 - one broken bench must not hide the others' figures
            failed += 1
            traceback.print_exc()
        print(f"   ({time.perf_counter() - started:.1f} s)", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
