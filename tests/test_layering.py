# SPDX-License-Identifier: GPL-3.0-or-later
"""cmdesk.core must run headless: no module under it may import Qt or the GUI."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import cmdesk.core

CORE = Path(cmdesk.core.__file__).parent
FORBIDDEN = ("PySide6", "shiboken6", "cmdesk.gui", "PyQt5", "PyQt6")


def _imports(path: Path) -> list[str]:
    names = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.append(node.module)
    return names


def test_no_core_module_names_qt_or_gui():
    offenders = [
        f"{py.relative_to(CORE)} imports {name}"
        for py in CORE.rglob("*.py")
        for name in _imports(py)
        if name.split(".")[0] in FORBIDDEN or name.startswith("cmdesk.gui")
    ]
    assert offenders == []


def test_importing_every_core_module_loads_no_qt():
    # Catches indirect imports too (a core module importing a library that pulls in Qt).
    modules = [
        "cmdesk.core." + ".".join(py.relative_to(CORE).with_suffix("").parts)
        for py in CORE.rglob("*.py")
        if py.name != "__init__.py"
    ]
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6','shiboken6','PyQt5','PyQt6')"
        " or m.startswith('cmdesk.gui')]\n"
        "print(bad); sys.exit(1 if bad else 0)\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
