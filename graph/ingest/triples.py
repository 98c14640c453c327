"""Hand-written facts: CSV/TSV rows in plain labels, and RDF files.

``read_triples(path)`` reads and checks a whole file and returns it as one
:class:`~graph.model.rdf.Source`; any error rejects the file whole with ``file:line[:col]``.

CSV/TSV files have a header naming ``subject,predicate,object`` and optionally
``subject_type``, ``object_type``, ``date``, ``source``, ``note``. Labels become typed
entities with deterministic IRIs: an explicit type wins, then the type the same label has
elsewhere in the file, then the predicate's default domain or range in the ontology. RDF files
(Turtle, N-Triples, N-Quads, TriG, JSON-LD) are parsed by Oxigraph and checked for unknown
``kg:`` terms; the triples of all their graphs go into the source's graph. ``load_large``
bulk-loads a large new Turtle or N-Triples file straight into the store and checks it there.
"""

from __future__ import annotations

import csv
import functools
import hashlib
import io
import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from graph.errors import InputError, StoreError
from graph.model.iri import Minter, normalize_label
from graph.model.rdf import (
    Source,
    date_literal,
    document_source,
    facts_to_triples,
    make_source,
    pipeline_iri,
)
from graph.model.records import Document, Entity, Evidence, Fact, Literal
from graph.model.vocab import KG_NS, PREFIXES, vocabulary

if TYPE_CHECKING:
    from graph.store.base import Store

__all__ = [
    "CSV_COLUMNS",
    "LARGE_BYTES",
    "RDF_FORMATS",
    "TABLE_FORMATS",
    "file_digest",
    "file_pipeline",
    "is_large",
    "load_large",
    "parse_rows",
    "read_triples",
    "resolve_predicate",
    "source_name",
]

TABLE_FORMATS = {".csv": ",", ".tsv": "\t"}
"""Delimited files of facts in plain labels, by suffix."""

RDF_FORMATS = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
    ".trig": ox.RdfFormat.TRIG,
    ".jsonld": ox.RdfFormat.JSON_LD,
}
"""RDF files, by suffix, parsed by Oxigraph."""

LARGE_BYTES = 8 * 1024 * 1024
"""Turtle and N-Triples files this long go through :func:`load_large` when they are new."""

CSV_COLUMNS = ("subject", "predicate", "object", "subject_type", "object_type", "date", "source",
               "note")
"""Columns a CSV/TSV file may have; the first three are required."""

_OTHER_PREDICATES = {
    "label": PREFIXES["rdfs"] + "label",
    "altLabel": PREFIXES["skos"] + "altLabel",
    "comment": PREFIXES["rdfs"] + "comment",
    "sameAs": PREFIXES["owl"] + "sameAs",
    "differentFrom": PREFIXES["owl"] + "differentFrom",
    "type": PREFIXES["rdf"] + "type",
    "a": PREFIXES["rdf"] + "type",
}
_LITERAL_PREDICATES = {_OTHER_PREDICATES[k] for k in ("label", "altLabel", "comment")}
_RDF_TYPE = PREFIXES["rdf"] + "type"
_SAME_AS = PREFIXES["owl"] + "sameAs"
_DIFFERENT = PREFIXES["owl"] + "differentFrom"
_XSD = PREFIXES["xsd"]
_INTEGER = re.compile(r"^[+-]?\d+$")
_DECIMAL = re.compile(r"^[+-]?(\d+\.\d*|\.\d+)$")
_ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_MAX_ERRORS = 20
_QUOTE_LABEL = 80


def source_name(path: str | os.PathLike[str]) -> str:
    """Return the name a file is known by: its path relative to the working directory.

    Examples
    --------
    >>> source_name("facts.csv")
    'facts.csv'
    """
    absolute = Path(os.path.abspath(path))  # links are not followed: the name as given
    try:
        return absolute.relative_to(Path(os.path.abspath(Path.cwd()))).as_posix()
    except ValueError:
        return absolute.as_posix()


