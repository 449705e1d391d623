# SPDX-License-Identifier: GPL-3.0-or-later
"""Builds resources/translations/*.ts into .qm files next to the package, when they are newer."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "resources" / "translations"
TARGET = ROOT / "src" / "cmdesk" / "resources" / "translations"


def main() -> int:
    lrelease = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent))
    if lrelease is None:
        print("pyside6-lrelease not found (is PySide6 installed?)", file=sys.stderr)
        return 1
    TARGET.mkdir(parents=True, exist_ok=True)
    for ts in sorted(SOURCE.glob("*.ts")):
        qm = TARGET / ts.with_suffix(".qm").name
        if qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
            continue
        subprocess.run([lrelease, "-silent", str(ts), "-qm", str(qm)], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
