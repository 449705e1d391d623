# SPDX-License-Identifier: GPL-3.0-or-later
"""The image studio as a user drives it: crop per network, turn, alt text, save."""

from __future__ import annotations

import io

import pytest
from PIL import Image, ImageDraw
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from cmdesk.core.media import fit
from cmdesk.core.model import MediaRef, Post, Target
from cmdesk.core.paths import AppPaths
from cmdesk.gui.studio import ImageStudioDialog
from cmdesk.gui.tasks import TaskRunner


class _Services:
    def __init__(self, workspace, cache):
        self.workspace = workspace
        self.paths = AppPaths(data=workspace.directory, logs=cache, cache=cache)


@pytest.fixture
def portrait(tmp_path):
    path = tmp_path / "croissant.jpg"
    image = Image.new("RGB", (900, 1600), (230, 200, 150))
    ImageDraw.Draw(image).ellipse((200, 500, 700, 1100), fill=(180, 110, 40))
    image.save(path, quality=92)
    return path


@pytest.fixture
def studio(qtbot, workspace, portrait, tmp_path):
    post = Post(text="Nouveau croissant", media=[MediaRef(str(portrait))],
                targets=[Target("a1", "instagram"), Target("a2", "facebook")])
    workspace.posts.save(post)
    runner = TaskRunner()
    dialog = ImageStudioDialog(_Services(workspace, tmp_path / "cache"), runner, post, 0)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: not dialog.canvas._image.isNull(), timeout=10000)
    yield dialog, post, workspace
    runner.shutdown()


def _choose_shape(dialog, name):
    dialog.shape.setCurrentIndex(dialog.shape.findData(name))
    dialog.shape.activated.emit(dialog.shape.currentIndex())


def test_portrait_outside_instagram_range_starts_with_an_accepted_shape(studio):
    dialog, _, _ = studio
    assert dialog.current_network() == "instagram"
    shapes = [dialog.shape.itemData(i) for i in range(dialog.shape.count())]
    assert "9:16" not in shapes and "free" not in shapes
    crop = dialog.canvas.crop()
    w, h = dialog.canvas._image.width(), dialog.canvas._image.height()
    assert (crop.width * w) / (crop.height * h) == pytest.approx(1.0, rel=0.01)


def test_a_crop_per_network_is_saved_and_produces_those_pixels(qtbot, studio, portrait):
    dialog, post, workspace = studio
    _choose_shape(dialog, "4:5")
    qtbot.waitUntil(lambda: "px" in dialog.preview_info.text(), timeout=10000)
    dialog.network_list.setCurrentRow(1)  # Facebook: free shapes, keeps the whole picture
    assert dialog.current_network() == "facebook"
    with qtbot.waitSignal(dialog.saved, timeout=10000):
        dialog.save()
    stored = workspace.posts.get(post.id).media[0]
    assert set(stored.crops) == {"instagram", "facebook"}
    out = fit(stored.path, "instagram", crop=stored.crops["instagram"])
    assert out.width / out.height == pytest.approx(0.8, abs=0.01)
    assert Image.open(io.BytesIO(out.data)).size == (out.width, out.height)
    assert Image.open(portrait).size == (900, 1600)  # the original is untouched


def test_dragging_a_corner_resizes_but_keeps_the_shape(qtbot, studio):
    dialog, _, _ = studio
    _choose_shape(dialog, "4:5")
    canvas = dialog.canvas
    before = canvas.crop()
    corner = canvas.crop_rect().bottomRight().toPoint()
    target = corner - QPoint(80, 80)
    QTest.mousePress(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, corner)
    QTest.mouseMove(canvas, target)
    QTest.mouseRelease(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, target)
    after = canvas.crop()
    assert after.width < before.width
    w, h = canvas._image.width(), canvas._image.height()
    assert (after.width * w) / (after.height * h) == pytest.approx(0.8, rel=0.01)
    assert dialog._media.crops["instagram"] == after


def test_rotating_turns_the_picture_and_resets_crops(qtbot, studio):
    dialog, _, _ = studio
    w, h = dialog.canvas._image.width(), dialog.canvas._image.height()
    dialog.rotate_right.click()
    assert (dialog.canvas._image.width(), dialog.canvas._image.height()) == (h, w)
    assert dialog._media.rotate == 1


def test_alt_text_counters_flag_the_network_over_its_limit(studio):
    dialog, _, _ = studio
    dialog.alt.setPlainText("é" * 1001)  # Instagram and Facebook allow 1,000
    assert "1001 / 1000" in dialog.alt_counters.text()
    assert "#cf222e" in dialog.alt_counters.text()


def test_a_broken_picture_says_why_and_cannot_be_saved(qtbot, workspace, tmp_path):
    broken = tmp_path / "broken.jpg"
    broken.write_text("pas une image")
    post = Post(media=[MediaRef(str(broken))], targets=[Target("a", "facebook")])
    runner = TaskRunner()
    dialog = ImageStudioDialog(_Services(workspace, tmp_path / "c"), runner, post, 0)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: "not a picture" in dialog.preview_info.text(), timeout=10000)
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Save).isEnabled()
    dialog.reject()
    runner.shutdown()