def resolve_predicate(text: str) -> str:
    """Return the full IRI of a predicate given by local name, prefixed name or IRI.

    Raises
    ------
    ValueError
        With a did-you-mean, for unknown ``kg:`` names.

    Examples
    --------
    >>> resolve_predicate("met")
    'https://w3id.org/kg-builder/ns#met'
    >>> resolve_predicate("owl:sameAs")
    'http://www.w3.org/2002/07/owl#sameAs'
    >>> resolve_predicate("mett")
    Traceback (most recent call last):
    ...
    ValueError: unknown predicate 'mett' (did you mean 'met'?)
    """
    name = text.strip()
    if name.startswith("<") and name.endswith(">"):
        name = name[1:-1]
    voc = vocabulary()
    local: str | None = None
    if name.startswith(KG_NS):
        local = name[len(KG_NS):]
    elif re.match(r"^[a-z][\w+.-]*://", name) or name.startswith("urn:"):
        return name
    elif ":" in name:
        prefix, _, rest = name.partition(":")
        if prefix not in PREFIXES:
            raise ValueError(f"unknown prefix {prefix!r} in {text!r}; known: {', '.join(PREFIXES)}")
        if prefix != "kg":
            return PREFIXES[prefix] + rest
        local = rest
    elif name in _OTHER_PREDICATES:
        return _OTHER_PREDICATES[name]
    else:
        local = name
    if local in voc.properties:
        return KG_NS + local
    hint = voc.suggest(local)
    if hint is None:
        lowered = {k.lower(): k for k in _OTHER_PREDICATES}
        hint = lowered.get(local.lower())
    more = f" (did you mean {hint!r}?)" if hint else ""
    raise ValueError(f"unknown predicate {text.strip()!r}{more}")


def _resolve_class(text: str) -> str:
    name = text.strip()
    if name.startswith("kg:"):
        name = name[3:]
    elif name.startswith(KG_NS):
        name = name[len(KG_NS):]
    voc = vocabulary()
    if name in voc.classes:
        return name
    hint = voc.suggest(name, among="classes")
    if hint is not None and hint.lower() == name.lower():
        return hint
    more = f" (did you mean {hint!r}?)" if hint else ""
    raise ValueError(f"unknown type {text.strip()!r}{more}")


@dataclass(frozen=True)
class _Row:
    line: int
    text: str
    subject: str
    predicate: str
    object: str
    subject_type: str | None
    object_type: str | None
    date: str | None
    cites: str | None
    note: str | None


def _decode(raw: bytes, path: str) -> str:
    if b"\x00" in raw:
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        raise InputError(path, "NUL byte: this looks like a binary file, not text", line=line)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InputError(
            path, f"not valid UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start})", line=line
        ) from None


def _header(cells: list[str], path: str, delimiter: str) -> list[str]:
    names = [c.strip().lower() for c in cells]
    missing = [c for c in ("subject", "predicate", "object") if c not in names]
    if missing:
        hint = ""
        joined = delimiter.join(cells)
        for other in (",", ";", "\t", "|"):
            if other != delimiter and other in joined:
                hint = f"; is the delimiter {other!r}? (this file type expects {delimiter!r})"
                break
        raise InputError(
            path, f"the header must name subject, predicate and object; found {joined!r}{hint}",
            line=1,
        )
    for name in names:
        if name not in CSV_COLUMNS:
            raise InputError(
                path, f"unknown column {name!r}; columns are {', '.join(CSV_COLUMNS)}", line=1
            )
    return names


