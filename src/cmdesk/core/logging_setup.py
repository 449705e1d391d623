# SPDX-License-Identifier: GPL-3.0-or-later
"""One rotating log file per workspace, with secrets masked before anything is written.

The mask is a last line of defence: connectors already mask tokens, but a traceback or a
third-party library's debug line can still carry an ``Authorization`` header or an OAuth
parameter, and a log file is what users attach to bug reports.
"""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from cmdesk.core.connectors.redact import redact

LOG_FILE = "cmdesk.log"
MAX_BYTES = 2_000_000
BACKUPS = 5


def mask_secrets(text: str) -> str:
    # One masker for logs, crash reports and connector errors: the connectors' one also knows
    # every literal secret this process has read from the keyring, whatever shape it has.
    return redact(text)


class SecretMaskingFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return mask_secrets(super().format(record))


def log_file(logs_dir: Path) -> Path:
    return Path(logs_dir) / LOG_FILE


def setup_logging(logs_dir: Path, *, level: int = logging.INFO, console: bool = False) -> Path:
    """Send the root logger to ``logs_dir/cmdesk.log`` (rotating); returns the file's path.

    Idempotent: calling it again (tests, a second window) replaces our handlers, never doubles them.
    """
    path = log_file(logs_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_cmdesk", False):
            root.removeHandler(handler)
            handler.close()
    formatter = SecretMaskingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    file_handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8"
    )
    handlers: list[logging.Handler] = [file_handler]
    if console:
        handlers.append(logging.StreamHandler())
    for handler in handlers:
        handler.setFormatter(formatter)
        handler._cmdesk = True  # type: ignore[attr-defined]
        root.addHandler(handler)
    root.setLevel(level)
    return path
