"""Content negotiation of the SPARQL endpoint: which media type answers which request."""

from __future__ import annotations

import pyoxigraph as ox

__all__ = ["GRAPH_TYPES", "RESULT_TYPES", "SHORT_NAMES", "negotiate"]

RESULT_TYPES: dict[str, ox.QueryResultsFormat] = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "application/xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
"""Media types of SELECT and ASK results, in the server's order of preference."""

GRAPH_TYPES: dict[str, ox.RdfFormat] = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "text/plain": ox.RdfFormat.N_TRIPLES,
}
"""Media types of CONSTRUCT and DESCRIBE results (and Graph Store reads)."""

SHORT_NAMES = {
    "json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
    "csv": "text/csv", "tsv": "text/tab-separated-values", "ttl": "text/turtle",
    "turtle": "text/turtle", "nt": "application/n-triples", "ntriples": "application/n-triples",
    "rdfxml": "application/rdf+xml", "jsonld": "application/ld+json",
}
"""Values of the ``format=`` (or ``output=``) parameter, for browsers and simple clients."""

_CANONICAL = {"application/json": "application/sparql-results+json",
              "application/xml": "application/sparql-results+xml",
              "text/plain": "application/n-triples"}


def _ranges(accept: str) -> list[tuple[str, float]]:
    ranges = []
    for item in accept.split(","):
        kind, *params = (part.strip() for part in item.split(";"))
        if not kind:
            continue
        quality = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        ranges.append((kind.lower(), quality))
    return ranges


def negotiate(accept: str | None, form: str, format_param: str | None = None) -> str | None:
    """Choose the media type of a result from the ``Accept`` header (or ``format=``).

    Parameters
    ----------
    accept : str or None
        The request's ``Accept`` header.
    form : str
        ``select``, ``ask``, ``construct`` or ``describe``.
    format_param : str, optional
        A short name (``json``, ``csv``, ``ttl``…) or a media type; it wins over ``Accept``.

    Returns
    -------
    str or None
        The media type, or ``None`` when nothing acceptable can be produced (406).

    Examples
    --------
    >>> negotiate("text/csv;q=0.5, application/sparql-results+xml", "select")
    'application/sparql-results+xml'
    >>> negotiate(None, "construct")
    'text/turtle'
    >>> negotiate("application/json", "ask")
    'application/sparql-results+json'
    >>> negotiate("text/csv", "construct") is None
    True
    """
    offers = list(GRAPH_TYPES if form in ("construct", "describe") else RESULT_TYPES)
    if format_param:
        wanted = SHORT_NAMES.get(format_param.lower(), format_param.lower())
        if wanted in offers:
            return _CANONICAL.get(wanted, wanted)
    ranges = _ranges(accept or "*/*") or [("*/*", 1.0)]
    best, best_quality = None, 0.0
    for offer in offers:
        major = offer.split("/")[0]
        quality = max(
            (
                (3 if kind == offer else 2 if kind == f"{major}/*" else 1, q)
                for kind, q in ranges
                if kind in (offer, f"{major}/*", "*/*")
            ),
            default=(0, 0.0),
        )[1]
        if quality > best_quality:
            best, best_quality = offer, quality
    return _CANONICAL.get(best, best) if best else None