def parse_rows(text: str, path: str, delimiter: str = ",") -> Iterator[_Row]:
    """Yield the checked rows of a CSV/TSV text (header first, ``#`` lines are comments).

    Raises
    ------
    InputError
        For the first malformed row, with the other errors (up to 20) attached.
    """
    lines = text.splitlines()
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    errors: list[InputError] = []
    rows: list[_Row] = []
    header: list[str] | None = None
    start = 1
    try:
        for cells in reader:
            line, start = start, reader.line_num + 1
            if not any(c.strip() for c in cells) or cells[0].lstrip().startswith("#"):
                continue
            if header is None:
                header = _header(cells, path, delimiter)
                continue
            if len(cells) != len(header):
                errors.append(InputError(
                    path, f"expected {len(header)} columns, found {len(cells)}", line=line))
                continue
            values = {name: cell.strip() for name, cell in zip(header, cells, strict=True)}
            try:
                rows.append(_check_row(values, line, lines[line - 1] if line <= len(lines) else ""))
            except ValueError as exc:
                errors.append(InputError(path, str(exc), line=line))
    except csv.Error as exc:
        errors.append(InputError(path, f"malformed CSV: {exc}", line=reader.line_num))
    if header is None and not errors:
        raise InputError(path, "empty file: no header and no facts", line=1)
    if errors:
        first = errors[0]
        if len(errors) > 1:
            shown = "\n".join(str(e) for e in errors[1:_MAX_ERRORS])
            more = len(errors) - _MAX_ERRORS
            extra = f"\n… and {more} more" if more > 0 else ""
            raise InputError(path, f"{first.reason}\n{shown}{extra}", line=first.line)
        raise first
    yield from rows


def _check_row(values: dict[str, str], line: int, text: str) -> _Row:
    for name in ("subject", "predicate", "object"):
        if not values.get(name):
            raise ValueError(f"empty {name}")
    predicate = resolve_predicate(values["predicate"])
    subject_type = _resolve_class(values["subject_type"]) if values.get("subject_type") else None
    object_type = _resolve_class(values["object_type"]) if values.get("object_type") else None
    if predicate == _RDF_TYPE:
        _resolve_class(values["object"])
    date = values.get("date") or None
    if date:
        date_literal(date)
    _object_value(predicate, values["object"], object_type)  # checks literals
    return _Row(line, text, values["subject"], predicate, values["object"], subject_type,
                object_type, date, values.get("source") or None, values.get("note") or None)


def _object_value(predicate: str, text: str, object_type: str | None) -> Literal | str | None:
    """Return the literal or IRI an object stands for, or ``None`` when it names an entity."""
    voc = vocabulary()
    local = predicate[len(KG_NS):] if predicate.startswith(KG_NS) else None
    if text.startswith("<") and text.endswith(">"):
        try:
            return ox.NamedNode(text[1:-1]).value
        except ValueError:
            raise ValueError(f"not a valid IRI: {text!r}") from None
    if object_type is not None or predicate in (_SAME_AS, _DIFFERENT, _RDF_TYPE):
        return None
    if local is not None:
        if local not in voc.datatype:
            return None
        datatype = voc.range_datatype.get(local)
        if local == "date":
            return date_literal(text)
        if datatype == _XSD + "integer":
            if not _INTEGER.match(text):
                raise ValueError(f"kg:{local} takes a whole number, not {text!r}")
            return Literal(text, datatype)
        if datatype == _XSD + "decimal":
            if not (_INTEGER.match(text) or _DECIMAL.match(text)):
                raise ValueError(f"kg:{local} takes a number, not {text!r}")
            return Literal(text, datatype)
        return Literal(text)
    if predicate in _LITERAL_PREDICATES:
        return Literal(text)
    if re.match(r"^[a-z][\w+.-]*://\S+$", text):
        return text
    if _ISO.match(text):
        return date_literal(text)
    if _INTEGER.match(text):
        return Literal(text, _XSD + "integer")
    if _DECIMAL.match(text):
        return Literal(text, _XSD + "decimal")
    return Literal(text)


@functools.cache
def _known_places() -> dict[str, str]:
    """Return normalised country names and capitals → class, from the extraction lexicons."""
    import yaml

    places: dict[str, str] = {}
    folder = Path(__file__).resolve().parents[1] / "extract"  # graph/extract/LANG/*.yaml
    for lang in sorted(folder.iterdir()) if folder.is_dir() else ():
        lexicon = lang / "countries.yaml"
        if not lexicon.is_file():
            continue
        for entry in yaml.safe_load(lexicon.read_text(encoding="utf-8")) or ():
            if entry.get("capital"):
                places.setdefault(normalize_label(entry["capital"]), "City")
            for name in (entry.get("name"), *(entry.get("aliases") or ())):
                if name:
                    places[normalize_label(name)] = "Country"
    return places


