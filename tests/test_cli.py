# SPDX-License-Identifier: GPL-3.0-or-later
"""The command line: --version, --help, and --headless starting and stopping on a signal."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from cmdesk import __version__
from cmdesk.core.connectors.redact import remember_secret
from cmdesk.core.logging_setup import mask_secrets, setup_logging
from tests.headless_support import damaged_journal, run_until_ready_then_stop

ROOT = Path(__file__).resolve().parents[1]


def cmdesk(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "cmdesk", *args],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )


def test_version():
    run = cmdesk("--version")
    assert run.returncode == 0 and run.stdout.strip() == f"cmdesk {__version__}"


def test_help_lists_the_options_and_subcommands():
    run = cmdesk("--help")
    assert run.returncode == 0
    for option in (
        "--data-dir",
        "--lang",
        "--demo",
        "--headless",
        "--screenshot",
        "--view",
        "--date",
    ):
        assert option in run.stdout
    assert "import" in run.stdout  # a subcommand found in cmdesk/commands/


def test_a_bad_option_value_is_refused_with_a_message():
    run = cmdesk("--view", "year")
    assert run.returncode == 2 and "invalid choice" in run.stderr
    run = cmdesk("--date", "2026-13-45", "--screenshot", "never.png")
    assert run.returncode == 2 and "not a date" in run.stderr and "Traceback" not in run.stderr
    assert not (ROOT / "never.png").exists()


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT])
def test_headless_starts_and_stops_cleanly_on_a_signal(tmp_path, stop):
    code = run_until_ready_then_stop(
        [sys.executable, "-m", "cmdesk", "--headless", "--data-dir", str(tmp_path / "ws")],
        expect=str(tmp_path / "ws"),
        stop=stop,
        cwd=ROOT,
        env=dict(os.environ, PYTHONUNBUFFERED="1"),
    )
    assert code == 0
    log = (tmp_path / "ws" / "logs" / "cmdesk.log").read_text(encoding="utf-8")
    assert "headless mode started" in log
    assert f"received {stop.name}" in log and "headless mode stopped" in log


def test_headless_logs_a_repaired_journal_as_a_warning(tmp_path):
    folder = tmp_path / "ws"
    damaged_journal(folder, ["un", "deux", "trois"], "truncated")
    code = run_until_ready_then_stop(
        [sys.executable, "-m", "cmdesk", "--headless", "--data-dir", str(folder)],
        expect=str(folder),
        cwd=ROOT,
        env=dict(os.environ, PYTHONUNBUFFERED="1"),
    )
    assert code == 0
    (side,) = folder.glob("workspace.db.journal.*.damaged-*")
    log = (folder / "logs" / "cmdesk.log").read_text(encoding="utf-8")
    assert any(
        " WARNING cmdesk.headless: " in line and str(side) in line and "intact" in line
        for line in log.splitlines()
    ), log


def test_the_window_app_quits_cleanly_on_sigterm(tmp_path, qtbot):
    log = tmp_path / "ws" / "logs" / "cmdesk.log"
    child = subprocess.Popen(
        [sys.executable, "-m", "cmdesk", "--data-dir", str(tmp_path / "ws")],
        cwd=ROOT,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        qtbot.waitUntil(
            lambda: log.exists() and "workspace loaded" in log.read_text(encoding="utf-8"),
            timeout=60_000,
        )
        child.send_signal(signal.SIGTERM)
        assert child.wait(timeout=60) == 0
    finally:
        if child.poll() is None:
            child.kill()
    assert "cmdesk stopped" in log.read_text(encoding="utf-8")


def test_headless_without_a_keyring_says_so_and_exits(tmp_path):
    env = dict(os.environ, PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    run = subprocess.run(
        [sys.executable, "-m", "cmdesk", "--headless", "--data-dir", str(tmp_path / "ws")],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
        env=env,
    )
    assert run.returncode == 3
    assert "keyring" in run.stderr.lower() and "Traceback" not in run.stderr


def test_batch_messages_follow_lang(tmp_path):
    from cmdesk.core.demo import fill_demo
    from cmdesk.core.store import open_workspace

    workspace = open_workspace(tmp_path / "ws")
    fill_demo(workspace)
    workspace.close()
    for lang, words in (("fr", "contient déjà"), ("en", "already holds")):
        run = cmdesk("--lang", lang, "--headless", "--demo", "--data-dir", str(tmp_path / "ws"))
        assert run.returncode == 1
        assert words in run.stderr


def test_log_lines_never_carry_tokens(tmp_path):
    import logging

    path = setup_logging(tmp_path)
    logging.getLogger("cmdesk.test").warning(
        "POST https://x.example/api?access_token=s3cr3t-value "
        "headers={'Authorization': 'Bearer abcdef123456789'}"
    )
    logging.getLogger().handlers[-1].flush()
    text = path.read_text(encoding="utf-8")
    assert "s3cr3t-value" not in text and "abcdef123456789" not in text
    assert "access_token=****" in text
    assert (
        mask_secrets("https://api.telegram.org/bot123:AAbbCC/sendMessage")
        == "https://api.telegram.org/bot****/sendMessage"
    )
    # Whatever its shape, a secret the keyring handed out is masked in logs too, and so are the
    # shapes a traceback prints (a dict repr, "name: value", OAuth 1 parameters).
    remember_secret("k3y-of-an-unusual-shape")
    assert mask_secrets("echoed back: k3y-of-an-unusual-shape!") == "echoed back: ****!"
    for line, secret in (
        ("{'refresh_token': 'r3fr3sh-value'}", "r3fr3sh-value"),
        ("password: hunter2-ish", "hunter2-ish"),
        ("oauth_token=abc&oauth_token_secret=s3cr3t-1", "s3cr3t-1"),
        ("Authorization: Bot abcdefgh1234", "abcdefgh1234"),
    ):
        assert secret not in mask_secrets(line), line
    assert mask_secrets("HTTP 404: error code: 404, token expired") == "HTTP 404: error code: 404, token expired"
