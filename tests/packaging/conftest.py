# SPDX-License-Identifier: GPL-3.0-or-later
"""The frozen build, made once per test session by packaging/build.sh (reused when unchanged)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DIST = ROOT / "dist" / "cmdesk"


@pytest.fixture(scope="session")
def frozen():
    build = subprocess.run(
        ["bash", str(ROOT / "packaging" / "build.sh")],
        capture_output=True,
        text=True,
        timeout=900,
        cwd=ROOT,
    )
    assert build.returncode == 0, build.stdout[-3000:] + build.stderr[-3000:]
    print(build.stdout.strip().splitlines()[-1])  # build time and folder size, in the test log
    return DIST
