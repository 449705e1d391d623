# SPDX-License-Identifier: GPL-3.0-or-later
"""Batch and headless subcommands. Each module exposes ``register(subparsers)``; cli finds them."""
