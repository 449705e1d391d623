# SPDX-License-Identifier: GPL-3.0-or-later
"""``cmdesk --headless``: the publisher without a window, for servers and always-on machines.

It logs to the workspace's log file, prints one line when it is ready (scripts and tests wait for
it), and stops cleanly on SIGTERM or SIGINT: the publisher finishes or records what it was doing,
then the store is closed, so a service manager's stop never loses an attempt.
"""

from __future__ import annotations

import logging
import signal
import sys
import threading

from cmdesk.core.i18n import translate
from cmdesk.core.logging_setup import setup_logging
from cmdesk.core.services import build_services, freeze_long_lived
from cmdesk.core.store import StoreDamaged

log = logging.getLogger(__name__)


def run_headless(args) -> int:
    services = build_services(args.data_dir)
    log_path = setup_logging(services.paths.logs)
    stop = threading.Event()

    def on_signal(signum, _frame) -> None:
        log.info("received %s: stopping", signal.Signals(signum).name)
        stop.set()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    try:
        workspace = services.workspace
    except StoreDamaged as error:
        log.error("store damaged: %s", error)
        print(str(error), file=sys.stderr)
        return 2
    for message in workspace.damage:
        log.warning("store repaired at open: %s", message)
        print(message, file=sys.stderr)
    if getattr(args, "demo", False):
        from cmdesk.core.demo import DemoRefused, fill_demo

        try:
            fill_demo(workspace)
        except DemoRefused as error:
            print(str(error), file=sys.stderr)
            services.close()
            return 1
    freeze_long_lived()
    try:
        publishing = services.start_publisher()
    except Exception as error:
        log.exception("the publisher cannot start")
        print(str(error), file=sys.stderr)
        services.close()
        return 3
    log.info("headless mode started on %s (publishing: %s)", services.paths.data, publishing)
    print(
        translate("Headless", "cmdesk is running without a window on {folder}; log: {log}").format(
            folder=services.paths.data, log=log_path
        ),
        flush=True,
    )
    # Event.wait with a timeout wakes up regularly, so signals are handled promptly everywhere.
    while not stop.wait(1.0):
        pass
    services.close()
    log.info("headless mode stopped")
    logging.shutdown()
    return 0