def _label_types(rows: list[_Row]) -> dict[str, str]:
    """Decide one class per label: explicit, else a known place, else the first inferred one.

    A known country or capital keeps its class, so that a lone ``Rabat,met,…`` stays a city.
    """
    voc = vocabulary()
    places = _known_places()
    explicit: dict[str, str] = {}
    inferred: dict[str, str] = {}
    for row in rows:
        if row.predicate == _RDF_TYPE:
            explicit.setdefault(row.subject, _resolve_class(row.object))
        if row.subject_type:
            explicit.setdefault(row.subject, row.subject_type)
        if row.object_type:
            explicit.setdefault(row.object, row.object_type)
    for row in rows:
        local = row.predicate[len(KG_NS):] if row.predicate.startswith(KG_NS) else None
        if local and local in voc.default_domain:
            inferred.setdefault(row.subject, places.get(normalize_label(row.subject))
                                or voc.default_domain[local])
        if local and local in voc.default_range and local not in voc.datatype:
            inferred.setdefault(row.object, places.get(normalize_label(row.object))
                                or voc.default_range[local])
    for row in rows:  # owl:sameAs: an untyped side takes the other side's type
        if row.predicate in (_SAME_AS, _DIFFERENT):
            for one, other in ((row.subject, row.object), (row.object, row.subject)):
                known = explicit.get(other) or inferred.get(other)
                if one not in explicit and one not in inferred and known:
                    inferred[one] = known
    return {**inferred, **explicit}


def _post_keys(rows: list[_Row], types: dict[str, str]) -> dict[str, tuple[str, str | None]]:
    """Return each post label of a file → (the post's label, its country or organisation).

    The one rule for a post's identity (:func:`graph.model.identity.post_key`), as for
    articles: « ministre de l'Agriculture d'Espagne », or « ministre de l'Agriculture » with a
    ``country`` row, is the post « ministre de l'Agriculture » of Spain.
    """
    from graph.model.identity import post_key

    countries = _country_names()
    given: dict[str, str] = {}
    for row in rows:
        if types.get(row.subject) == "Position" or row.subject_type == "Position":
            if row.predicate in (KG_NS + "country", KG_NS + "organization"):
                given.setdefault(row.subject, row.object)
    out = {}
    for label, cls in types.items():
        if cls == "Position":
            base, country = post_key(label, countries)
            out[label] = (base, countries.get(normalize_label(given[label]), given[label])
                          if label in given else country)
    return out


@functools.cache
def _country_names() -> dict[str, str]:
    from graph.extract.resources import LANGUAGES, load_resources

    names: dict[str, str] = {}
    for lang in LANGUAGES:
        for key, name in load_resources(lang).countries.items():
            names.setdefault(key, name)
    return names


def _csv_facts(rows: list[_Row], source_iri: str, minter: Minter) -> list[Fact]:
    types = _label_types(rows)
    posts = _post_keys(rows, types)
    labels: dict[str, str] = {}  # IRI → first label seen, for aliases

    def entity(label: str, cls: str | None) -> Entity:
        cls = cls or types.get(label) or "Agent"
        name = label
        if cls == "Position" and label in posts:
            name, key = posts[label]
            iri = minter.keyed(cls, name, key) if key else minter.entity(cls, name)
        else:
            iri = minter.entity(cls, label)
        first = labels.setdefault(iri, name)
        aliases = tuple(a for a in dict.fromkeys((label, name)) if a != first)
        return Entity(iri, cls, first, aliases=aliases)

    facts: list[Fact] = []
    for row in rows:
        evidence = Evidence(
            document=source_iri, method="manual", sentence=row.text, line=row.line,
            date=row.date, note=row.note, cites=row.cites,
        )
        subject = entity(row.subject, row.subject_type)
        if row.predicate == _RDF_TYPE:
            facts.append(Fact(subject, _RDF_TYPE, KG_NS + _resolve_class(row.object), evidence))
            continue
        if row.predicate == KG_NS + "said":
            text = row.object
            label = text if len(text) <= _QUOTE_LABEL else text[: _QUOTE_LABEL - 1] + "…"
            quote = Entity(minter.hashed("Quote", " ".join(text.split())), "Quote", label)
            facts.append(Fact(subject, row.predicate, quote, evidence))
            facts.append(Fact(quote, KG_NS + "text", Literal(text)))
            continue
        value = _object_value(row.predicate, row.object, row.object_type)
        obj = entity(row.object, row.object_type) if value is None else value
        facts.append(Fact(subject, row.predicate, obj, evidence))
    return facts


