# SPDX-License-Identifier: GPL-3.0-or-later
"""The shell at start: a damaged store is explained (repaired damage as a notice, an unreadable
snapshot as an error, the file untouched), and the OS network state reaches the publisher."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from cmdesk.core.model import Account
from cmdesk.core.store import open_workspace
from tests.gui.shell_support import run_cmdesk
from tests.headless_support import damaged_journal


@pytest.fixture
def dialogs(monkeypatch):
    """Record message boxes instead of opening them (they are modal)."""
    shown = []

    def record(kind, answer=None):
        def box(parent, title, text, *args):
            shown.append((kind, title, text))
            return answer

        return box

    monkeypatch.setattr(QMessageBox, "critical", record("critical"))
    monkeypatch.setattr(QMessageBox, "warning", record("warning"))
    monkeypatch.setattr(QMessageBox, "question", record("question", QMessageBox.StandardButton.No))
    return shown


def test_an_unreadable_snapshot_is_explained_and_left_untouched(tmp_path, qtbot, dialogs, shell_on):
    folder = tmp_path / "ws"
    folder.mkdir()
    damaged = folder / "workspace.db"
    damaged.write_bytes(b"half a snapshot \x00\x17")
    shell = shell_on(folder)
    with qtbot.waitSignal(shell.window.load_failed, timeout=20_000):
        shell.start()
    kind, _title, text = dialogs[0]
    assert kind == "critical" and str(damaged) in text and "untouched" in text
    assert shell.exit_code == 2
    assert damaged.read_bytes() == b"half a snapshot \x00\x17"


def test_the_command_line_exits_with_the_same_message(tmp_path):
    folder = tmp_path / "ws"
    folder.mkdir()
    (folder / "workspace.db").write_bytes(b"garbage")
    run = run_cmdesk("--data-dir", str(folder), "--screenshot", str(tmp_path / "shot.png"))
    assert run.returncode == 2
    assert "workspace.db" in run.stderr and "Traceback" not in run.stderr
    assert (folder / "workspace.db").read_bytes() == b"garbage"
    assert not (tmp_path / "shot.png").exists()


@pytest.mark.parametrize("how", ["truncated", "appended garbage"])
def test_repaired_journal_damage_is_shown_once_loaded(tmp_path, qtbot, dialogs, shell_on, caplog, how):
    folder = tmp_path / "ws"
    damaged_journal(folder, ["un", "deux", "trois"], how)
    shell = shell_on(folder)
    with qtbot.waitSignal(shell.window.workspace_loaded, timeout=20_000):
        shell.start()
    # Let the publisher's start settle (running with a keyring; stopped and asking without).
    qtbot.waitUntil(lambda: "starting" not in shell.window.status.publisher.text(), timeout=20_000)
    (side,) = folder.glob("workspace.db.journal.*.damaged-*")
    warnings = [text for kind, _t, text in dialogs if kind == "warning"]
    assert len(warnings) == 1 and str(side) in warnings[0] and "intact" in warnings[0]
    logged = [r for r in caplog.records if r.levelname == "WARNING" and str(side) in r.getMessage()]
    assert any(r.name == "cmdesk.gui.app" for r in logged)
    kept = {p.text for p in shell.services.workspace.posts.all()}
    assert kept == ({"un", "deux"} if how == "truncated" else {"un", "deux", "trois"})


def test_the_os_network_state_reaches_the_publisher(tmp_path, qtbot, dialogs, shell_on):
    from PySide6.QtNetwork import QNetworkInformation

    class FakePublisher:
        def __init__(self):
            self.online = []

        def subscribe(self, listener):
            return lambda: None

        def start(self):
            pass

        def stop(self):
            pass

        def set_online(self, online):
            self.online.append(online)

    shell = shell_on(tmp_path / "ws")
    publisher = FakePublisher()
    shell.services.__dict__["publisher"] = publisher
    shell.services.__dict__["secrets"] = object()  # no keyring needed for this one
    with qtbot.waitSignal(shell.window.workspace_loaded, timeout=20_000):
        shell.start()
    qtbot.waitUntil(lambda: "running" in shell.window.status.publisher.text(), timeout=20_000)
    before = list(publisher.online)
    shell.window.status._on_reachability(QNetworkInformation.Reachability.Disconnected)
    qtbot.waitUntil(lambda: publisher.online[len(before) :] == [False], timeout=10_000)
    assert "Offline" in shell.window.status.online.text()
    shell.window.status._on_reachability(QNetworkInformation.Reachability.Online)
    qtbot.waitUntil(lambda: publisher.online[len(before) :] == [False, True], timeout=10_000)


def test_a_sign_in_notice_names_the_account(tmp_path, qtbot, dialogs, shell_on):
    from cmdesk.core.publish.events import NEEDS_AUTH, PublishEvent

    workspace = open_workspace(tmp_path / "ws")
    account = Account(network="bluesky", name="maisonbrioche.bsky.social")
    workspace.accounts.save(account)
    workspace.close()
    shell = shell_on(tmp_path / "ws")
    with qtbot.waitSignal(shell.window.workspace_loaded, timeout=20_000):
        shell.start()
    with qtbot.waitSignal(shell.tray.notified, timeout=10_000) as shown:
        shell.tray.bridge(PublishEvent(NEEDS_AUTH, None, account.id))
    assert "maisonbrioche.bsky.social" in shown.args[0].message


def test_minimized_start_stays_in_the_tray(tmp_path, qtbot, dialogs, shell_on, monkeypatch):
    from PySide6.QtWidgets import QSystemTrayIcon

    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))
    shell = shell_on(tmp_path / "ws")
    shell.args.minimized = True
    with qtbot.waitSignal(shell.window.workspace_loaded, timeout=20_000):
        shell.start()
    assert not shell.window.isVisible()
    shell.window.bring_forward()  # a second launch or a tray click
    assert shell.window.isVisible()


def test_without_a_keyring_the_user_may_keep_sign_ins_in_memory(
    tmp_path, qtbot, shell_on, monkeypatch
):
    import keyring
    from keyring.backends import fail

    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    asked = []

    def answer(parent, title, text, *args):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    try:
        shell = shell_on(tmp_path / "ws")
        with qtbot.waitSignal(shell.window.workspace_loaded, timeout=20_000):
            shell.start()
        qtbot.waitUntil(lambda: "running" in shell.window.status.publisher.text(), timeout=20_000)
    finally:
        keyring.set_keyring(previous)
    assert len(asked) == 1 and "keyring" in asked[0].lower()  # asked once, never silently
    assert shell.services.session_only_secrets


def test_a_launch_that_lost_the_race_brings_the_winner_forward(tmp_path, qtbot, dialogs, shell_on):
    folder = tmp_path / "ws"
    winner = shell_on(folder)
    with qtbot.waitSignal(winner.window.workspace_loaded, timeout=20_000):
        winner.start()  # holds the workspace, and only now answers later launches
    loser = shell_on(folder)  # started in the same second: nobody answered it yet
    with qtbot.waitSignal(winner.server.activation_requested, timeout=20_000):
        loser.start()
    assert dialogs == [] and loser.exit_code == 0
