"""Building a store from inputs: files of facts, articles, corpora and folders.

:func:`build` reads and checks every hand-written file before it writes any, so a malformed
one leaves the store as it was; then it writes each source as one transaction that replaces
that source's graph. A large new Turtle or N-Triples file is the exception: it is bulk-loaded
straight into the store and checked there (:func:`graph.ingest.triples.load_large`), and if it
or a later one is malformed, those loaded are dropped again. Sources the store holds with the
same content hash, written by the same pipeline (:func:`graph.model.rdf.pipeline_iri`), are
skipped, so building twice changes nothing and costs little. Articles are extracted as a
stream and written in shards (:func:`write_shards`).
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from graph.errors import InputError, KGError
from graph.ingest.triples import (
    RDF_FORMATS,
    TABLE_FORMATS,
    file_digest,
    file_pipeline,
    is_large,
    load_large,
    read_triples,
    source_name,
)
from graph.model.iri import Minter
from graph.model.rdf import Source, ontology_source, pipeline_iri
from graph.model.vocab import ONTOLOGY_GRAPH, ontology_turtle
from graph.store.base import Store

__all__ = ["DOCUMENT_SUFFIXES", "BuildSummary", "build", "collect_inputs", "ensure_ontology",
           "update_identity"]

DOCUMENT_SUFFIXES = frozenset({".txt", ".md", ".jsonl"})
"""Inputs that are articles (text) or corpora (JSONL)."""

FACT_SUFFIXES = frozenset({*TABLE_FORMATS, *RDF_FORMATS})

Progress = Callable[[Source], None]

Stored = tuple[str | None, str | None]
"""What the store says of a source: its content hash and the pipeline that wrote it."""


@dataclass
class BuildSummary:
    """What a build did.

    Attributes
    ----------
    sources : int
        Sources written (files of facts and documents).
    unchanged : int
        Sources skipped because the store holds them with the same content hash.
    documents : int
        Articles among them.
    facts : int
        Facts stated (rows of hand-written files, extracted statements).
    triples : int
        Triples written, evidence and labels included.
    seconds : float
    """

    sources: int = 0
    unchanged: int = 0
    documents: int = 0
    facts: int = 0
    triples: int = 0
    seconds: float = 0.0

    def add(self, source: Source, *, document: bool = False) -> None:
        """Count a written source."""
        self.sources += 1
        self.documents += int(document)
        self.facts += source.facts
        self.triples += source.triples

    def __str__(self) -> str:
        skipped = f", {self.unchanged} unchanged sources skipped" if self.unchanged else ""
        return (
            f"{self.sources} sources ({self.documents} documents), {self.facts} facts, "
            f"{self.triples} triples in {self.seconds:.1f} s{skipped}"
        )


def _walk(folder: Path) -> Iterator[Path]:
    """Yield the files below ``folder`` in a stable order, without following links to folders."""
    for root, dirs, files in os.walk(folder, followlinks=False, onerror=_raise_walk_error):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root) / name


def _raise_walk_error(exc: OSError) -> None:
    raise InputError(str(exc.filename), f"cannot read folder: {exc.strerror}")


def collect_inputs(inputs: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """Expand folders (recursively) and check that every input is something we can read.

    Inside folders, files of unknown kinds are skipped; named explicitly, they are an error,
    and so is a folder holding no file of a kind we read.

    Examples
    --------
    >>> collect_inputs(["no-such-file.csv"])
    Traceback (most recent call last):
    ...
    graph.errors.InputError: no-such-file.csv: no such file or folder
    """
    known = FACT_SUFFIXES | DOCUMENT_SUFFIXES
    found: list[Path] = []
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            inside = [p for p in _walk(path) if p.suffix.lower() in known]
            if not inside:
                kinds = ", ".join(sorted(known))
                raise InputError(str(item), f"nothing to read here (kg build reads {kinds})")
            found.extend(inside)
        elif path.is_file():
            if path.suffix.lower() not in known:
                kinds = ", ".join(sorted(known))
                raise InputError(str(item), f"unknown kind of input (expected one of {kinds})")
            found.append(path)
        elif path.is_symlink():
            raise InputError(str(item), "broken or looping symbolic link")
        elif path.exists():
            raise InputError(str(item), "not a regular file or folder")
        else:
            raise InputError(str(item), "no such file or folder")
    unique: dict[Path, Path] = {}
    for path in found:
        unique.setdefault(path.resolve(), path)
    return list(unique.values())


def ensure_ontology(store: Store) -> bool:
    """Load the shipped ontology into its graph unless the same version is there already.

    Returns whether it was (re)loaded.
    """
    digest = hashlib.sha256(ontology_turtle()).hexdigest()
    if bool(store.query(f'ASK {{ GRAPH <{ONTOLOGY_GRAPH}> {{ <{ONTOLOGY_GRAPH}> '
                        f'kg:contentHash "{digest}" }} }}')):
        return False
    store.write(ontology_source())
    return True


def _digest(path: Path) -> str | None:
    try:
        return file_digest(path)
    except OSError:
        return None  # read_triples says why


def _read_fact_files(paths: list[Path], minter: Minter) -> list[Source]:
    sources, errors = [], []
    for path in paths:
        try:
            sources.append(read_triples(path, minter=minter))
        except InputError as exc:
            errors.append(exc)
    if len(errors) == 1:
        raise errors[0]
    if errors:
        raise KGError("\n".join(str(e) for e in errors))
    return sources


def _load_large_files(
    paths: list[Path], store: Store, minter: Minter
) -> tuple[list[Source], list[Source]]:
    """Bulk-load large new files; return those loaded and those to write the usual way.

    On an error or an interruption, the graphs loaded so far are dropped again (the failing
    file's own by :func:`load_large`): the store is as before.
    """
    loaded: list[Source] = []
    others: list[Source] = []
    try:
        for path in paths:
            source = load_large(store, path, minter=minter)
            if source is None:
                others.append(read_triples(path, minter=minter))
            else:
                loaded.append(source)
    except BaseException:
        for source in loaded:
            store.remove(source.iri)
        raise
    return loaded, others


def _document_sources(
    paths: list[Path], minter: Minter, summary: BuildSummary, stored: dict[str, Stored],
    *, workers: int, dask: object, model: str | None,
) -> Iterator[list[Source]]:
    if not paths:
        return
    try:
        import graph.extract  # noqa: F401
    except ImportError:
        raise InputError(
            source_name(paths[0]), "text extraction is not available in this version"
        ) from None
    from graph.ingest.documents import iter_documents
    from graph.parallel import content_hash, map_chunks

    for path in paths:  # a malformed corpus is rejected before anything is extracted
        for _ in iter_documents([path]):
            pass

    pipeline = pipeline_iri()

    def changed() -> Iterator[tuple[Any, str]]:
        for doc, name in iter_documents(paths):
            if stored and stored.get(minter.source(doc.id)) == (content_hash(doc), pipeline):
                summary.unchanged += 1
                continue
            yield doc, name

    yield from map_chunks(changed(), minter=minter, model=model, workers=workers, dask=dask)


SHARD_TRIPLES = 20_000
"""A shard of extracted sources closes once it holds this many triples…"""

SHARD_SECONDS = 1.0
"""…or once this many seconds went by since the last one closed, whichever comes first."""


def write_shards(
    store: Store, chunks: Iterable[Sequence[Source]],
    written: Callable[[Source], None] | None = None,
) -> None:
    """Write chunks of sources, as they come, in shards of one :meth:`Store.write_many` each.

    After each chunk arrives, the shard closes if it holds :data:`SHARD_TRIPLES` triples or
    :data:`SHARD_SECONDS` went by since the last shard closed: a slow extraction writes each
    chunk as soon as it is extracted, a fast one gathers several chunks in one transaction.
    ``written`` is called with each source once its shard is in the store.

    Examples
    --------
    >>> from graph.model.rdf import make_source, term
    >>> from graph.store import open_store
    >>> import pyoxigraph as ox
    >>> t = ox.Triple(term("http://x/a"), term("kg:met"), term("http://x/b"))
    >>> store, names = open_store("memory:"), []
    >>> chunks = ([make_source(f"http://x/g{i}", f"g{i}", [t])] for i in range(3))
    >>> write_shards(store, chunks, lambda source: names.append(source.name))
    >>> names
    ['g0', 'g1', 'g2']
    """
    shard: list[Source] = []
    size = 0
    closed = time.monotonic()

    def flush() -> None:
        store.write_many(shard)
        for source in shard:
            if written is not None:
                written(source)
        shard.clear()

    for chunk in chunks:
        shard.extend(chunk)
        size += sum(source.triples for source in chunk)
        if size >= SHARD_TRIPLES or time.monotonic() - closed >= SHARD_SECONDS:
            flush()
            size, closed = 0, time.monotonic()
    if shard:
        flush()


def build(
    inputs: Iterable[str | os.PathLike[str]],
    store: Store,
    *,
    minter: Minter | None = None,
    progress: Progress | None = None,
    validate: bool = False,
    force: bool = False,
    workers: int = 1,
    dask: object = None,
    model: str | None = None,
) -> BuildSummary:
    r"""Build ``store`` from files of facts, articles, corpora and folders.

    Parameters
    ----------
    inputs : iterable of path-like
    store : Store
    minter : Minter, optional
        Base IRI of minted entities.
    progress : callable, optional
        Called with each source once written.
    validate : bool
        Check each source against the SHACL shapes (with what the store holds) before writing
        it; a source that would break them is rejected and not written.
    force : bool
        Write every source again, even those the store holds with the same content hash (for
        instance to extract articles again after the rules changed).
    workers : int
        Processes that extract articles in parallel (1: in this process).
    dask : str or distributed.Client, optional
        Extract on a Dask cluster instead (a scheduler address or a client).
    model : str, optional
        spaCy model for the articles (default: by language).

    Returns
    -------
    BuildSummary

    Raises
    ------
    InputError
        When a file is malformed; no file of facts is written then.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from graph.store import open_store
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "f.csv").write_text("subject,predicate,object\nA,met,B\n")
    >>> build([folder], open_store("memory:")).facts
    1
    """
    started = time.perf_counter()
    minter = minter or Minter()
    paths = collect_inputs(inputs)
    summary = BuildSummary()
    stored = {} if force else {info.iri: (info.content_hash, info.generated_by)
                               for info in store.sources()}
    fact_files = []
    for path in paths:
        if path.suffix.lower() not in FACT_SUFFIXES:
            continue
        held = stored.get(minter.source(source_name(path)))
        if held is not None and held == (_digest(path), file_pipeline(path)):
            summary.unchanged += 1
        else:
            fact_files.append(path)
    documents = [p for p in paths if p.suffix.lower() in DOCUMENT_SUFFIXES]
    large = [] if validate else [p for p in fact_files if is_large(p)]
    sources = _read_fact_files([p for p in fact_files if p not in large], minter)
    check: Callable[[Store, Source], None] | None = None
    if validate:
        from graph.validate import validate_source

        check = validate_source
        for source in sources:
            check(store, source)
    loaded, others = _load_large_files(large, store, minter)
    ensure_ontology(store)
    for source in loaded:
        summary.add(source)
        if progress:
            progress(source)
    for source in [*sources, *others]:
        store.write(source)
        summary.add(source)
        if progress:
            progress(source)
    extracted = _document_sources(documents, minter, summary, stored, workers=workers,
                                  dask=dask, model=model)

    def written(source: Source) -> None:
        summary.add(source, document=True)
        if progress:
            progress(source)

    if check is not None:  # each source is checked against what the store holds before it
        for source in (source for chunk in extracted for source in chunk):
            check(store, source)
            store.write(source)
            written(source)
    else:
        write_shards(store, extracted, written)
    if summary.sources:  # something was written: identity may have changed
        update_identity(store)
    summary.seconds = time.perf_counter() - started
    return summary


def update_identity(store: Store) -> int:
    """Derive the store's identity links again and replace its identity graph; return them.

    The graph :data:`~graph.model.vocab.IDENTITY_GRAPH` holds ``X owl:sameAs C`` for every
    node X that is one thing with node C (:mod:`graph.model.identity`): users' ``owl:sameAs``
    lines and the rules' links, kept apart by ``owl:differentFrom``. It is written when it
    changed, and dropped when empty. ``kg build`` and ``kg remove`` call it.

    Examples
    --------
    >>> from graph.store import open_store
    >>> update_identity(open_store("memory:"))
    0
    """
    from graph.model.identity import identity_source
    from graph.model.vocab import IDENTITY_GRAPH

    source = identity_source(store)
    held = {(s.value, o.value) for s, o in store.query(
        f"SELECT ?s ?o WHERE {{ GRAPH <{IDENTITY_GRAPH}> {{ ?s owl:sameAs ?o }} }}")}
    wanted = {(t.subject.value, t.object.value)
              for t in ox.parse(source.data, format=ox.RdfFormat.N_TRIPLES)} \
        if source.data else set()
    if held != wanted:
        if wanted:
            store.write(source)
        else:
            store.remove(IDENTITY_GRAPH)
    return len(wanted)
