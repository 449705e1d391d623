# SPDX-License-Identifier: GPL-3.0-or-later
"""While a crop handle is dragged, the preview renders only the newest crop, never a backlog."""

from __future__ import annotations

import io
import threading

from PIL import Image

from cmdesk.gui.studio.renderer import LatestWinsRenderer


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4)).save(buffer, "PNG")
    return buffer.getvalue()


def test_requests_overtaken_while_rendering_are_dropped(qtbot):
    gate = threading.Event()
    started = threading.Event()
    rendered_params = []

    def render(params):
        rendered_params.append(params)
        started.set()
        gate.wait(10)
        return _png(), {"params": params}

    renderer = LatestWinsRenderer(render)
    seen = []
    renderer.rendered.connect(lambda gen, image, info: seen.append((gen, info["params"])))
    renderer.request(0)
    assert started.wait(5)
    for i in range(1, 40):  # a drag: 39 positions while the first render is busy
        renderer.request(i)
    gate.set()
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=5000)
    renderer.close()
    assert rendered_params == [0, 39]
    assert seen[-1] == (renderer.latest, 39)


def test_a_failing_render_reports_instead_of_killing_the_worker(qtbot):
    def render(params):
        if params == "bad":
            raise ValueError("broken picture")
        return _png(), {}

    renderer = LatestWinsRenderer(render)
    results = []
    renderer.rendered.connect(lambda gen, image, info: results.append((image is None, info)))
    renderer.request("bad")
    qtbot.waitUntil(lambda: len(results) == 1, timeout=5000)
    renderer.request("good")
    qtbot.waitUntil(lambda: len(results) == 2, timeout=5000)
    renderer.close()
    assert results[0] == (True, "broken picture") and results[1][0] is False
