# SPDX-License-Identifier: GPL-3.0-or-later
"""``cmdesk --screenshot`` writes the main window as a PNG, after the workspace is shown."""

from __future__ import annotations

from PySide6.QtGui import QImage

from cmdesk.gui.screenshot import SIZE
from tests.gui.shell_support import run_cmdesk


def test_screenshot_of_a_demo_workspace_is_a_full_window_png(tmp_path, qapp):
    target = tmp_path / "shots" / "main.png"
    run = run_cmdesk(
        "--data-dir",
        str(tmp_path / "ws"),
        "--demo",
        "--screenshot",
        str(target),
        "--view",
        "week",
        "--date",
        "2026-11-20",
        "--lang",
        "fr",
    )
    assert run.returncode == 0, run.stderr
    image = QImage(str(target))
    assert not image.isNull()
    assert (image.width(), image.height()) == SIZE
    # Not a blank canvas: a rendered window has many colours (text, chips, pictures).
    colours = {image.pixel(x, y) for x in range(0, SIZE[0], 37) for y in range(0, SIZE[1], 23)}
    assert len(colours) > 20
    # Taking a picture must not rewrite the user's remembered window (size, view, date).
    assert not (tmp_path / "ws" / "window.ini").exists()


def test_screenshot_refuses_demo_on_a_used_workspace_and_writes_nothing(tmp_path):
    first = run_cmdesk(
        "--data-dir", str(tmp_path / "ws"), "--demo", "--screenshot", str(tmp_path / "a.png")
    )
    assert first.returncode == 0, first.stderr
    before = sorted(p.name for p in (tmp_path / "ws").iterdir())
    second = run_cmdesk(
        "--data-dir", str(tmp_path / "ws"), "--demo", "--screenshot", str(tmp_path / "b.png")
    )
    assert second.returncode == 1
    assert "--data-dir" in second.stderr  # the message says what to do instead
    assert not (tmp_path / "b.png").exists()
    assert sorted(p.name for p in (tmp_path / "ws").iterdir()) == before
