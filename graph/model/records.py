"""The small frozen records that flow between stages: documents, entities, facts, evidence."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Document", "Entity", "Evidence", "Fact", "Literal"]


@dataclass(frozen=True, slots=True)
class Document:
    """A text to extract facts from.

    Attributes
    ----------
    id : str
        Stable identifier (header ``id``, JSONL ``id``, or the file's stem).
    text : str
        The original text, header removed.
    date : str or None
        Publication date, ISO (``2025-04``, ``2025-04-14``).
    lang, title, source : str or None
        Language code, title, and where the text comes from (URL or path).
    offset : int
        Where ``text`` starts in the file it was read from.
    """

    id: str
    text: str
    date: str | None = None
    lang: str | None = None
    title: str | None = None
    source: str | None = None
    offset: int = 0


@dataclass(frozen=True, slots=True)
class Entity:
    """A node of the graph: a person, place, organisation, position, event, etc.

    Examples
    --------
    >>> Entity("http://x/person/a", "Person", "A").label
    'A'
    """

    iri: str
    type: str
    label: str
    lang: str | None = None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Literal:
    """A literal value: a lexical form with a datatype IRI or a language tag."""

    value: str
    datatype: str | None = None
    lang: str | None = None


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a fact comes from.

    Attributes
    ----------
    document : str
        IRI of the source (an article's document node, or a hand-written file).
    method : str
        Versioned rule name (``fr.met.v1``) or ``manual``.
    sentence : str or None
        The sentence (or the file line) that states the fact.
    start, end : int or None
        Character offsets of the sentence in the original text.
    line : int or None
        Line number in a hand-written file.
    confidence : float
        From 0 to 1.
    date : str or None
        When the fact held, ISO, as precise as known.
    note, cites : str or None
        A free comment, and an outside citation (URL) for hand-written facts.
    count : int or None
        How many times the document names the object (``kg:mentions`` evidence only).
    """

    document: str
    method: str
    sentence: str | None = None
    start: int | None = None
    end: int | None = None
    line: int | None = None
    confidence: float = 1.0
    date: str | None = None
    note: str | None = None
    cites: str | None = None
    count: int | None = None


@dataclass(frozen=True, slots=True)
class Fact:
    """One statement ``subject predicate object`` with its evidence.

    ``predicate`` is a full IRI. ``object`` is an :class:`Entity`, a :class:`Literal`, or a
    plain IRI string (a resource outside our entities).
    """

    subject: Entity
    predicate: str
    object: Entity | Literal | str
    evidence: Evidence | None = field(default=None, compare=True)
