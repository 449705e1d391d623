# SPDX-License-Identifier: GPL-3.0-or-later
"""``cmdesk``: the desktop app. Builds the QApplication, the services and the main window.

Order matters: language first (so even the damaged-store dialog is translated), then the single
instance check (a second launch must not open the store), then the store, then the publisher.
"""

from __future__ import annotations

import logging
import os
import signal
import sys
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from cmdesk import APP_ID, APP_NAME, __version__
from cmdesk.core.i18n import translate
from cmdesk.core.logging_setup import setup_logging
from cmdesk.core.services import Services, build_services, freeze_long_lived
from cmdesk.core.store import StoreDamaged, StoreLocked
from cmdesk.gui.crash import CrashHandler
from cmdesk.gui.i18n import LANGUAGE_KEY, choose_language, install_translations
from cmdesk.gui.main_window import MainWindow
from cmdesk.gui.single_instance import HolderWait, InstanceServer, activate_running
from cmdesk.gui.tasks import TaskRunner
from cmdesk.gui.theme import app_icon, apply_theme
from cmdesk.gui.tray import Tray

log = logging.getLogger(__name__)

SETTINGS_FILE = "window.ini"


def window_settings(services: Services) -> QSettings:
    """Per-workspace window state, kept next to the workspace rather than in the registry."""
    return QSettings(str(services.paths.data / SETTINGS_FILE), QSettings.Format.IniFormat)


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or [sys.argv[0]])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationDomain("cmdesk.github.io")
    # Wayland and GNOME match windows to the .desktop file (icon, name) by this id.
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(app_icon())
    return app


