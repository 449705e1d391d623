# SPDX-License-Identifier: GPL-3.0-or-later
"""The CSV layout shared by import and export, so an exported file always imports back.

One post per row. Lists inside a cell (accounts, networks, images, alt texts, tags) are separated
by "|" because paths and French text contain commas; names and tags also accept commas.
"""

from __future__ import annotations

COLUMNS = ("date", "time", "zone", "text", "accounts", "networks", "images", "alt_texts", "tags",
           "campaign")
LIST_SEPARATOR = "|"

# Header names people actually type, in English and French spreadsheets.
ALIASES = {
    "date": "date", "jour": "date", "day": "date",
    "time": "time", "heure": "time", "hour": "time",
    "zone": "zone", "timezone": "zone", "time zone": "zone", "fuseau": "zone",
    "fuseau horaire": "zone",
    "text": "text", "texte": "text", "message": "text", "content": "text", "contenu": "text",
    "accounts": "accounts", "account": "accounts", "comptes": "accounts", "compte": "accounts",
    "networks": "networks", "network": "networks", "réseaux": "networks", "réseau": "networks",
    "reseaux": "networks",
    "images": "images", "image": "images", "image paths": "images", "media": "images",
    "médias": "images",
    "alt_texts": "alt_texts", "alt texts": "alt_texts", "alt": "alt_texts", "alts": "alt_texts",
    "textes alternatifs": "alt_texts", "texte alternatif": "alt_texts",
    "tags": "tags", "tag": "tags", "étiquettes": "tags", "hashtags": "tags",
    "campaign": "campaign", "campagne": "campaign",
}


def header_map(row: list[str]) -> dict[str, int] | None:
    """Column name -> index when ``row`` is a header we recognise, else None."""
    found: dict[str, int] = {}
    for index, cell in enumerate(row):
        key = ALIASES.get(cell.strip().lower().replace("-", " ").replace("_", " "))
        key = key or ALIASES.get(cell.strip().lower())
        if key and key not in found:
            found[key] = index
    return found if "text" in found and ("date" in found or len(found) >= 3) else None


def split_list(cell: str, *, commas: bool) -> list[str]:
    text = cell.replace(",", LIST_SEPARATOR) if commas else cell
    return [part.strip() for part in text.split(LIST_SEPARATOR) if part.strip()]
