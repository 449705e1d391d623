# SPDX-License-Identifier: GPL-3.0-or-later
"""Where a workspace's data, logs and caches live (platformdirs), overridable by --data-dir."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import platformdirs

from cmdesk import APP_NAME


@dataclass(frozen=True)
class AppPaths:
    data: Path  # the workspace store
    logs: Path
    cache: Path  # derived media: safe to delete at any time

    @classmethod
    def default(cls) -> AppPaths:
        return cls(
            data=Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
            logs=Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)),
            cache=Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)),
        )

    @classmethod
    def under(cls, root: Path) -> AppPaths:
        """Everything below one folder: what --data-dir gives."""
        root = Path(root)
        return cls(data=root, logs=root / "logs", cache=root / "cache")

    def ensure(self) -> AppPaths:
        for p in (self.data, self.logs, self.cache):
            p.mkdir(parents=True, exist_ok=True)
        return self
