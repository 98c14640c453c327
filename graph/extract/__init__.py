"""Text extraction: articles → entities, events and facts, each with its evidence.

Stages, each a function over small frozen records (see DESIGN.md, "Data flow")::

    read_documents ─▶ Document ─▶ spaCy parse (nlp.pipe, batched; our sentence boundaries)
        ─▶ Mention (NER + lexicons)             graph.extract.mentions
        ─▶ people and posts (resolution)        graph.extract.context, people, posts
        ─▶ Claim (rules, named and versioned)   graph.extract.quotes, events, places
        ─▶ Fact + Evidence ─▶ Source (one named graph per article)

Language resources are data files per language (``graph/extract/fr/*.yaml``).
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from graph.dates import anchor_date
from graph.errors import KGError
from graph.extract.agents import Salience
from graph.extract.constructions import (
    give_holder_countries,
    give_person_countries,
    give_scene_country,
    name_events_by_reference,
    name_shared_demonyms,
    read_after,
    read_before,
    visits_at_gatherings,
    visits_at_meetings,
)
from graph.extract.context import Claim, Context, analyze
from graph.extract.dating import date_meetings
from graph.extract.entities import METHOD as MENTIONS_METHOD
from graph.extract.entities import find_named, mention_facts
from graph.extract.events import companions_at_meetings, find_events
from graph.extract.mentions import sentences_of
from graph.extract.nlp import load_model, model_name
from graph.extract.places import find_place_facts
from graph.extract.posts import find_posts, resolve_late_titles
from graph.extract.quotes import find_quotes_said
from graph.extract.resources import LANGUAGES, load_resources
from graph.extract.scenes import hosts_of_travellers, visits_at_fronted_places
from graph.ingest.documents import Normalized, iter_documents, normalize
from graph.model.iri import Minter
from graph.model.rdf import Source, document_source, facts_to_triples, make_source
from graph.model.records import Document, Entity, Evidence, Fact
from graph.model.vocab import KG_NS

__all__ = ["BATCH_SIZE", "Prepared", "claims_to_facts", "extract_batch", "extract_facts",
           "extract_sources", "find_claims", "prepare", "read_article", "sentence_spans"]

BATCH_SIZE = 32
"""Articles parsed together by ``nlp.pipe``."""


@dataclass(frozen=True, slots=True)
class Prepared:
    """An article ready for the parser.

    Attributes
    ----------
    document : Document
    text : str
        What the parser reads: the normalised title, a blank line, the normalised text.
    title_end : int
        Where the text starts in ``text`` (0 without a title).
    body : Normalized
        The normalised text, with the way back to original offsets.
    """

    document: Document
    text: str
    title_end: int
    body: Normalized


def prepare(doc: Document) -> Prepared:
    r"""Return what the parser reads for an article.

    Examples
    --------
    >>> p = prepare(Document("d", "Il est l\u2019heure.", title="Titre"))
    >>> p.text, p.title_end
    ("Titre\n\nIl est l'heure.", 7)
    """
    body = normalize(doc.text)
    if doc.title and doc.title.strip():
        title = normalize(doc.title.replace("\n", " ")).text.strip()
        return Prepared(doc, f"{title}\n\n{body.text}", len(title) + 2, body)
    return Prepared(doc, body.text, 0, body)


def find_claims(parsed, prepared: Prepared, minter: Minter) -> list[Claim]:  # type: ignore[no-untyped-def]
    """Run the rules over one parsed article and return what they claim."""
    return read_article(parsed, prepared, minter).claims


def read_article(parsed, prepared: Prepared, minter: Minter) -> Context:  # type: ignore[no-untyped-def]
    """Run the rules over one parsed article; return its context, claims recorded in it."""
    doc = prepared.document
    lang = (doc.lang or "fr").split("-")[0]
    res = load_resources(lang if lang in LANGUAGES else "fr")
    anchor = anchor_date(doc.date, prepared.body.text)
    ctx = analyze(parsed, prepared.title_end, res, minter, lang, anchor, doc.id,
                  text=prepared.text)
    find_posts(ctx)
    salience = Salience(_title_person(ctx))
    read_before(ctx, Salience(salience.person))
    resolve_late_titles(ctx)  # the counterparts read: "le chef de la diplomatie sénégalaise"
    last_speaker = None
    visits: list = []  # type: ignore[type-arg]
    for s in ctx.sentences:
        if s.title or s.clutter:
            continue
        speaker = find_quotes_said(ctx, s.index, salience, last_speaker)
        find_events(ctx, s.index, salience, speaker, visits)
        read_after(ctx, s.index, salience)
        last_speaker = speaker
        _update_salience(ctx, s.index, salience)
    find_place_facts(ctx)
    name_events_by_reference(ctx)
    framed = visits_at_fronted_places(ctx)  # first: it records visits
    give_scene_country(ctx, {**hosts_of_travellers(ctx), **framed})
    name_shared_demonyms(ctx)  # "congolais" in an article about Kinshasa: the DRC
    give_person_countries(ctx)
    give_holder_countries(ctx)
    visits_at_meetings(ctx)
    visits_at_gatherings(ctx)
    companions_at_meetings(ctx)
    date_meetings(ctx)
    return ctx


def _title_person(ctx: Context):  # type: ignore[no-untyped-def]
    for i, m in enumerate(ctx.mentions):
        if ctx.sentences[m.sentence].title and m.kind == "Person":
            return ctx.entity_of(i)
    return None


def _update_salience(ctx: Context, sentence: int, salience: Salience) -> None:
    for i in ctx.in_sentence(sentence, "Person", "Position"):
        m = ctx.mentions[i]
        if any(ctx.doc[t].dep_ in ("nsubj", "nsubj:pass")  # type: ignore[index]
               for t in range(m.start, m.end)):
            salience.update(ctx.entity_of(i))


def sentence_spans(parsed, prepared: Prepared,  # type: ignore[no-untyped-def]
                   sentences: list | None = None) -> list[tuple[int, int]]:  # type: ignore[type-arg]
    """Return each parsed sentence's offsets in the original file or JSON text.

    Title sentences, which are not in the text, get an empty span at its start.
    ``sentences``: the doc's sentences when already known (:func:`sentences_of`).
    """
    doc = prepared.document
    spans = []
    for sent in sentences if sentences is not None else sentences_of(parsed, 0):
        a = sent.start_char - prepared.title_end
        b = sent.end_char - prepared.title_end
        if a < 0:
            spans.append((doc.offset, doc.offset))
            continue
        spans.append((prepared.body.original(a) + doc.offset,
                      prepared.body.original(b - 1) + 1 + doc.offset))
    return spans


def claims_to_facts(claims: Iterable[Claim], prepared: Prepared, iri: str,
                    spans: list[tuple[int, int]]) -> list[Fact]:
    """Turn claims into facts whose evidence points into the original text.

    ``spans`` are the sentences' offsets (:func:`sentence_spans`). The same statement made
    twice by one sentence is one fact, with the more confident evidence.
    """
    doc = prepared.document
    lang = (doc.lang or "fr").split("-")[0]
    facts: dict[tuple[str, str, str, int], Fact] = {}
    for claim in claims:
        start, end = spans[claim.sentence]
        method = claim.method if lang == "fr" else claim.method.replace("fr.", f"{lang}.", 1)
        evidence = Evidence(
            document=iri, method=method, sentence=doc.text[start - doc.offset:end - doc.offset],
            start=start, end=end, confidence=claim.confidence, date=claim.date,
        )
        predicate = KG_NS + claim.relation
        key = (claim.subject.iri, predicate, repr(claim.object), claim.sentence)
        known = facts.get(key)
        if known is None or known.evidence.confidence < claim.confidence:  # type: ignore[union-attr]
            facts[key] = Fact(claim.subject, predicate, claim.object, evidence)
    return list(facts.values())


def extract_facts(parsed, prepared: Prepared, minter: Minter, iri: str) -> list[Fact]:  # type: ignore[no-untyped-def]
    """Return the facts of one parsed article, with evidence in the original text.

    Raises
    ------
    KGError
        When a rule fails on the article (a bug): the message names the article.
    """
    try:
        ctx = read_article(parsed, prepared, minter)
        named = find_named(ctx)
    except Exception as exc:  # a rule's bug must name the article it failed on
        raise KGError(f"{prepared.document.id}: text extraction failed: "
                      f"{type(exc).__name__}: {exc}") from exc
    spans = sentence_spans(parsed, prepared, ctx.sentences)
    facts = claims_to_facts(ctx.claims, prepared, iri, spans)
    doc = prepared.document
    lang = (doc.lang or "fr").split("-")[0]
    texts = [doc.text[a - doc.offset:b - doc.offset] if b > a else (doc.title or "")
             for a, b in spans]
    document = Entity(iri, "Document", doc.title or doc.id)
    method = MENTIONS_METHOD if lang == "fr" else MENTIONS_METHOD.replace("fr.", f"{lang}.", 1)
    return facts + mention_facts(named, document, texts, spans, method)


def _source(prepared: Prepared, name: str, facts: list[Fact], minter: Minter) -> Source:
    doc = prepared.document
    iri = minter.source(doc.id)
    triples = facts_to_triples(facts, source=iri, minter=minter)
    triples |= document_source(doc, iri, doc.text)
    return make_source(iri, name, triples, facts=len(facts))


def extract_sources(paths: Iterable[str | Path], *, minter: Minter | None = None,
                    model: str | None = None, batch_size: int = BATCH_SIZE,
                    **options: object) -> Iterator[Source]:
    """Yield one :class:`Source` (named graph) per article of ``paths``.

    Articles are streamed: read, parsed in batches with ``nlp.pipe``, and yielded one by one.

    Parameters
    ----------
    paths : iterable of path-like
        ``.txt``/``.md`` articles and ``.jsonl`` corpora.
    minter : Minter, optional
    model : str, optional
        spaCy model for every article (default: by language, ``fr_core_news_md`` for French).
    batch_size : int
    **options
        Other build options (ignored here).
    """
    minter = minter or Minter()
    batch: list[tuple[Prepared, str]] = []
    for doc, name in iter_documents(paths):
        batch.append((prepare(doc), name))
        if len(batch) >= batch_size:
            yield from extract_batch(batch, minter, model)
            batch = []
    if batch:
        yield from extract_batch(batch, minter, model)


_WARNED: set[str] = set()


def extract_batch(batch: list[tuple[Prepared, str]], minter: Minter,
                  model: str | None = None) -> Iterator[Source]:
    """Parse a batch of prepared articles with one ``nlp.pipe`` per model; yield their sources.

    Parameters
    ----------
    batch : list of (Prepared, str)
        Articles (see :func:`prepare`) and the names their sources are known by.
    minter : Minter
    model : str, optional
        spaCy model for every article; by default, by language.
    """
    by_model: dict[str | None, list[int]] = {}
    for i, (prepared, _) in enumerate(batch):
        by_model.setdefault(model_name(prepared.document.lang, model), []).append(i)
    results: dict[int, list[Fact]] = {}
    for name, members in by_model.items():
        if name is None:
            lang = batch[members[0]][0].document.lang or "?"
            if lang not in _WARNED:
                _WARNED.add(lang)
                warnings.warn(f"no spaCy model installed for language {lang!r}: its articles "
                              "are stored without extracted facts", stacklevel=2)
            for i in members:
                results[i] = []
            continue
        nlp = load_model(name)
        texts = (batch[i][0].text for i in members)
        for i, parsed in zip(members, nlp.pipe(texts, batch_size=len(members)), strict=True):
            prepared = batch[i][0]
            results[i] = extract_facts(parsed, prepared, minter,
                                       minter.source(prepared.document.id))
    for i, (prepared, name) in enumerate(batch):
        yield _source(prepared, name, results[i], minter)


_run_batch = extract_batch  # the name graph.parallel imported first
