"""Mapping the extraction over documents: in this process, a process pool, or a Dask cluster.

Extraction is pure (documents in, :class:`~graph.model.rdf.Source` out), so any engine can map
it over chunks of documents. Chunks go out in input order and their sources come back in the
same order, with a bounded number in flight, so memory stays flat as the corpus grows and the
facts are the same whatever the number of workers. Each worker process loads the spaCy model
once (the model cache lives in the worker).
"""

from __future__ import annotations

import hashlib
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

from graph.ingest.documents import Named, iter_documents
from graph.model.iri import Minter
from graph.model.rdf import Source
from graph.model.records import Document

__all__ = [
    "CHUNK_DOCUMENTS", "content_hash", "extract_chunk", "iter_documents", "map_chunks",
    "map_extraction",
]

CHUNK_DOCUMENTS = 16
"""Documents sent to a worker at a time."""


def content_hash(doc: Document) -> str:
    """Return the content hash a document's source records (SHA-256 of its text).

    Examples
    --------
    >>> content_hash(Document("d", "abc"))[:12]
    'ba7816bf8f01'
    """
    return hashlib.sha256(doc.text.encode("utf-8")).hexdigest()


def extract_chunk(chunk: list[Named], base: str, model: str | None = None) -> list[Source]:
    """Extract the sources of a chunk of documents (what each worker runs).

    Parameters
    ----------
    chunk : list of (Document, name)
    base : str
        Base IRI of the :class:`~graph.model.iri.Minter`.
    model : str, optional
        spaCy model; by default, by language.
    """
    from graph.extract import extract_batch, prepare

    return list(extract_batch([(prepare(doc), name) for doc, name in chunk], Minter(base), model))


def _chunks(items: Iterable[Named], size: int) -> Iterator[list[Named]]:
    chunk: list[Named] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _ordered(submit: Callable[[list[Named]], Any], chunks: Iterable[list[Named]],
             in_flight: int, result: Callable[[Any], list[Source]]) -> Iterator[list[Source]]:
    pending: deque[Any] = deque()
    for chunk in chunks:
        pending.append(submit(chunk))
        if len(pending) >= in_flight:
            yield result(pending.popleft())
    while pending:
        yield result(pending.popleft())


def map_chunks(
    documents: Iterable[Named],
    *,
    minter: Minter,
    model: str | None = None,
    workers: int = 1,
    dask: str | Any | None = None,
    chunk_size: int | None = None,
) -> Iterator[list[Source]]:
    """Yield the sources of ``documents`` chunk by chunk, as each chunk is extracted.

    Extraction runs here, in a process pool, or on Dask (see :func:`map_extraction`). A
    chunk's sources come together, so that a caller can write them as one shard as soon as
    they arrive.

    Parameters
    ----------
    documents : iterable of (Document, name)
    minter : Minter
    model : str, optional
    workers : int
        Processes of the local pool; 1 extracts in this process.
    dask : str or distributed.Client, optional
        Address of a Dask scheduler (``tcp://host:8786``) or a client: extraction runs on
        that cluster instead.
    chunk_size : int, optional
        Documents per task (default :data:`CHUNK_DOCUMENTS`).

    Yields
    ------
    list of Source
        In the order of ``documents``.
    """
    chunks = _chunks(documents, chunk_size or CHUNK_DOCUMENTS)
    if dask is not None:
        from dask.distributed import Client

        client = dask if isinstance(dask, Client) else Client(dask)
        try:
            size = max(1, len(client.scheduler_info().get("workers", {})))
            yield from _ordered(
                lambda c: client.submit(extract_chunk, c, minter.base, model, pure=False),
                chunks, 2 * size, lambda future: future.result(),
            )
        finally:
            if client is not dask:
                client.close()
        return
    if workers <= 1:
        for chunk in chunks:
            yield extract_chunk(chunk, minter.base, model)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from _ordered(
            lambda c: pool.submit(extract_chunk, c, minter.base, model),
            chunks, 2 * workers, Future.result,
        )


def map_extraction(documents: Iterable[Named], **options: Any) -> Iterator[Source]:
    """Yield the sources of ``documents``, extracted here, in a process pool, or on Dask.

    Takes the options of :func:`map_chunks` (``minter``, ``model``, ``workers``, ``dask``,
    ``chunk_size``) and yields its sources one by one, in the order of ``documents``.
    """
    for chunk in map_chunks(documents, **options):
        yield from chunk
