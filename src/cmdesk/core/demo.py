# SPDX-License-Identifier: GPL-3.0-or-later
"""``cmdesk --demo``: a realistic sample month for a Lyon bakery and coffee shop.

Used for screenshots, demos and manual testing. Accounts carry no secret, are marked ``demo`` and
start in ``needs_auth``, so the publisher can never send anything from a demo workspace. Only a
fresh workspace is filled: mixing sample posts into real ones would be data the user has to clean.
"""

from __future__ import annotations

import calendar
import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from cmdesk.core.i18n import translate
from cmdesk.core.model import (
    Account,
    MediaRef,
    Post,
    Target,
    TargetState,
    Transition,
    to_iso,
    utc_now,
)
from cmdesk.core.schedule.planner import TIMEZONE_KEY
from cmdesk.core.store import Workspace

ZONE = "Europe/Paris"
MEDIA_FOLDER = "demo-media"
POST_COUNT = 40
DRAFT_COUNT = 4


class DemoRefused(ValueError):
    """The workspace already holds data; the message says so in the user's language."""


@dataclass(frozen=True)
class _Picture:
    name: str
    caption: str
    colours: tuple[tuple[int, int, int], tuple[int, int, int]]
    alt: str


_ACCOUNTS = [
    ("mastodon", "@maisonbrioche@piaille.fr", "https://piaille.fr"),
    ("bluesky", "maisonbrioche.bsky.social", "https://bsky.social"),
    ("instagram", "maison.brioche.lyon", ""),
    ("facebook", "Maison Brioche – Croix-Rousse", ""),
    ("linkedin", "Maison Brioche SAS", ""),
    ("wordpress", "Le blog de Maison Brioche", "https://blog.maisonbrioche.fr"),
]

_PICTURES = [
    _Picture(
        "brioche-praline.jpg",
        "Brioche aux pralines",
        ((196, 74, 92), (250, 196, 160)),
        "Une brioche aux pralines roses posée sur une planche en bois",
    ),
    _Picture(
        "croissants.jpg",
        "Croissants du matin",
        ((214, 150, 60), (252, 232, 190)),
        "Une fournée de croissants dorés à la sortie du four",
    ),
    _Picture(
        "cafe-latte.jpg",
        "Latte noisette",
        ((92, 58, 40), (214, 180, 140)),
        "Un latte avec un cœur en mousse de lait sur le comptoir",
    ),
    _Picture(
        "equipe.jpg",
        "L'équipe à 5 h",
        ((40, 60, 96), (150, 170, 210)),
        "Trois boulangers en tablier dans le fournil, tôt le matin",
    ),
    _Picture(
        "tarte-tatin.jpg",
        "Tarte Tatin",
        ((150, 70, 30), (240, 170, 90)),
        "Une tarte Tatin caramélisée, une part découpée",
    ),
    _Picture(
        "terrasse.jpg",
        "Terrasse, Croix-Rousse",
        ((60, 110, 80), (200, 225, 170)),
        "La terrasse du café sur le plateau de la Croix-Rousse au soleil",
    ),
    _Picture(
        "pain-levain.jpg",
        "Pain au levain",
        ((110, 80, 50), (230, 205, 160)),
        "Des miches de pain au levain farinées dans des bannetons",
    ),
    _Picture(
        "atelier.jpg",
        "Atelier brioche",
        ((120, 40, 120), (240, 190, 230)),
        "Des enfants façonnent des brioches pendant un atelier",
    ),
]

