# SPDX-License-Identifier: GPL-3.0-or-later
"""The publisher: per-target state machine, durable attempts, recovery, retries, connectivity."""
