"""The ``kg:`` vocabulary as code, and the ontology that defines it.

``KG`` is an rdflib :class:`~rdflib.namespace.DefinedNamespace`: a misspelt term is an
``AttributeError``, not a silent new IRI. :func:`vocabulary` reads ``ontology.ttl`` (shipped in
the package) once and answers questions about terms: which class a predicate expects, whether
it takes a literal, what a local name means.
"""

from __future__ import annotations

import difflib
import functools
from dataclasses import dataclass
from importlib import resources

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

__all__ = [
    "KG",
    "IDENTITY_GRAPH",
    "KG_NS",
    "ONTOLOGY_GRAPH",
    "PREFIXES",
    "Vocabulary",
    "ontology_turtle",
    "vocabulary",
]

KG_NS = "https://w3id.org/kg-builder/ns#"
"""The namespace IRI of the project's ontology (prefix ``kg:``)."""

ONTOLOGY_GRAPH = "https://w3id.org/kg-builder/ns"
"""Named graph (and ontology IRI) into which the ontology is loaded in every store."""

IDENTITY_GRAPH = "https://w3id.org/kg-builder/ns/identity"
"""Named graph of the identity links ``kg build`` derives (see :mod:`graph.model.identity`)."""

PREFIXES: dict[str, str] = {
    "kg": KG_NS,
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "schema": "http://schema.org/",
    "dcterms": "http://purl.org/dc/terms/",
    "owl": "http://www.w3.org/2002/07/owl#",
}
"""Prefixes pre-bound in every query and used when printing IRIs."""


class KG(DefinedNamespace):
    """The kg-builder ontology terms.

    Examples
    --------
    >>> str(KG.met)
    'https://w3id.org/kg-builder/ns#met'
    >>> KG.mett
    Traceback (most recent call last):
    ...
    AttributeError: term 'mett' not in namespace 'https://w3id.org/kg-builder/ns#'
    """

    _fail = True
    _NS = Namespace(KG_NS)

    # classes
    Agent: URIRef
    Person: URIRef
    Organization: URIRef
    Place: URIRef
    Country: URIRef
    City: URIRef
    Region: URIRef
    Position: URIRef
    Event: URIRef
    Meeting: URIRef
    Visit: URIRef
    PressConference: URIRef
    PhoneCall: URIRef
    Election: URIRef
    Agreement: URIRef
    Topic: URIRef
    Quote: URIRef
    Document: URIRef
    Evidence: URIRef
    # direct relations
    holdsPosition: URIRef
    heldPosition: URIRef
    memberOf: URIRef
    country: URIRef
    organization: URIRef
    met: URIRef
    visited: URIRef
    locatedIn: URIRef
    capitalOf: URIRef
    said: URIRef
    addressedTo: URIRef
    concerns: URIRef
    party: URIRef
    cooperatesWith: URIRef
    mentions: URIRef
    # events
    participant: URIRef
    place: URIRef
    date: URIRef
    status: URIRef
    cameo: URIRef
    text: URIRef
    # provenance
    document: URIRef
    sentence: URIRef
    start: URIRef
    end: URIRef
    line: URIRef
    method: URIRef
    confidence: URIRef
    contentHash: URIRef
    mentionCount: URIRef
    pagerank: URIRef
    # annotations of the ontology itself
    defaultDomain: URIRef
    defaultRange: URIRef


_RDF_TYPE = PREFIXES["rdf"] + "type"
_RDFS = PREFIXES["rdfs"]
_OWL = PREFIXES["owl"]
_XSD = PREFIXES["xsd"]


def ontology_turtle() -> bytes:
    """Return the ontology as Turtle bytes, as shipped in the package.

    Examples
    --------
    >>> b"kg:met" in ontology_turtle()
    True
    """
    return resources.files(__package__).joinpath("ontology.ttl").read_bytes()


