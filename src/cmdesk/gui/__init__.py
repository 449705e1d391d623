# SPDX-License-Identifier: GPL-3.0-or-later
"""The Qt layer: shows core state and turns gestures into core service calls, off the GUI thread."""
