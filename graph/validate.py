"""Checking the store against the SHACL shapes shipped in ``graph/model/shapes.ttl``.

:func:`validate` checks the whole store; :func:`validate_source` checks one source together with
what the store already holds about the entities it names (``kg build --validate``). Shapes are
run by pySHACL with the ontology merged into the data graph and no inference, so subclasses are
accepted (``sh:class`` follows ``rdfs:subClassOf*``) but a domain never retypes a node. Each
violation names its node by label and, through the evidence of the offending fact, the file (or
document) and line it comes from.
"""

from __future__ import annotations

import dataclasses
import functools
import io
from dataclasses import asdict, dataclass, field
from importlib import resources

import pyoxigraph as ox
from rdflib import RDF, RDFS, Graph, URIRef
from rdflib.namespace import DCTERMS, SH
from rdflib.term import Node

from graph.errors import InputError
from graph.model.rdf import Source, prefixed
from graph.model.vocab import KG, KG_NS, ontology_turtle, vocabulary
from graph.store.base import Store

__all__ = ["Location", "Report", "Violation", "shapes_graph", "validate", "validate_graph",
           "validate_source"]

_MAX_SHOWN = 20


@dataclass(frozen=True)
class Location:
    """Where a fact was stated: a source (file or document id), a line, a sentence."""

    source: str
    line: int | None = None
    sentence: str | None = None

    def __str__(self) -> str:
        return f"{self.source}:{self.line}" if self.line is not None else self.source


@dataclass(frozen=True)
class Violation:
    """One SHACL result, with labels instead of IRIs where the graph has them.

    Attributes
    ----------
    node : str
        IRI (or blank node id) of the offending node.
    label : str
        Its ``rdfs:label``, or its prefixed IRI when it has none.
    type : str or None
        Its most specific ``kg:`` class (local name).
    message : str
        What is wrong.
    path : str or None
        The property concerned (prefixed), when the shape names one.
    value : str or None
        The offending value (label, or lexical form).
    severity : str
        ``Violation``, ``Warning`` or ``Info``.
    locations : tuple of Location
        The files and lines (or documents) stating the offending facts.
    """

    node: str
    label: str
    type: str | None
    message: str
    path: str | None = None
    value: str | None = None
    severity: str = "Violation"
    locations: tuple[Location, ...] = ()

    def __str__(self) -> str:
        where = ", ".join(str(loc) for loc in self.locations) or "(no evidence)"
        kind = f" ({self.type})" if self.type else ""
        value = f" [{self.value}]" if self.value is not None and self.value != self.label else ""
        return f"{where}: {self.label}{kind}{value}: {self.message}"


@dataclass
class Report:
    """The outcome of a validation: whether the data conforms, and its violations."""

    conforms: bool
    violations: list[Violation] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        """Return the report as plain data (for JSON).

        Examples
        --------
        >>> Report(True).as_dict()
        {'conforms': True, 'violations': []}
        """
        return {"conforms": self.conforms, "violations": [asdict(v) for v in self.violations]}

    def __str__(self) -> str:
        if self.conforms:
            return "The data conforms to the shapes."
        lines = [f"{len(self.violations)} violation{'s' if len(self.violations) != 1 else ''}:"]
        lines += [f"  {v}" for v in self.violations]
        return "\n".join(lines)


@functools.cache
def _shapes_text() -> bytes:
    return resources.files("graph.model").joinpath("shapes.ttl").read_bytes()


@functools.cache
def shapes_graph() -> Graph:
    """Return the shipped SHACL shapes as an rdflib graph (parsed once; do not modify it).

    Examples
    --------
    >>> from rdflib.namespace import SH
    >>> len(set(shapes_graph().subjects(SH.targetSubjectsOf, None))) >= 13
    True
    """
    return Graph().parse(data=_shapes_text(), format="turtle")


@functools.cache
def _ontology_nt() -> bytes:
    return ox.serialize(ox.parse(ontology_turtle(), format=ox.RdfFormat.TURTLE),
                        format=ox.RdfFormat.N_TRIPLES) or b""