def _read_table(raw: bytes, path: Path, name: str, iri: str, minter: Minter) -> Source:
    delimiter = TABLE_FORMATS[path.suffix.lower()]
    rows = list(parse_rows(_decode(raw, name), name, delimiter))
    facts = _csv_facts(rows, iri, minter)
    triples = facts_to_triples(facts, source=iri, minter=minter)
    doc = Document(id=name, text="", title=path.name, source=name)
    triples |= document_source(doc, iri, raw)
    return make_source(iri, name, triples, facts=len(rows))


def _line_of(raw: bytes, needle: str) -> int | None:
    position = raw.find(needle.encode("utf-8"))
    return raw[:position].count(b"\n") + 1 if position >= 0 else None


def _used_terms(
    run: Callable[[str], Iterable[Any]], graph: str | None = None
) -> tuple[dict[str, int], set[str]]:
    """Return the predicates (with their triple counts) and classes a graph uses.

    ``run`` answers a SELECT; ``graph`` scopes it (default: the default graph). Two scans of
    indexes in the engine, whatever the size of the graph.
    """
    def scoped(pattern: str) -> str:
        return f"GRAPH <{graph}> {{ {pattern} }}" if graph else pattern

    predicates = {
        row[0].value: int(row[1].value)
        for row in run(f"SELECT ?t (COUNT(*) AS ?n) WHERE {{ {scoped('?s ?t ?o')} }} GROUP BY ?t")
    }
    classes = {row[0].value for row in run(f"SELECT DISTINCT ?t WHERE {{ {scoped('?s a ?t')} }}")}
    return predicates, classes


def _check_kg_terms(
    predicates: Iterable[str], classes: Iterable[str], name: str, raw: Callable[[], bytes]
) -> None:
    """Reject the first ``kg:`` predicate or class the ontology does not define.

    ``raw`` gives the file's bytes, read only to point at the line of an unknown term.
    """
    voc = vocabulary()
    for role, used, known in (("predicate", predicates, voc.properties),
                              ("class", classes, voc.classes)):
        for iri in sorted(used):
            if not iri.startswith(KG_NS) or iri[len(KG_NS):] in known:
                continue
            local = iri[len(KG_NS):]
            hint = voc.suggest(local, among="properties" if role == "predicate" else "classes")
            more = f" (did you mean kg:{hint}?)" if hint else ""
            content = raw()
            line = _line_of(content, f":{local}") or _line_of(content, f"#{local}")
            raise InputError(name, f"unknown {role} kg:{local}{more}", line=line)


def _syntax_error(exc: BaseException, name: str, raw: Callable[[], bytes]) -> InputError:
    reason = getattr(exc, "msg", None) or str(exc)
    line, column = getattr(exc, "lineno", None), getattr(exc, "offset", None)
    if "LoadDocumentCallback" in reason:
        reason = "remote JSON-LD contexts are not fetched (no network access): inline it"
        line, column = _line_of(raw(), "@context"), None
    return InputError(name, reason, line=line, column=column)


