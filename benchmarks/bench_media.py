# SPDX-License-Identifier: GPL-3.0-or-later
"""Media pipeline: a 24 MP JPEG cropped and fitted to a 2,048 px JPEG under 1 MB, against the
naive Pillow path (open, convert, crop, resize LANCZOS, save at quality 95) timed in the same run.

Targets (issue "Composer and image studio"): median at least 3.5 x faster than naive, visual
quality kept (PSNR against the naive output), peak memory reported. A phone photo (stored turned,
EXIF orientation 6, an embedded colour profile) is timed too: the naive path ignores both, so it
gets no ratio, only the cost of that work over the plain photo.
"""

from __future__ import annotations

import io
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image, ImageChops, ImageCms, ImageDraw, ImageFilter, ImageStat

from cmdesk.core.media.fit import fit_uncached
from cmdesk.core.media.spec import FitSpec
from cmdesk.core.model import Crop

SIZE = (6000, 4000)  # 24 MP, a common camera/phone resolution
TARGET_SIDE = 2048
MAX_BYTES = 1_000_000
ROUNDS = 11
# 16:9 crop of a 3:2 photo, as for an X or LinkedIn link card; and a square one (Instagram).
CROPS = {"16:9": Crop(0.0, 0.0781, 1.0, 0.8438), "1:1": Crop(0.1667, 0.0, 0.6667, 1.0)}


def make_photo(path: Path) -> None:
    """A photo-like picture: smooth light, texture and sharp edges (noise alone is unrealistic)."""
    w, h = SIZE
    small = (w // 8, h // 8)
    r = Image.linear_gradient("L").resize(small)
    g = Image.radial_gradient("L").resize(small)
    b = r.transpose(Image.Transpose.ROTATE_90).resize(small)
    base = Image.merge("RGB", (r, g, b)).resize(SIZE, Image.BICUBIC)
    noise = Image.effect_noise(SIZE, 30).filter(ImageFilter.GaussianBlur(1.2)).convert("RGB")
    photo = Image.blend(base, noise, 0.18)
    draw = ImageDraw.Draw(photo)
    for i in range(60):
        x, y = (i * 977) % w, (i * 613) % h
        draw.ellipse((x, y, x + 300, y + 200), outline=(250, 240, 220), width=6)
        draw.line((0, y, w, (y * 7) % h), fill=(30, 30, 60), width=3)
    photo.save(path, "JPEG", quality=92)


def make_phone_photo(photo: Path, path: Path) -> None:
    """The same picture as a phone stores it: pixels turned, orientation tag 6, a colour profile."""
    exif = Image.Exif()
    exif[0x0112] = 6
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    with Image.open(photo) as image:
        image.transpose(Image.Transpose.ROTATE_90).save(path, "JPEG", quality=92, exif=exif.tobytes(),
                                                        icc_profile=icc)


def naive(path: Path, crop: Crop) -> Image.Image:
    image = Image.open(path).convert("RGB")
    w, h = image.size
    box = (round(crop.x * w), round(crop.y * h), round((crop.x + crop.width) * w),
           round((crop.y + crop.height) * h))
    image = image.crop(box)
    scale = TARGET_SIDE / max(image.size)
    image = image.resize((round(image.width * scale), round(image.height * scale)), Image.LANCZOS)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=95)
    return Image.open(io.BytesIO(buffer.getvalue())).convert("RGB")


def psnr(a: Image.Image, b: Image.Image) -> float:
    if a.size != b.size:
        b = b.resize(a.size, Image.LANCZOS)
    rms = ImageStat.Stat(ImageChops.difference(a, b)).rms
    mse = sum(x * x for x in rms) / len(rms)
    return float("inf") if mse == 0 else 20 * math.log10(255 / math.sqrt(mse))


def _median_times(*fns) -> list[float]:
    """Median time of each function, run interleaved so a busy machine slows all alike."""
    times: list[list[float]] = [[] for _ in fns]
    for _ in range(ROUNDS):
        for i, fn in enumerate(fns):
            start = time.perf_counter()
            fn()
            times[i].append(time.perf_counter() - start)
    return [statistics.median(t) for t in times]


_CHILD = """
import sys
from pathlib import Path
from benchmarks.bench_media import naive, CROPS, SPEC
from cmdesk.core.media.fit import fit_uncached
which, photo, crop = sys.argv[1:4]
if which == "naive":
    naive(Path(photo), CROPS[crop])
else:
    fit_uncached(photo, SPEC, CROPS[crop])
# VmHWM belongs to this process image (getrusage's maxrss would include the forking parent's).
print(next(l.split()[1] for l in open("/proc/self/status") if l.startswith("VmHWM")))
"""


def _peak_rss_mib(which: str, photo: Path, crop: str) -> float:
    """Peak resident memory of a fresh process doing one conversion (Pillow's C buffers too)."""
    root = Path(__file__).resolve().parent.parent
    env = dict(os.environ, PYTHONPATH=f"{root}{os.pathsep}{root / 'src'}")
    out = subprocess.run([sys.executable, "-c", _CHILD, which, str(photo), crop], env=env, cwd=root,
                         capture_output=True, text=True, check=True).stdout
    return int(out.split()[-1]) / 1024  # kB


SPEC = FitSpec("benchmark", max_bytes=MAX_BYTES, max_side=TARGET_SIDE)


def run() -> list[str]:
    spec = SPEC
    lines = [f"media: 24 MP JPEG -> {TARGET_SIDE} px JPEG under {MAX_BYTES // 1000} kB, median of {ROUNDS}"]
    with tempfile.TemporaryDirectory() as tmp:
        photo = Path(tmp) / "photo.jpg"
        make_photo(photo)
        lines.append(f"  source: {SIZE[0]}x{SIZE[1]} JPEG, {photo.stat().st_size / 1e6:.1f} MB")
        for name, crop in CROPS.items():
            t_naive, t_fit = _median_times(lambda: naive(photo, crop),
                                           lambda: fit_uncached(str(photo), spec, crop))
            ours = fit_uncached(str(photo), spec, crop)
            quality = psnr(naive(photo, crop), Image.open(io.BytesIO(ours.data)).convert("RGB"))
            speedup = t_naive / t_fit
            verdict = "ok" if speedup >= 3.5 else "BELOW TARGET"
            lines.append(
                f"  crop {name:>4}: naive {t_naive * 1000:7.1f} ms | fit {t_fit * 1000:7.1f} ms | "
                f"x{speedup:4.1f} faster (target >= 3.5: {verdict}) | {ours.width}x{ours.height} "
                f"{len(ours.data) / 1000:.0f} kB q{ours.quality} | PSNR vs naive {quality:.1f} dB")
            lines.append(
                f"             peak RSS of one conversion: naive {_peak_rss_mib('naive', photo, name):.0f} MiB, "
                f"fit {_peak_rss_mib('fit', photo, name):.0f} MiB")
        phone = Path(tmp) / "phone.jpg"
        make_phone_photo(photo, phone)
        for name, crop in CROPS.items():
            t_plain, t_phone = _median_times(lambda: fit_uncached(str(photo), spec, crop),
                                             lambda: fit_uncached(str(phone), spec, crop))
            lines.append(f"  phone photo (EXIF 6 + ICC) crop {name:>4}: fit {t_phone * 1000:7.1f} ms "
                         f"(plain photo {t_plain * 1000:.1f} ms)")
    return lines


if __name__ == "__main__":
    print("\n".join(run()))