@dataclass(frozen=True)
class Vocabulary:
    """What the ontology says about its terms, by local name.

    Attributes
    ----------
    classes : frozenset of str
        Local names of the ``kg:`` classes.
    properties : frozenset of str
        Local names of the ``kg:`` properties.
    datatype : frozenset of str
        Properties whose values are literals.
    default_domain, default_range : dict
        The class an untyped subject / object of a property takes.
    range_datatype : dict
        XSD datatype IRI of a datatype property's values, where the ontology gives one.
    superclasses : dict
        Class → its ``kg:`` superclasses (transitively, itself excluded).
    symmetric : frozenset of str
        Properties stored in both directions (``met``, ``cooperatesWith``).
    """

    classes: frozenset[str]
    properties: frozenset[str]
    datatype: frozenset[str]
    default_domain: dict[str, str]
    default_range: dict[str, str]
    range_datatype: dict[str, str]
    superclasses: dict[str, frozenset[str]]
    symmetric: frozenset[str]

    def iri(self, local: str) -> str:
        """Return the full IRI of a ``kg:`` term.

        Examples
        --------
        >>> vocabulary().iri("met")
        'https://w3id.org/kg-builder/ns#met'
        """
        return KG_NS + local

    def suggest(self, name: str, *, among: str = "properties") -> str | None:
        """Return the closest known term to a misspelt one, or ``None``.

        Examples
        --------
        >>> vocabulary().suggest("mett")
        'met'
        >>> vocabulary().suggest("persn", among="classes")
        'Person'
        """
        pool = self.properties if among == "properties" else self.classes
        lowered = {term.lower(): term for term in pool}
        if name.lower() in lowered:
            return lowered[name.lower()]
        close = difflib.get_close_matches(name.lower(), list(lowered), n=1, cutoff=0.6)
        return lowered[close[0]] if close else None

    def is_a(self, cls: str, ancestor: str) -> bool:
        """Tell whether class ``cls`` is ``ancestor`` or one of its subclasses.

        Examples
        --------
        >>> vocabulary().is_a("Country", "Place")
        True
        >>> vocabulary().is_a("Place", "Country")
        False
        """
        return cls == ancestor or ancestor in self.superclasses.get(cls, frozenset())


@functools.cache
def vocabulary() -> Vocabulary:
    """Read the shipped ontology once and return what it says about ``kg:`` terms.

    Examples
    --------
    >>> voc = vocabulary()
    >>> "met" in voc.properties, "Person" in voc.classes
    (True, True)
    >>> voc.default_range["capitalOf"]
    'Country'
    """
    import pyoxigraph as ox

    classes: set[str] = set()
    properties: set[str] = set()
    datatype: set[str] = set()
    symmetric: set[str] = set()
    default_domain: dict[str, str] = {}
    default_range: dict[str, str] = {}
    range_datatype: dict[str, str] = {}
    parents: dict[str, set[str]] = {}

    def local(term: object) -> str | None:
        value = getattr(term, "value", "")
        return value[len(KG_NS):] if value.startswith(KG_NS) else None

    for triple in ox.parse(ontology_turtle(), format=ox.RdfFormat.TURTLE):
        s, p, o = local(triple.subject), triple.predicate.value, triple.object
        if s is None:
            continue
        if p == _RDF_TYPE:
            if o.value == _OWL + "Class":
                classes.add(s)
            elif o.value in (_OWL + "ObjectProperty", _OWL + "DatatypeProperty"):
                properties.add(s)
                if o.value == _OWL + "DatatypeProperty":
                    datatype.add(s)
            elif o.value == _OWL + "SymmetricProperty":
                symmetric.add(s)
        elif p == _RDFS + "subClassOf" and local(o):
            parents.setdefault(s, set()).add(local(o))  # type: ignore[arg-type]
        elif p == KG_NS + "defaultDomain":
            default_domain[s] = local(o)  # type: ignore[assignment]
        elif p == KG_NS + "defaultRange":
            default_range[s] = local(o)  # type: ignore[assignment]
        elif p == _RDFS + "range" and o.value.startswith(_XSD):
            range_datatype[s] = o.value

    def ancestors(cls: str) -> frozenset[str]:
        seen: set[str] = set()
        todo = list(parents.get(cls, ()))
        while todo:
            parent = todo.pop()
            if parent not in seen:
                seen.add(parent)
                todo.extend(parents.get(parent, ()))
        return frozenset(seen)

    return Vocabulary(
        classes=frozenset(classes),
        properties=frozenset(properties),
        datatype=frozenset(datatype),
        default_domain=default_domain,
        default_range=default_range,
        range_datatype=range_datatype,
        superclasses={cls: ancestors(cls) for cls in classes},
        symmetric=frozenset(symmetric),
    )
