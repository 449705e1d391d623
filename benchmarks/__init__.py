# SPDX-License-Identifier: GPL-3.0-or-later
"""Performance suite: each ``bench_<area>.py`` prints figures next to baselines of the same run."""
