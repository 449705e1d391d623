# SPDX-License-Identifier: GPL-3.0-or-later
"""A second launch on the same workspace brings the first window forward and starts nothing,
also while the first is still loading (holds the workspace, does not answer yet)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QDir
from PySide6.QtWidgets import QMessageBox

from cmdesk.core.store import open_workspace
from cmdesk.gui import single_instance
from cmdesk.gui.single_instance import InstanceServer, activate_running, server_name
from tests.gui.shell_support import ROOT


def test_second_launch_on_the_same_workspace_activates_the_first(tmp_path, qtbot):
    server = InstanceServer(tmp_path / "ws")
    assert server.listen()
    try:
        child = subprocess.Popen(
            [sys.executable, "-m", "cmdesk", "--data-dir", str(tmp_path / "ws")],
            cwd=ROOT,
            env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        with qtbot.waitSignal(server.activation_requested, timeout=60_000):
            pass
        out, err = child.communicate(timeout=60)
        assert child.returncode == 0, err
    finally:
        server.close()
    # The second launch never opened the store: no second writer, no second publisher.
    assert not (tmp_path / "ws" / "logs").exists() or "publisher started" not in (
        (tmp_path / "ws" / "logs" / "cmdesk.log").read_text(encoding="utf-8")
    )
    assert not any(p.name.startswith("workspace") for p in (tmp_path / "ws").iterdir())


def test_other_workspaces_are_independent(tmp_path, qtbot):
    assert server_name(tmp_path / "a") != server_name(tmp_path / "b")
    assert server_name(tmp_path / "a") == server_name(tmp_path / "x" / ".." / "a")
    server = InstanceServer(tmp_path / "a")
    assert server.listen()
    try:
        assert activate_running(tmp_path / "b") is False
        with qtbot.waitSignal(server.activation_requested, timeout=10_000):
            assert activate_running(tmp_path / "a") is True
    finally:
        server.close()


def test_a_stale_socket_from_a_crashed_instance_does_not_block_start(tmp_path, qtbot):
    # A crashed instance leaves its socket file behind with nobody listening on it.
    path = Path(QDir.tempPath()) / server_name(tmp_path / "ws")
    stale = socket.socket(socket.AF_UNIX)
    stale.bind(str(path))
    stale.close()
    try:
        assert activate_running(tmp_path / "ws") is False
        server = InstanceServer(tmp_path / "ws")
        assert server.listen()
        with qtbot.waitSignal(server.activation_requested, timeout=10_000):
            assert activate_running(tmp_path / "ws") is True
        server.close()
    finally:
        path.unlink(missing_ok=True)


def test_two_real_launches_one_window(tmp_path, qtbot):
    # Both processes are the real app: the second must hand over and exit, never open the store.
    folder = tmp_path / "ws"
    log = folder / "logs" / "cmdesk.log"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    argv = [sys.executable, "-m", "cmdesk", "--data-dir", str(folder)]
    first = subprocess.Popen(
        argv, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        qtbot.waitUntil(
            lambda: log.exists() and "workspace loaded" in log.read_text(encoding="utf-8"),
            timeout=60_000,
        )
        second = subprocess.run(argv, cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
        assert second.returncode == 0, second.stderr
        qtbot.waitUntil(
            lambda: "window brought forward" in log.read_text(encoding="utf-8"), timeout=30_000
        )
        text = log.read_text(encoding="utf-8")
        assert text.count("workspace loaded") == 1
        assert "already runs" in text  # what the second launch wrote before leaving
        first.send_signal(signal.SIGTERM)
        assert first.wait(timeout=60) == 0
    finally:
        if first.poll() is None:
            first.kill()


@pytest.fixture
def errors(monkeypatch):
    """Error boxes recorded instead of shown (they are modal)."""
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text, *a: shown.append(text))
    return shown


@pytest.fixture
def launch(shell_on):
    """A second launch on a folder, started as the app starts it."""
    def start(folder):
        shell = shell_on(folder)
        shell.start()
        return shell

    return start


def test_a_launch_while_the_first_is_still_loading_waits_and_brings_it_forward(
    tmp_path, qtbot, errors, launch
):
    # The first launch holds the workspace but does not listen yet: it is still loading.
    folder = tmp_path / "ws"
    first = open_workspace(folder)
    server = InstanceServer(folder)
    try:
        second = launch(folder)
        with qtbot.waitSignal(second.window.load_failed, timeout=20_000):
            pass  # the workspace is locked
        assert errors == [] and not second.window.isVisible()
        # It keeps asking, out of sight, while nobody listens...
        qtbot.waitUntil(lambda: second.holder_wait.attempts >= 3, timeout=10_000)
        assert errors == []
        # ...and the first, loaded at last, is brought forward; the second leaves quietly.
        with qtbot.waitSignal(server.activation_requested, timeout=10_000):
            assert server.listen()
        qtbot.waitUntil(lambda: second.window.quitting, timeout=10_000)
        assert errors == [] and second.exit_code == 0
    finally:
        server.close()
        first.close()


def test_a_holder_that_never_answers_is_named_after_the_wait(tmp_path, qtbot, errors, launch,
                                                             monkeypatch):
    # A --headless run or a command holds the workspace and never will answer.
    monkeypatch.setattr(single_instance, "WAIT_FOR_HOLDER_MS", 400)
    folder = tmp_path / "ws"
    holder = open_workspace(folder)
    try:
        second = launch(folder)
        qtbot.waitUntil(lambda: errors != [], timeout=20_000)
        assert second.holder_wait.attempts > 1  # it waited before saying so
        assert len(errors) == 1 and "already open in another cmdesk process" in errors[0]
        assert second.exit_code == 1
    finally:
        holder.close()


def test_a_real_second_launch_during_the_first_ones_load_exits_quietly(tmp_path, qtbot):
    folder = tmp_path / "ws"
    log = folder / "logs" / "cmdesk.log"
    first = open_workspace(folder)  # the first launch, still loading: locked, not listening
    server = InstanceServer(folder)
    child = subprocess.Popen(
        [sys.executable, "-m", "cmdesk", "--data-dir", str(folder)],
        cwd=ROOT,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        qtbot.waitUntil(
            lambda: log.exists() and "waiting for it to answer" in log.read_text(encoding="utf-8"),
            timeout=60_000,
        )
        with qtbot.waitSignal(server.activation_requested, timeout=20_000):
            assert server.listen()
        _, err = child.communicate(timeout=60)
        assert child.returncode == 0, err
        text = log.read_text(encoding="utf-8")
        assert "brought it forward" in text and "cannot open the workspace" not in text
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        server.close()
        first.close()
