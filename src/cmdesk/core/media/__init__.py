# SPDX-License-Identifier: GPL-3.0-or-later
"""The media pipeline (Pillow, no Qt): open safely, orient, crop, fit to a network, strip
metadata, encode under the byte limit; derived files in a content-addressed cache."""

from cmdesk.core.media.errors import MediaError
from cmdesk.core.media.fit import FittedImage, fit
from cmdesk.core.media.spec import FitSpec, spec_for
from cmdesk.core.media.thumbnails import thumbnail

__all__ = ["FitSpec", "FittedImage", "MediaError", "fit", "spec_for", "thumbnail"]
