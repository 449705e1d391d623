# SPDX-License-Identifier: GPL-3.0-or-later
"""The composer's text model, without widgets: one main text, per-network variants.

A network follows the main text until the user edits its variant; from then on it keeps its own
text until reset. Only edited variants are stored (Post.variants), so a later edit of the main
text still reaches every network that was never touched.
"""

from __future__ import annotations


class VariantSet:
    def __init__(self, main: str = "", edited: dict[str, str] | None = None) -> None:
        self.main = main
        self._edited = dict(edited or {})

    def text_for(self, network: str) -> str:
        return self._edited.get(network, self.main)

    def is_edited(self, network: str) -> bool:
        return network in self._edited

    def set_main(self, text: str) -> None:
        self.main = text

    def edit(self, network: str, text: str) -> None:
        """The user typed in the network's variant. Typing it back to the main text still counts
        as an edit: following again is an explicit choice (reset)."""
        self._edited[network] = text

    def reset(self, network: str) -> None:
        self._edited.pop(network, None)

    def stored(self, networks: list[str] | None = None) -> dict[str, str]:
        """What goes into Post.variants: edited variants of the chosen networks only."""
        return {n: t for n, t in self._edited.items() if networks is None or n in networks}