class Shell:
    """One running app: services, window, tray and instance server, torn down together."""

    def __init__(self, app: QApplication, services: Services, args) -> None:
        self.app = app
        self.services = services
        self.args = args
        self.runner = TaskRunner(app)
        self.settings = window_settings(services)
        self.window = MainWindow(
            services,
            self.runner,
            self.settings,
            view=args.view,
            day=date.fromisoformat(args.date) if args.date else None,
        )
        self.server = InstanceServer(services.paths.data, app)
        self.server.activation_requested.connect(self.window.bring_forward)
        self.tray = Tray(app)
        self.window.tray = self.tray
        self.tray.show_requested.connect(self.window.bring_forward)
        self.tray.outbox_requested.connect(self.window.show_outbox)
        self.tray.quit_requested.connect(self.window.request_quit)
        self.tray.account_names = self.account_name
        self.tray.notified.connect(lambda n: self.window.statusBar().showMessage(n.message, 10_000))
        self.window.quit_confirmed.connect(self.quit)
        self.window.load_failed.connect(self.on_load_failed)
        self.exit_code = 0
        self.closed = False
        self.holder_wait: HolderWait | None = None

    def account_name(self, account_id: str, callback) -> None:
        accounts = self.services.workspace.accounts

        def work() -> str:
            account = accounts.get(account_id)
            return account.name if account else ""

        self.runner.run_storage(work, callback)

    def start(self) -> None:
        self.window.workspace_loaded.connect(self.on_loaded)
        self.window.load(demo=self.args.demo)
        if not self.args.minimized or not self.tray.available():
            self.window.show()
        self.tray.show()

    def on_loaded(self) -> None:
        # Only the instance holding the workspace lock answers later launches: listening
        # earlier, a launch started in the same second could take the name from the first one.
        self.server.listen()
        freeze_long_lived()
        self.report_damage(self.services.workspace.damage)
        self.services.subscribe_publisher(self.tray.bridge)
        # Starting the publisher opens the network and the scheduler: off the GUI thread.
        self.runner.run_background(
            self.services.start_publisher, self.on_publisher, self.on_publisher_failed
        )

    def report_damage(self, messages: list[str]) -> None:
        """A journal tail that was set aside at open: the user must learn where it went (the
        store's messages name what was kept and the side file), in one dialog and in the log."""
        if not messages:
            return
        for message in messages:
            log.warning("store repaired at open: %s", message)
        QMessageBox.warning(
            self.window,
            translate("Shell", "Workspace repaired"),
            translate(
                "Shell",
                "cmdesk opened your workspace, but part of it could not be read.\n\n{details}",
            ).format(details="\n\n".join(messages)),
        )

    def on_publisher(self, started: bool) -> None:
        if self.closed:
            return
        self.window.status.set_publisher_state("running" if started else "missing")
        if started and hasattr(self.services.publisher, "set_online"):
            status = self.window.status
            status.online_changed.connect(self.tell_publisher_online)
            if status.last_online is not None:
                self.tell_publisher_online(status.last_online)

    def tell_publisher_online(self, online: bool) -> None:
        # Going offline moves due posts to waiting; coming back flushes them: off the GUI thread.
        self.runner.run_background(lambda: self.services.publisher.set_online(online))

    def on_publisher_failed(self, error: BaseException) -> None:
        if self.closed:  # the answer came after Quit: no dialog over a closing app
            return
        self.window.status.set_publisher_state("stopped")
        if type(error).__name__ != "KeyringUnavailable" or self.services.session_only_secrets:
            QMessageBox.warning(
                self.window, translate("Shell", "Publishing is stopped"), str(error)
            )
            return
        # The secrets module leaves this choice to the caller: ask, never downgrade silently.
        answer = QMessageBox.question(
            self.window,
            translate("Shell", "No keyring"),
            translate("Shell", "{reason}\n\nKeep sign-ins in memory for this session only?").format(
                reason=error
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.services.use_session_secrets()
            self.runner.run_background(
                self.services.start_publisher, self.on_publisher, self.on_publisher_failed
            )

    def on_load_failed(self, error: BaseException) -> None:
        if isinstance(error, StoreLocked) and self.holder_wait is None:
            # Two launches in the same second (a double click): the other one got the workspace
            # first and answers only once it has loaded it. Wait for it out of sight; this
            # window never had anything to show.
            log.info("workspace %s is held by another cmdesk: waiting for it to answer",
                     self.services.paths.data)
            self.window.hide()
            self.tray.hide()
            self.holder_wait = HolderWait(self.services.paths.data, parent=self.app)
            self.holder_wait.finished.connect(lambda answered: self.on_holder_answer(answered, error))
            self.holder_wait.start()
            return
        self.show_load_error(error)

    def on_holder_answer(self, answered: bool, error: BaseException) -> None:
        if self.closed:
            return
        if answered:
            log.info("cmdesk started meanwhile on %s: brought it forward", self.services.paths.data)
            self.window.quitting = True
            self.app.quit()
            return
        self.show_load_error(error)

    def show_load_error(self, error: BaseException) -> None:
        log.error("cannot open the workspace: %s", error)
        # StoreDamaged and DemoRefused carry a translated message naming the files: show it as is.
        QMessageBox.critical(
            self.window, translate("Shell", "Cannot open the workspace"), str(error)
        )
        self.exit_code = 2 if isinstance(error, StoreDamaged) else 1
        self.window.quitting = True
        self.app.quit()

    def quit(self) -> None:
        self.window.quitting = True
        self.window.close()
        self.app.quit()

    def shutdown(self) -> None:
        self.closed = True
        self.tray.hide()
        self.server.close()
        if self.holder_wait is not None:
            self.holder_wait.deleteLater()  # a launch quit while waiting: no late answer
        # The widgets go first: a calendar timer firing later must not reach a closed runner.
        self.window.quitting = True
        self.window.close()
        self.window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        self.runner.run_storage(lambda: None)  # let queued writes land before closing the store
        self.runner.shutdown()
        self.services.close()
        log.info("cmdesk stopped")


def _quit_on_signals(shell: Shell) -> None:
    """SIGTERM (logout, a service manager) and Ctrl-C quit cleanly: the publisher stops and the
    store closes, rather than the process dying between a send and its record."""

    def on_signal(_signum, _frame) -> None:
        QTimer.singleShot(0, shell.quit)

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    # Python runs signal handlers only between bytecodes; a short idle timer gives it the chance
    # while Qt's C++ event loop waits.
    wake = QTimer(shell.app, interval=300)
    wake.timeout.connect(lambda: None)
    wake.start()


def _headless_linux() -> bool:
    return sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    )


def run_gui(args) -> int:
    data_dir: Path | None = args.data_dir
    services = build_services(data_dir)
    log_path = setup_logging(services.paths.logs)
    if args.screenshot and not os.environ.get("QT_QPA_PLATFORM") and _headless_linux():
        # A picture needs no screen: servers and CI have none. With a display (even Xvfb) the
        # real platform plugin is used, so the picture also proves the app can start there.
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    app = make_application()
    stored_language = window_settings(services).value(LANGUAGE_KEY, "") or None
    install_translations(app, choose_language(args.lang or stored_language))
    if args.screenshot:
        from cmdesk.gui.screenshot import take_screenshot

        return take_screenshot(app, services, args)
    if activate_running(services.paths.data):
        log.info("cmdesk already runs on %s: brought it forward", services.paths.data)
        return 0
    apply_theme(app)
    crash = CrashHandler(log_path)
    crash.install()
    shell = Shell(app, services, args)
    _quit_on_signals(shell)
    shell.start()
    app.setQuitOnLastWindowClosed(False)  # the tray keeps publishing with no window open
    try:
        code = app.exec()
    finally:
        shell.shutdown()
        crash.uninstall()
    return shell.exit_code or code
