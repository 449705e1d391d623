# SPDX-License-Identifier: GPL-3.0-or-later
"""LinkedIn's "little text" format for ``commentary``.

LinkedIn treats ``\\ | { } @ [ ] ( ) < > # * _ ~`` as markup: left bare they cut the post short or
get it refused. Everything the user typed is escaped, except the two constructs cmdesk means as
markup: ``#word`` becomes LinkedIn's hashtag template, and ``@[Name](urn:li:organization:123)``
stays a mention.
"""

from __future__ import annotations

import regex

RESERVED = set("\\|{}@[]()<>#*_~")
_TOKENS = regex.compile(
    r"(?P<mention>@\[(?P<name>[^\]]+)\]\((?P<urn>urn:li:(?:person|organization):[\w-]+)\))"
    r"|(?P<hashtag>(?<![\w#])#(?P<tag>[\p{L}\p{N}_]+))"
)


def escape(text: str) -> str:
    return "".join("\\" + c if c in RESERVED else c for c in text)


def little_text(text: str) -> str:
    out, last = [], 0
    for match in _TOKENS.finditer(text):
        out.append(escape(text[last:match.start()]))
        if match["mention"]:
            out.append(f"@[{escape(match['name'])}]({match['urn']})")
        else:
            out.append("{hashtag|\\#|" + escape(match["tag"]) + "}")
        last = match.end()
    out.append(escape(text[last:]))
    return "".join(out)
