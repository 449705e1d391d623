# SPDX-License-Identifier: GPL-3.0-or-later
"""Masks secrets in text bound for a log or an exception message.

Two nets, because either alone leaks: patterns catch the token-shaped things we know about
(``Authorization`` values, ``access_token=``, passwords, webhook and bot tokens in URL paths),
and a registry of the literal secret values this process has handled catches whatever shape a
network invents next (a token echoed inside an error body, for example).
"""

from __future__ import annotations

import re
import threading

MASK = "****"
_MIN_SECRET_LEN = 6  # shorter values would mask ordinary words

# Names whose value is a secret, in query strings, forms and JSON alike.
_SECRET_NAMES = (
    r"access_token|refresh_token|id_token|token|client_secret|password|passwd|secret|"
    r"code_verifier|code|api_key|apikey|app_password|accessJwt|refreshJwt|session|"
    r"oauth_token|oauth_token_secret"
)
# Names unambiguous enough to mask in the loose ``name: value`` form of a log line or a repr
# ("code: 404" and "session: 3" are ordinary words there).
_LOOSE_NAMES = (
    r"access_token|refresh_token|client_secret|password|app_password|api_key|apikey|"
    r"code_verifier|oauth_token_secret|accessJwt|refreshJwt"
)
_NAME_WORDS = tuple(n.lower() for n in _SECRET_NAMES.split("|"))


def _token_shaped(word: str) -> bool:
    """A generated value rather than an English word: it holds a digit, or capitals after its
    first letter mixed with lower case (base64), or it is too long to be a word. Random tokens of
    8+ characters nearly always have one of these; "refreshed", "expired_at" and "Permissions"
    have none."""
    if any(c.isdigit() for c in word) or len(word) >= 32:
        return True
    return any(c.isupper() for c in word[1:]) and any(c.islower() for c in word)


# Each pattern runs only when a cheap substring test says it could match: most bodies (a status,
# an instance document) hold none of these, and redact() runs twice per request.
_PATTERNS = (
    # Authorization: Bearer abc / Basic abc / DPoP abc (header dumps and repr of requests).
    (("bearer", "basic", "dpop"), re.compile(r"(?i)\b(bearer|basic|dpop)\s+[A-Za-z0-9._~+/=-]+"), r"\1 " + MASK),
    (("authorization",), re.compile(r"(?i)(authorization['\"]?\s*[:=]\s*['\"]?)[^'\",}\r\n]+"), r"\1" + MASK),
    # name=value in a URL or a form body.
    (_NAME_WORDS, re.compile(rf"(?i)\b({_SECRET_NAMES})=[^&\s'\"]+"), r"\1=" + MASK),
    # "name": "value" in JSON, 'name': 'value' in a Python repr.
    (_NAME_WORDS, re.compile(rf"(?i)(\"({_SECRET_NAMES})\"\s*:\s*\")[^\"]*"), r"\1" + MASK),
    (_NAME_WORDS, re.compile(rf"(?i)('({_SECRET_NAMES})'\s*:\s*')[^']*"), r"\1" + MASK),
    # name: value, unquoted, in a log line or a traceback.
    (_NAME_WORDS, re.compile(rf"(?i)\b(({_LOOSE_NAMES})\s*:\s*)[^'\"&\s,}}]+"), r"\1" + MASK),
    # "Bot abc" (Discord) and "token abc" outside an Authorization header, only when the word
    # after it looks like a token (see _token_shaped), so "token refreshed" stays readable.
    (("bot", "token"), re.compile(r"(?i)\b(bot|token)(\s+)([A-Za-z0-9._~+/=-]{8,})"),
     lambda m: f"{m[1]}{m[2]}{MASK}" if _token_shaped(m[3]) else m[0]),
    # Discord webhooks: /api/webhooks/<id>/<token>; Telegram: /bot<token>/method.
    (("/webhooks/",), re.compile(r"(/webhooks/\d+/)[A-Za-z0-9._-]+"), r"\1" + MASK),
    (("/bot",), re.compile(r"(/bot)\d+:[A-Za-z0-9_-]+"), r"\1" + MASK),
)

_known: set[str] = set()
_known_lock = threading.Lock()


def remember_secret(value: object) -> None:
    """Mask this literal value from now on (called for every secret read or written)."""
    if isinstance(value, dict):
        for item in value.values():
            remember_secret(item)
        return
    if isinstance(value, (list, tuple)):
        for item in value:
            remember_secret(item)
        return
    if isinstance(value, str) and len(value) >= _MIN_SECRET_LEN:
        with _known_lock:
            _known.add(value)


def redact(text: str) -> str:
    """``text`` with every secret we can recognise replaced by ``****``."""
    if not text:
        return text
    with _known_lock:
        known = sorted(_known, key=len, reverse=True)  # longest first: a token may contain another
    for value in known:
        if value in text:
            text = text.replace(value, MASK)
    lowered = text.lower()
    for triggers, rx, repl in _PATTERNS:
        if any(t in lowered for t in triggers):
            text = rx.sub(repl, text)
    return text