def _read_rdf(raw: bytes, path: Path, name: str, iri: str) -> Source:
    rdf_format = RDF_FORMATS[path.suffix.lower()]
    digest = hashlib.sha256(raw).hexdigest()
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    mem = ox.Store()
    try:
        mem.bulk_load(raw, format=rdf_format, base_iri=_base_iri(path))
    except (SyntaxError, ValueError, OSError) as exc:
        raise _syntax_error(exc, name, lambda: raw) from None

    def run(sparql: str) -> Any:
        return mem.query(sparql, use_default_graph_as_union=True)

    predicates, classes = _used_terms(run)
    _check_kg_terms(predicates, classes, name, lambda: raw)
    if rdf_format.supports_datasets:  # merge the file's graphs into the source's graph
        merged = mem.query(
            "CONSTRUCT { ?s ?p ?o } WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }",
            use_default_graph_as_union=True,
        )
        assert isinstance(merged, ox.QueryTriples)
        body = merged.serialize(format=ox.RdfFormat.N_TRIPLES) or b""
        count = body.count(b"\n")
    elif rdf_format == ox.RdfFormat.N_TRIPLES:  # already what the store takes: no re-encoding
        body = raw if raw.endswith(b"\n") or not raw else raw + b"\n"
        count = len(mem)
    else:
        body = mem.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph()) or b""
        count = len(mem)
    doc = Document(id=name, text="", title=path.name, source=name)
    meta = make_source(iri, name, document_source(doc, iri, digest=digest, base=_base_iri(path)))
    return Source(iri=iri, name=name, data=body, triples=count + meta.triples, facts=count,
                  meta=meta.data)


def _base_iri(path: str | os.PathLike[str]) -> str:
    """Return the IRI an RDF file's relative IRIs resolve against: its own ``file:`` URI."""
    return Path(path).resolve().as_uri()


def file_pipeline(path: str | os.PathLike[str]) -> str:
    """Return the ``prov:wasGeneratedBy`` a file of facts records when it is read.

    :func:`~graph.model.rdf.pipeline_iri`, and for an RDF file, of the base of its IRIs.

    Examples
    --------
    >>> file_pipeline("a.csv") == file_pipeline("b.csv") != file_pipeline("a.ttl")
    True
    """
    if Path(path).suffix.lower() in RDF_FORMATS:
        return pipeline_iri(_base_iri(path))
    return pipeline_iri()


def file_digest(path: str | os.PathLike[str]) -> str:
    """Return the SHA-256 of a file, read in blocks: the ``kg:contentHash`` of a file of facts.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "f.csv"
    >>> _ = path.write_bytes(b"abc")
    >>> file_digest(path)[:16]
    'ba7816bf8f01cfea'
    """
    with open(path, "rb") as file:
        return hashlib.file_digest(file, "sha256").hexdigest()


def is_large(path: str | os.PathLike[str]) -> bool:
    """Whether a file of facts goes through :func:`load_large`.

    That is Turtle or N-Triples (not a dataset) of at least :data:`LARGE_BYTES`.
    """
    rdf_format = RDF_FORMATS.get(Path(path).suffix.lower())
    if rdf_format is None or rdf_format.supports_datasets:
        return False
    try:
        return os.stat(path).st_size >= LARGE_BYTES
    except OSError:
        return False  # read_triples says why