def _data_graph(nt: bytes) -> Graph:
    graph = Graph()
    graph.parse(data=_ontology_nt(), format="nt")
    if nt.strip():
        graph.parse(data=nt, format="nt")
    return graph


def _label(graph: Graph, node: Node) -> str:
    if isinstance(node, URIRef):
        label = graph.value(node, RDFS.label)
        return str(label) if label is not None else prefixed(str(node))
    return str(node)


def _kg_type(graph: Graph, node: Node) -> str | None:
    voc = vocabulary()
    found = [str(t)[len(KG_NS):] for t in graph.objects(node, RDF.type) if str(t).startswith(KG_NS)]
    found = [t for t in found if t in voc.classes]
    # the most specific: one that is no other found class's ancestor
    specific = [t for t in found if not any(t in voc.superclasses.get(o, ()) for o in found)]
    return sorted(specific)[0] if specific else None


def _evidence_nodes(
    graph: Graph, shapes: Graph, node: Node, shape: Node, path: Node | None
) -> list[Node]:
    """Return the evidence of the facts that make ``node`` a target of ``shape``."""
    if (node, RDF.type, KG.Evidence) in graph:
        return [node]
    symmetric = {URIRef(KG_NS + s) for s in vocabulary().symmetric}
    found: list[Node] = []

    def about(role: URIRef, predicate: Node | None) -> None:
        for ev in graph.subjects(role, node):
            if predicate is None or (ev, RDF.predicate, predicate) in graph:
                found.append(ev)

    for predicate in shapes.objects(shape, SH.targetSubjectsOf):
        about(RDF.subject, predicate)
        if predicate in symmetric:
            about(RDF.object, predicate)
    for predicate in shapes.objects(shape, SH.targetObjectsOf):
        about(RDF.object, predicate)
        if predicate in symmetric:
            about(RDF.subject, predicate)
    if not found and isinstance(path, URIRef):
        about(RDF.subject, path)
    if not found:
        about(RDF.subject, None)
        about(RDF.object, None)
    return found


def _location(graph: Graph, evidence: Node) -> Location:
    document = graph.value(evidence, KG.document)
    name = graph.value(document, DCTERMS.identifier) if document is not None else None
    line = graph.value(evidence, KG.line)
    sentence = graph.value(evidence, KG.sentence)
    return Location(
        source=str(name) if name is not None else _label(graph, document or evidence),
        line=int(str(line)) if line is not None else None,
        sentence=str(sentence) if sentence is not None else None,
    )


def _sort_key(v: Violation) -> tuple[object, ...]:
    first = v.locations[0] if v.locations else Location("\uffff")
    return (first.source, first.line or 0, v.label, v.message)


def validate_graph(data: Graph) -> Report:
    """Check an rdflib graph (data and ontology together) against the shapes.

    Examples
    --------
    >>> from rdflib import Graph
    >>> validate_graph(Graph()).conforms
    True
    """
    import pyshacl

    shapes = shapes_graph()
    conforms, results, _ = pyshacl.validate(
        data, shacl_graph=shapes, inference="none", abort_on_first=False, allow_warnings=True,
        advanced=False, meta_shacl=False, inplace=True,  # the data graph is ours to spend
    )
    symmetric = {URIRef(KG_NS + name) for name in vocabulary().symmetric}
    violations: dict[object, Violation] = {}
    for result in results.subjects(RDF.type, SH.ValidationResult):
        node = results.value(result, SH.focusNode)
        shape = results.value(result, SH.sourceShape)
        path = results.value(result, SH.resultPath)
        value = results.value(result, SH.value)
        message = results.value(result, SH.resultMessage)
        severity = results.value(result, SH.resultSeverity)
        evidence = _evidence_nodes(data, shapes, node, shape, path)
        locations = tuple(sorted({_location(data, ev) for ev in evidence},
                                 key=lambda loc: (loc.source, loc.line or 0)))
        subject = node
        if (node, RDF.type, KG.Evidence) in data:  # show the fact, not the evidence node
            subject = data.value(node, RDF.subject) or node
        found = Violation(
            node=str(subject),
            label=_label(data, subject),
            type=_kg_type(data, subject),
            message=str(message) if message is not None else "does not conform",
            path=prefixed(str(path)) if isinstance(path, URIRef) else None,
            value=_label(data, value) if value is not None and value != node else None,
            severity=str(severity).rsplit("#", 1)[-1] if severity is not None else "Violation",
            locations=locations,
        )
        # a symmetric relation is stored both ways: its subject and object shapes say one thing
        on_subject = set(shapes.objects(shape, SH.targetSubjectsOf)) & symmetric
        on_object = set(shapes.objects(shape, SH.targetObjectsOf)) & symmetric
        ends = sorted(str(p) for p in on_subject | on_object)
        key: object = (node, *ends) if ends else found
        if key not in violations or on_subject:
            violations[key] = found
    return Report(bool(conforms), sorted(violations.values(), key=_sort_key))


