# SPDX-License-Identifier: GPL-3.0-or-later
"""Connectors: one module per network, registered by network name."""