def load_large(
    store: Store, path: str | os.PathLike[str], *, minter: Minter | None = None,
    name: str | None = None,
) -> Source | None:
    r"""Bulk-load a large Turtle or N-Triples file straight into a new graph, and check it there.

    :func:`read_triples` parses a file in memory, checks it, and hands it to the store, which
    loads it again. For a file of millions of triples that starts a new source, this loads it
    once: the engine's bulk loader writes it into the source's graph, two index scans find its
    ``kg:`` terms, and the document node goes in last. Malformed content, an unknown term or
    any other failure (a full disk, an interrupted build) drops the graph again, so the store
    ends as it was. Meanwhile readers see the graph partly loaded. What a killed build left
    (a graph without its document node) is dropped before loading.

    Parameters
    ----------
    store : Store
    path : path-like
    minter : Minter, optional
    name : str, optional
        What the source is known by; defaults to :func:`source_name`.

    Returns
    -------
    Source or None
        What was written (its ``data`` empty: the triples are in the store), or ``None`` when
        this path does not apply and the caller must :func:`read_triples` and write it: the
        store already holds the source whole, the file starts with a byte-order mark, or the
        backend cannot load files.

    Raises
    ------
    InputError
        With ``file:line[:col]: reason``; the store keeps nothing of the file.
    StoreError
        When the store fails while loading; it keeps nothing of the file.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from graph.store import open_store
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "big.nt"
    >>> _ = path.write_text("<http://x/a> <https://w3id.org/kg-builder/ns#met> <http://x/b> .\n")
    >>> load_large(open_store("memory:"), path, name="big.nt").facts
    1
    """
    path = Path(path)
    minter = minter or Minter()
    name = name or source_name(path)
    rdf_format = RDF_FORMATS[path.suffix.lower()]
    iri = minter.source(name)
    try:
        with open(path, "rb") as file:
            if file.read(3) == b"\xef\xbb\xbf":
                return None
    except OSError as exc:
        raise InputError(name, f"cannot read: {exc.strerror or exc}") from None
    if bool(store.query(f"ASK {{ GRAPH <{iri}> {{ ?s ?p ?o }} }}")):
        if bool(store.query(f"ASK {{ GRAPH <{iri}> {{ <{iri}> a kg:Document }} }}")):
            return None  # held whole: the caller reads it and writes it over
        store.remove(iri)  # the rest of a killed bulk load: no source yet
    base = _base_iri(path)
    digest = file_digest(path)

    def raw() -> bytes:
        return path.read_bytes()

    def run(sparql: str) -> Any:
        return store.query(sparql)

    try:
        if not store.load_file(iri, path, rdf_format, base_iri=base):
            return None
        predicates, classes = _used_terms(run, iri)
        _check_kg_terms(predicates, classes, name, raw)
        doc = Document(id=name, text="", title=path.name, source=name)
        meta = make_source(iri, name, document_source(doc, iri, digest=digest, base=base))
        store.update(f"INSERT DATA {{ GRAPH <{iri}> {{\n{meta.data.decode('utf-8')}\n}} }}")
    except (SyntaxError, ValueError) as exc:  # the parser's: malformed content
        store.remove(iri)
        raise _syntax_error(exc, name, raw) from None
    except OSError as exc:  # the store's: a full disk, a lost server
        store.remove(iri)
        raise StoreError(f"cannot load {name} into {store.url}: {exc}") from None
    except BaseException:  # an unknown term, an interrupted build: nothing of the file stays
        store.remove(iri)
        raise
    count = sum(predicates.values())
    return Source(iri=iri, name=name, data=b"", triples=count + meta.triples, facts=count,
                  meta=meta.data)


def read_triples(
    path: str | os.PathLike[str], *, minter: Minter | None = None, name: str | None = None
) -> Source:
    r"""Read and check a whole file of hand-written facts.

    Parameters
    ----------
    path : path-like
        A ``.csv``/``.tsv`` table or an RDF file (``.ttl``, ``.nt``, ``.nq``, ``.trig``,
        ``.jsonld``).
    minter : Minter, optional
        Decides the base IRI of entities and of the source graph.
    name : str, optional
        What the source is known by; defaults to :func:`source_name`.

    Returns
    -------
    Source
        The file's graph, ready for :meth:`graph.store.Store.write`.

    Raises
    ------
    InputError
        With ``file:line[:col]: reason``; nothing of the file is kept.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "f.csv").write_text("subject,predicate,object\nA B,met,C D\n")
    >>> read_triples(folder / "f.csv", name="f.csv").facts
    1
    """
    path = Path(path)
    minter = minter or Minter()
    name = name or source_name(path)
    suffix = path.suffix.lower()
    if suffix not in TABLE_FORMATS and suffix not in RDF_FORMATS:
        known = ", ".join(sorted([*TABLE_FORMATS, *RDF_FORMATS]))
        raise InputError(name, f"not a file of facts (expected one of {known})")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(name, f"cannot read: {exc.strerror or exc}") from None
    iri = minter.source(name)
    if suffix in TABLE_FORMATS:
        if not raw.strip(b"\xef\xbb\xbf \t\r\n"):
            raise InputError(name, "empty file: no header and no facts", line=1)
        return _read_table(raw, path, name, iri, minter)
    return _read_rdf(raw, path, name, iri)
