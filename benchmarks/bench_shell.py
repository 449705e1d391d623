# SPDX-License-Identifier: GPL-3.0-or-later
"""Start-up: from ``cmdesk`` to the main window showing a month of posts, against a baseline
measured in the same run (a bare Python starting a QApplication and showing an empty window,
the least any Qt app pays).

Target: the demo month (44 posts, 6 accounts) is on screen within a few baselines, so the app
feels as quick to open as any Qt window; the frozen build is measured the same way when
dist/cmdesk exists (make package).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ROUNDS = 3
BASELINE = (
    "from PySide6.QtWidgets import QApplication, QMainWindow\n"
    "app = QApplication([]); w = QMainWindow(); w.resize(1280, 800); w.show()\n"
    "from PySide6.QtCore import QTimer\n"
    "QTimer.singleShot(0, lambda: (w.grab().save('{out}'), app.quit())); app.exec()\n"
)


def _median_s(argv_for) -> float:
    times = []
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    for index in range(ROUNDS):
        with tempfile.TemporaryDirectory() as scratch:
            argv = argv_for(Path(scratch), index)
            started = time.perf_counter()
            subprocess.run(argv, check=True, capture_output=True, env=env, cwd=ROOT, timeout=300)
            times.append(time.perf_counter() - started)
    return statistics.median(times)


def _prepared_workspace() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="cmdesk-bench-"))
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "cmdesk",
            "--data-dir",
            str(folder / "ws"),
            "--demo",
            "--screenshot",
            str(folder / "first.png"),
        ],
        check=True,
        capture_output=True,
        env=env,
        cwd=ROOT,
        timeout=300,
    )
    return folder / "ws"


def _line(kind: str, seconds: float, baseline: float) -> str:
    label = f"cmdesk: demo month on screen ({kind})"
    return f"{label:<40} {seconds * 1000:7.0f} ms  = {seconds / baseline:4.1f} x baseline"


def run() -> list[str]:
    baseline = _median_s(lambda d, _i: [sys.executable, "-c", BASELINE.format(out=d / "b.png")])
    workspace = _prepared_workspace()
    source = _median_s(
        lambda d, _i: [
            sys.executable,
            "-m",
            "cmdesk",
            "--data-dir",
            str(workspace),
            "--screenshot",
            str(d / "s.png"),
        ]
    )
    lines = [
        f"baseline: empty Qt window on screen      {baseline * 1000:7.0f} ms",
        _line("source", source, baseline),
    ]
    frozen = ROOT / "dist" / "cmdesk" / "cmdesk"
    if frozen.exists():
        built = _median_s(
            lambda d, _i: [
                str(frozen),
                "--data-dir",
                str(workspace),
                "--screenshot",
                str(d / "f.png"),
            ]
        )
        lines.append(_line("frozen", built, baseline))
    return lines
