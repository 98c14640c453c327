"""Minting IRIs: the only place where entity, evidence and source IRIs are built.

IRIs are deterministic: the same type and the same label (up to accents, case, punctuation
and spacing) give the same IRI, so re-runs, other articles and hand-written facts about one
person meet on one node.
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
import unicodedata

__all__ = ["DEFAULT_BASE", "Minter", "normalize_label", "slug", "type_path"]

DEFAULT_BASE = "https://w3id.org/kg-builder/id/"
"""Base IRI of minted entities, unless ``$KG_BASE`` or the ``base`` argument says otherwise."""

_MAX_SLUG = 80
_NOT_WORD = re.compile(r"[^\w]+")

# Subclasses share their family's path, so that "Maroc" as a Country and as a Place is one node.
_FAMILIES = {
    "Person": "person",
    "Organization": "organization",
    "Agent": "agent",
    "Place": "place",
    "Country": "place",
    "City": "place",
    "Region": "place",
    "Position": "position",
    "Event": "event",
    "Meeting": "event",
    "Visit": "event",
    "PressConference": "event",
    "PhoneCall": "event",
    "Election": "event",
    "Agreement": "agreement",
    "Topic": "topic",
    "Quote": "quote",
    "Document": "source",
    "Evidence": "evidence",
}


@functools.lru_cache(maxsize=1 << 16)
def normalize_label(label: str) -> str:
    """Fold a label to the form that decides identity.

    Accents, case, punctuation (apostrophes, hyphens, quotes) and runs of spaces do not count.
    Results are cached: the extraction folds the same words over and over.

    Examples
    --------
    >>> normalize_label("  Ministre de l’Intérieur ")
    'ministre de l interieur'
    >>> normalize_label("BRUNO-RETAILLEAU") == normalize_label("Bruno Retailleau")
    True
    """
    decomposed = unicodedata.normalize("NFKD", label)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(_NOT_WORD.sub(" ", stripped.casefold()).replace("_", " ").split())


def slug(label: str) -> str:
    """Return the IRI path segment for a label.

    Letters of any script are kept (IRIs allow them); a label with no letter or digit, or
    a very long one, gets a hash so that distinct labels keep distinct slugs.

    Examples
    --------
    >>> slug("Bruno Retailleau")
    'bruno-retailleau'
    >>> slug("ministre de l'Intérieur")
    'ministre-de-l-interieur'
    >>> slug("«»").startswith("x-")
    True
    """
    norm = normalize_label(label)
    text = norm.replace(" ", "-")
    if not text:
        return "x-" + hashlib.sha1(label.encode("utf-8")).hexdigest()[:12]
    if len(text) > _MAX_SLUG:
        digest = hashlib.sha1(norm.encode("utf-8")).hexdigest()[:10]
        text = text[:_MAX_SLUG].rstrip("-") + "-" + digest
    return text


def type_path(cls: str) -> str:
    """Return the path segment of a class's family.

    Examples
    --------
    >>> type_path("Country"), type_path("Meeting"), type_path("Person")
    ('place', 'event', 'person')
    """
    return _FAMILIES.get(cls, "entity")


class Minter:
    """Mint IRIs under a base.

    Parameters
    ----------
    base : str, optional
        Base IRI; defaults to ``$KG_BASE`` or :data:`DEFAULT_BASE`. A trailing ``/`` or ``#``
        is added when missing.

    Examples
    --------
    >>> m = Minter("http://example.org/")
    >>> m.entity("Person", "Bruno Retailleau")
    'http://example.org/person/bruno-retailleau'
    >>> m.entity("Country", "Maroc") == m.entity("Place", "maroc")
    True
    >>> m.evidence("g", "s", "p", "o", 3) == m.evidence("g", "s", "p", "o", 3)
    True
    """

    def __init__(self, base: str | None = None) -> None:
        base = base or os.environ.get("KG_BASE") or DEFAULT_BASE
        self.base = base if base.endswith(("/", "#")) else base + "/"

    def entity(self, cls: str, label: str) -> str:
        """Return the IRI of the entity of class ``cls`` named ``label``."""
        return f"{self.base}{type_path(cls)}/{slug(label)}"

    def keyed(self, cls: str, *parts: str) -> str:
        """Return an IRI for a class from several key parts (a position and its country, …).

        Examples
        --------
        >>> Minter("http://x/").keyed("Position", "ministre de l'Intérieur", "France")
        'http://x/position/ministre-de-l-interieur--france'
        """
        return f"{self.base}{type_path(cls)}/" + "--".join(slug(p) for p in parts if p)

    def hashed(self, cls: str, *parts: object) -> str:
        """Return an IRI from a hash of its parts (quotes, evidence: no natural label).

        Examples
        --------
        >>> Minter("http://x/").hashed("Quote", "On a convenu").startswith("http://x/quote/")
        True
        """
        key = "\x1f".join(str(p) for p in parts)
        return f"{self.base}{type_path(cls)}/{hashlib.sha1(key.encode('utf-8')).hexdigest()[:16]}"

    def evidence(self, source: str, s: str, p: str, o: str, where: object) -> str:
        """Return the IRI of the evidence that ``source`` states ``s p o`` at ``where``."""
        return self.hashed("Evidence", source, s, p, o, where)

    def source(self, name: str) -> str:
        """Return the IRI (and named graph) of a source: a document id or a file path.

        Examples
        --------
        >>> Minter("http://x/").source("facts/extra.csv")
        'http://x/source/facts/extra-csv'
        """
        segments = [slug(part) for part in name.replace("\\", "/").split("/") if part]
        return f"{self.base}source/" + "/".join(segments)
