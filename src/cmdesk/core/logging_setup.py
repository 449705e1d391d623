# SPDX-License-Identifier: GPL-3.0-or-later
"""One rotating log file per workspace, with secrets masked before anything is written.

The mask is a last line of defence: connectors already mask tokens, but a traceback or a
third-party library's debug line can still carry an ``Authorization`` header or an OAuth
parameter, and a log file is what users attach to bug reports.
"""

from __future__ import annotations

import logging
import logging.handlers
import re
from pathlib import Path

LOG_FILE = "cmdesk.log"
MAX_BYTES = 2_000_000
BACKUPS = 5

_SECRET_PATTERNS = [
    # "Authorization: Bearer abc", "Bearer abc", "Bot abc" (Discord), "token abc"
    re.compile(r"(?i)(\b(?:bearer|bot|token|basic)\s+)[A-Za-z0-9._~+/=\-]{8,}"),
    # key=value or "key": "value" for the usual secret names (query strings, JSON bodies)
    re.compile(
        r"""(?ix)(["']?(?:access_token|refresh_token|client_secret|password|app_password|
        api_key|apikey|secret|code_verifier|oauth_token|oauth_token_secret|accessJwt|refreshJwt)
        ["']?\s*[:=]\s*["']?)[^"'&\s,}]+"""
    ),
    # Telegram bot tokens live in the URL path: /bot123456:ABC-DEF.../sendMessage
    re.compile(r"(/bot)\d+:[A-Za-z0-9_\-]+"),
]


def mask_secrets(text: str) -> str:
    for pattern in _SECRET_PATTERNS:
        text = pattern.sub(r"\1****", text)
    return text


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
