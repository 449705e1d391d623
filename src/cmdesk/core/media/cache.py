# SPDX-License-Identifier: GPL-3.0-or-later
"""A content-addressed cache of derived pictures (network fits, thumbnails).

The key is a hash of the source file's bytes and of every parameter of the derivation, so a
changed file, a new crop or a new pipeline version simply misses. Entries are written to a
temporary name and renamed, so a crash never leaves a half file under a valid key. The folder
can be deleted at any time: everything in it is rebuilt on demand.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import threading
from pathlib import Path

from cmdesk.core.media.fit import PIPELINE_VERSION, FittedImage, fit_uncached
from cmdesk.core.media.spec import FitSpec
from cmdesk.core.model import Crop

_CHUNK = 1 << 20
# (path, size, mtime_ns) -> sha256: hashing an 8 MB photo on every calendar repaint adds up.
_digests: dict[tuple[str, int, int], str] = {}
_digests_lock = threading.Lock()


def file_digest(path: str | Path) -> str:
    stat = os.stat(path)
    key = (str(path), stat.st_size, stat.st_mtime_ns)
    with _digests_lock:
        if key in _digests:
            return _digests[key]
    sha = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(_CHUNK):
            sha.update(chunk)
    digest = sha.hexdigest()
    with _digests_lock:
        _digests[key] = digest
    return digest


class MediaCache:
    def __init__(self, directory: str | Path) -> None:
        self.directory = Path(directory) / "media"

    def _entry(self, key: str) -> Path:
        name = hashlib.sha256(key.encode()).hexdigest()
        return self.directory / name[:2] / name

    def fit(self, source: str | Path, spec: FitSpec, crop: Crop | None, rotate: int = 0,
            flip: bool = False) -> FittedImage:
        from cmdesk.core.media.safe_open import open_image

        source = str(source)
        open_image(source)[0].close()  # a missing or hostile file is refused before hashing it
        crop_key = crop.to_doc() if crop else None
        key = f"fit|{PIPELINE_VERSION}|{file_digest(source)}|{spec.key()}|{crop_key}|{rotate % 4}|{flip}"
        entry = self._entry(key)
        cached = self._read(entry)
        if cached is not None:
            return cached
        fitted = fit_uncached(source, spec, crop, rotate, flip)
        self._write(entry, fitted)
        return fitted

    @staticmethod
    def _read(entry: Path) -> FittedImage | None:
        meta_path = entry.with_suffix(".json")
        try:
            meta = json.loads(meta_path.read_text())
            data = entry.read_bytes()
        except (OSError, ValueError):
            return None
        if len(data) != meta.get("size"):
            return None  # torn or replaced by hand: rebuild
        return FittedImage(data, meta["width"], meta["height"], meta["mime"], meta.get("quality"))

    @staticmethod
    def _write(entry: Path, fitted: FittedImage) -> None:
        entry.parent.mkdir(parents=True, exist_ok=True)
        meta = {"width": fitted.width, "height": fitted.height, "mime": fitted.mime,
                "quality": fitted.quality, "size": len(fitted.data)}
        for path, payload in ((entry, fitted.data), (entry.with_suffix(".json"), json.dumps(meta).encode())):
            fd, tmp = tempfile.mkstemp(dir=entry.parent, prefix=".tmp-")
            with os.fdopen(fd, "wb") as f:
                f.write(payload)
            os.replace(tmp, path)