def validate(store: Store) -> Report:
    """Check everything the store holds against the shapes.

    Parameters
    ----------
    store : Store

    Returns
    -------
    Report
        ``conforms`` is false when any violation was found; violations name nodes by label and
        give the file and line (or document) of the offending facts.

    Examples
    --------
    >>> from graph.store import open_store
    >>> validate(open_store("memory:")).conforms
    True
    """
    buffer = io.BytesIO()
    store.dump(buffer, "nt", include_ontology=False)
    report = validate_graph(_data_graph(buffer.getvalue()))
    report.violations = sorted((_with_sources(store, v) for v in report.violations),
                               key=_sort_key)
    return report


def _with_sources(store: Store, violation: Violation) -> Violation:
    """Name the sources describing a node when no evidence locates it (RDF files)."""
    if violation.locations or not violation.node.startswith(("http://", "https://", "urn:")):
        return violation
    rows = store.query(
        f"SELECT DISTINCT ?name WHERE {{ GRAPH ?g {{ {ox.NamedNode(violation.node)} ?p ?o }} "
        "GRAPH ?g { ?g dcterms:identifier ?name } } ORDER BY ?name"
    )
    return dataclasses.replace(
        violation, locations=tuple(Location(name.value) for (name,) in rows)
    )


def _context(store: Store, source: Source) -> bytes:
    """Return the types and labels the store holds, outside ``source``, of the IRIs it names."""
    iris: set[str] = set()
    if source.payload:
        for triple in ox.parse(source.payload, format=ox.RdfFormat.N_TRIPLES):
            for item in (triple.subject, triple.object):
                if isinstance(item, ox.NamedNode):
                    iris.add(item.value)
    if not iris:
        return b""
    chunks: list[bytes] = []
    ordered = sorted(iris)
    for start in range(0, len(ordered), 500):
        values = " ".join(f"<{iri}>" for iri in ordered[start:start + 500])
        result = store.query(
            "CONSTRUCT { ?x ?p ?o } WHERE { "
            f"VALUES ?x {{ {values} }} VALUES ?p {{ rdf:type rdfs:label }} "
            f"GRAPH ?g {{ ?x ?p ?o }} FILTER(?g != <{source.iri}>) }}"
        )
        chunks.append(ox.serialize(result.raw, format=ox.RdfFormat.N_TRIPLES) or b"")
    return b"".join(chunks)


def validate_source(store: Store, source: Source) -> None:
    """Check one source, with what the store holds about its entities, before it is written.

    Raises
    ------
    InputError
        Naming the source, the line of the first violation and every violation (up to 20).

    Examples
    --------
    >>> from graph.store import open_store
    >>> from graph.model.rdf import make_source
    >>> validate_source(open_store("memory:"), make_source("http://x/g", "g", []))
    """
    report = validate_graph(_data_graph(source.payload + b"\n" + _context(store, source)))
    if report.conforms:
        return
    shown = report.violations[:_MAX_SHOWN]
    first = shown[0]
    line = next((loc.line for loc in first.locations if loc.source == source.name), None)
    rest = "".join(f"\n{v}" for v in shown[1:])
    more = len(report.violations) - len(shown)
    extra = f"\n… and {more} more" if more > 0 else ""
    kind = f" ({first.type})" if first.type else ""
    raise InputError(
        source.name,
        f"breaks the shapes: {first.label}{kind}: {first.message}{rest}{extra}",
        line=line,
    )
