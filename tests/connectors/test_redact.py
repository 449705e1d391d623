# SPDX-License-Identifier: GPL-3.0-or-later
"""Masking after "Bot" / "token" in a log line: token-shaped values go, ordinary words stay."""

from __future__ import annotations

import pytest

from cmdesk.core.connectors.redact import redact


@pytest.mark.parametrize("line", [
    "token refreshed for @brand@mastodon.social",
    "token expired_at 2026-11-22T09:00:00Z",
    "token expired",
    "Bot permissions are missing in this channel",
    "the access token is invalid",
    "Bot invitation accepted",
])
def test_ordinary_words_after_token_or_bot_stay_readable(line):
    assert redact(line) == line


@pytest.mark.parametrize("line, secret", [
    ("sending with Bot MTk4NjIyNDgzNDcxOTI1MjQ4.Cl2FMQ.ZnCjm1XVW7vRze4b7Cq4se7kKWs_x9",
     "MTk4NjIyNDgzNDcxOTI1MjQ4.Cl2FMQ.ZnCjm1XVW7vRze4b7Cq4se7kKWs_x9"),
    ("bad token tok_9f8e7d6c5b4a3210fedcba given", "9f8e7d6c5b4a3210fedcba"),
    ("token 3f2a9c0d81e4b7a6", "3f2a9c0d81e4b7a6"),
    ("token AbCdEfGhIjKlMnOp", "AbCdEfGhIjKlMnOp"),  # base64 without a digit: mixed case
    ("token " + "q" * 40, "q" * 40),  # too long to be a word
])
def test_token_shaped_values_after_token_or_bot_are_masked(line, secret):
    masked = redact(line)
    assert secret not in masked and "****" in masked