_TEXTS = [
    (
        "Nouvelle fournée de brioches aux pralines 🍬 Dorées, moelleuses, et encore tièdes à 7 h. "
        "On vous attend rue d'Austerlitz ! #Lyon #CroixRousse #brioche",
        "produit",
    ),
    (
        "☕ Le latte noisette est de retour pour l'automne. Lait entier de la ferme du Pilat, "
        "café torréfié à Villeurbanne. #café #Lyon",
        "produit",
    ),
    (
        "Dans les coulisses : l'équipe commence à 4 h 45 pour que vos croissants soient prêts à "
        "l'ouverture 🥐 Merci à Élodie, Karim et Théo ! #boulangerie #coulisses",
        "coulisses",
    ),
    (
        "Atelier brioche pour les enfants samedi à 10 h 👩‍🍳 8 places, inscription en boutique ou "
        "sur https://maisonbrioche.fr/ateliers #atelier #enfants",
        "événement",
    ),
    (
        "Notre pain au levain naturel fermente 36 heures. Le secret d'une mie alvéolée et d'une "
        "croûte qui chante 🎶 #levain #painaulevain",
        "produit",
    ),
    (
        "Il fait beau sur le plateau ☀️ La terrasse est ouverte jusqu'à 18 h. Café, tarte du jour "
        "et vue sur les toits. #Lyon #terrasse",
        "coulisses",
    ),
    (
        "On recrute ! Vendeur·se en CDI, 35 h, week-ends alternés. Envoyez-nous un mot à "
        "bonjour@maisonbrioche.fr 💌 #emploi #LyonEmploi",
        "recrutement",
    ),
    (
        "La tarte Tatin du dimanche, caramel au beurre salé et pommes du Beaujolais 🍎 "
        "Précommande conseillée : https://maisonbrioche.fr/commande #patisserie",
        "produit",
    ),
    (
        "Merci pour vos 2 000 avis ⭐️⭐️⭐️⭐️⭐️ Vous êtes formidables. Un café offert vendredi "
        "pour fêter ça ! #merci #Lyon",
        "événement",
    ),
    (
        "Zéro gaspi : à partir de 19 h, les viennoiseries du jour sont à moitié prix 🌱 "
        "#antigaspi #TooGoodToGo",
        "engagement",
    ),
    (
        "Nouveau : le brunch du dimanche, de 10 h à 14 h 🥞 Œufs brouillés, brioche perdue, jus "
        "pressé. Réservation : https://maisonbrioche.fr/brunch #brunch #LyonFood",
        "événement",
    ),
    (
        "Les fêtes approchent 🎄 Les commandes de bûches ouvrent lundi. Praliné, marron-cassis ou "
        "chocolat-noisette : laquelle sera la vôtre ? #Noël #bûche",
        "produit",
    ),
]

_CAMPAIGNS = ["Brunch du dimanche", "Automne gourmand", "Ateliers enfants", ""]

_FAILURES = [
    "Image trop lourde : 9,4 Mo (maximum 8 Mo)",
    "Le jeton d'accès a expiré : reconnectez le compte",
    "Texte trop long : 2 312 caractères (maximum 2 200)",
]


def _is_empty(workspace: Workspace) -> bool:
    return len(workspace.posts) == 0 and len(workspace.accounts) == 0


def fill_demo(workspace: Workspace, *, now: datetime | None = None) -> int:
    """Fill a fresh workspace with this month's sample posts; returns how many posts were added.

    Raises DemoRefused, changing nothing, when the workspace already has posts or accounts.
    """
    if not _is_empty(workspace):
        raise DemoRefused(
            translate(
                "Demo",
                "The workspace in {folder} already holds posts or accounts. The demo only fills "
                "an empty workspace: choose another folder with --data-dir.",
            ).format(folder=workspace.directory)
        )
    now = now or utc_now()
    rng = random.Random(now.year * 100 + now.month)  # same month, same demo: stable screenshots
    pictures = write_pictures(Path(workspace.directory) / MEDIA_FOLDER)
    accounts = [
        Account(network=n, name=name, server=server, status="needs_auth", settings={"demo": True})
        for n, name, server in _ACCOUNTS
    ]
    for account in accounts:
        workspace.accounts.save(account)
    # The bakery plans in Lyon time, whatever the zone of the machine showing the demo.
    workspace.settings.set_value(TIMEZONE_KEY, ZONE)
    posts = _month_posts(rng, accounts, pictures, now) + _drafts(rng, accounts, pictures)
    workspace.posts.save_many(posts)
    return len(posts)


def _month_posts(rng, accounts, pictures, now: datetime) -> list[Post]:
    zone = ZoneInfo(ZONE)
    local_now = now.astimezone(zone)
    days = calendar.monthrange(local_now.year, local_now.month)[1]
    slots = [time(7, 30), time(9, 0), time(12, 15), time(17, 45), time(19, 0)]
    posts = []
    for index in range(POST_COUNT):
        day = date(local_now.year, local_now.month, 1 + (index * days) // POST_COUNT)
        planned = datetime.combine(day, rng.choice(slots), tzinfo=zone)
        post = _post(rng, index, accounts, pictures)
        post.planned_at = planned
        chosen = rng.sample(accounts, rng.randint(1, 4))
        post.targets = [_target(rng, post, account, planned, now, index) for account in chosen]
        posts.append(post)
    return posts


def _drafts(rng, accounts, pictures) -> list[Post]:
    drafts = []
    for index in range(DRAFT_COUNT):
        post = _post(rng, POST_COUNT + index, accounts, pictures)
        post.targets = [Target(a.id, a.network) for a in rng.sample(accounts, 2)]
        drafts.append(post)
    return drafts


def _post(rng, index: int, accounts, pictures) -> Post:
    text, tag = _TEXTS[index % len(_TEXTS)]
    picture = pictures[index % len(pictures)] if index % 3 != 2 else None
    return Post(
        text=text,
        zone=ZONE,
        tags=[tag],
        campaign=rng.choice(_CAMPAIGNS),
        media=[MediaRef(path=str(picture[0]), alt=picture[1])] if picture else [],
    )


def _target(
    rng, post: Post, account: Account, planned: datetime, now: datetime, index: int
) -> Target:
    target = Target(account.id, account.network)
    if planned > now:
        target.state = TargetState.SCHEDULED
        target.history = [Transition(to_iso(post.created_at), "scheduled")]
        return target
    sent = planned + timedelta(seconds=rng.randint(2, 40))
    if index % 9 == 4:
        target.state = TargetState.FAILED
        target.error = _FAILURES[index % len(_FAILURES)]
        target.history = [Transition(to_iso(sent), "failed", target.error)]
        return target
    remote_id = f"{rng.getrandbits(60):x}"
    target.state = TargetState.PUBLISHED
    target.remote_id = remote_id
    target.remote_url = _remote_url(account, remote_id, planned)
    target.published_at = to_iso(sent)
    target.history = [Transition(to_iso(sent), "published", target.remote_url)]
    return target


def _remote_url(account: Account, remote_id: str, planned: datetime) -> str:
    urls = {
        "mastodon": f"https://piaille.fr/@maisonbrioche/{int(remote_id, 16) % 10**18}",
        "bluesky": f"https://bsky.app/profile/maisonbrioche.bsky.social/post/3l{remote_id[:11]}",
        "instagram": f"https://www.instagram.com/p/C{remote_id[:10]}/",
        "facebook": f"https://www.facebook.com/maisonbrioche/posts/{int(remote_id, 16)}",
        "linkedin": f"https://www.linkedin.com/feed/update/urn:li:share:{int(remote_id, 16)}",
        "wordpress": f"https://blog.maisonbrioche.fr/{planned:%Y/%m}/billet-{remote_id[:6]}/",
    }
    return urls.get(account.network, f"https://example.org/{remote_id}")


def write_pictures(folder: Path) -> list[tuple[Path, str]]:
    """Photo-like gradients with a caption, so image previews and crops have something to show."""
    from cmdesk.core.demo_pictures import render_picture

    folder.mkdir(parents=True, exist_ok=True)
    made = []
    for picture in _PICTURES:
        path = folder / picture.name
        if not path.exists():
            render_picture(picture.caption, picture.colours).save(path, "JPEG", quality=85)
        made.append((path, picture.alt))
    return made
