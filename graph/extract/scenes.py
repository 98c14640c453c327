"""Meetings framed by a fronted place: who travelled there, and whose country it is.

- ``fr.visit.fronted.v1`` — "À Cotonou, la ministre sera reçue par le président": a meeting
  that names no place of its own takes the place that opens its paragraph
  (:func:`~graph.extract.places.fronted_places`); the participant who travels to that country
  (a visit the article gives them) visited the place too, with the meeting's status.

The others at such a meeting are its hosts: :func:`visits_at_fronted_places` returns their
country, which a post the article leaves without one takes
(:func:`~graph.extract.constructions.give_scene_country`). So do the people who receive
someone the article sends to one country (:func:`hosts_of_travellers`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from graph.extract.context import Context
from graph.extract.events import country_of_city, journey_stops, journeys, record_visit
from graph.extract.places import fronted_places
from graph.model.records import Entity, Literal

__all__ = ["hosts_of_travellers", "visits_at_fronted_places"]


@dataclass
class _Meeting:
    sentence: int
    date: str | None
    people: list[Entity] = field(default_factory=list)
    placed: bool = False
    status: str = "happened"


def _meetings(ctx: Context, framed: dict[int, int]) -> list[_Meeting]:
    found: dict[str, _Meeting] = {}
    for c in ctx.claims:
        if c.subject.type != "Meeting" or c.sentence not in framed:
            continue
        meeting = found.setdefault(c.subject.iri, _Meeting(c.sentence, c.date))
        if c.relation == "participant" and isinstance(c.object, Entity):
            meeting.people.append(c.object)
        elif c.relation == "place":
            meeting.placed = True
        elif c.relation == "status" and isinstance(c.object, Literal):
            meeting.status = str(c.object.value)
    return list(found.values())


def _country_named(ctx: Context, framed: dict[int, int], place: int,
                   going: set[str]) -> Entity | None:
    """Return the one country of ``going`` (the travellers' journeys) the place's paragraph names.

    "À Cotonou, la ministre sera reçue par le président du Bénin": a city that is no capital
    is in the country of the journey that its sentences name.
    """
    named = set()
    for sentence in (s for s, p in framed.items() if p == place):
        for index in ctx.in_sentence(sentence, "Country", "Position"):
            m = ctx.mentions[index]
            named |= {m.key} if m.kind == "Country" else set(m.countries)
    if len(going & named) == 1:
        return ctx.entity("Country", next(iter(going & named)))
    return ctx.entity("Country", next(iter(going))) if len(going) == 1 else None


def visits_at_fronted_places(ctx: Context) -> dict[str, str]:
    """Record the visits of meetings under a fronted place; return the hosts' countries.

    Returns
    -------
    dict
        Person IRI → the label of the country whose place they received a traveller in.
    """
    framed = fronted_places(ctx)
    if not framed:
        return {}
    trips = journeys(ctx)
    hosts: dict[str, str] = {}
    done = set()
    for meeting in _meetings(ctx, framed):
        if meeting.placed or meeting.status == "denied" or len(meeting.people) < 2:
            continue
        place = ctx.entity_of(framed[meeting.sentence])
        if place is None:
            continue
        country = place if place.type == "Country" else country_of_city(ctx, place)
        travellers = [p for p in meeting.people if p.iri in trips and (
            country is None or country.label in trips[p.iri])]  # who goes there
        if not travellers or len(travellers) == len(meeting.people):
            continue  # nobody came, or everybody did: no host
        country = country or _country_named(ctx, framed, framed[meeting.sentence], set().union(
            *(trips[p.iri] for p in travellers)))
        status = None if meeting.status == "happened" else meeting.status
        for person in travellers:
            if place.type != "Country" and (person.iri, place.iri) not in done:
                done.add((person.iri, place.iri))
                record_visit(ctx, person, place, meeting.sentence, meeting.date, status,
                             "fr.visit.fronted.v1", 0.55)
        if country is not None:
            for person in meeting.people:
                if person not in travellers:
                    hosts.setdefault(person.iri, country.label)
    return hosts


def hosts_of_travellers(ctx: Context) -> dict[str, str]:
    """Return the hosts of travellers: who meets someone where the article has sent them.

    "Le ministre égyptien a entamé une visite au Liban … il a été reçu par le président de la
    République, X": X, who travels nowhere, is the Liban's, whatever country the article is
    written from. A traveller is where the article's last visit before the meeting sends
    them (a tour goes on to the next country); a meeting told before any visit, such as the
    handover before a minister's first trip abroad, is at home.

    Returns
    -------
    dict
        Person IRI → the label of the country of the traveller they met.
    """
    stops = journey_stops(ctx)
    placed = {c.subject.iri for c in ctx.claims if c.relation == "country"}
    national = placed | {c.subject.iri for c in ctx.claims  # "son homologue béninois, X": X's
                         if c.relation in ("holdsPosition", "heldPosition")
                         and isinstance(c.object, Entity) and c.object.iri in placed}
    meetings: dict[str, tuple[int, list[Entity]]] = {}
    for c in ctx.claims:
        if c.subject.type == "Meeting" and c.relation == "participant" and isinstance(
                c.object, Entity):
            meetings.setdefault(c.subject.iri, (c.sentence, []))[1].append(c.object)
    hosts: dict[str, str] = {}
    for sentence, people in meetings.values():
        going = set()
        for person in people:
            before = [s for s, _ in stops.get(person.iri, ()) if s <= sentence]
            going |= {country for s, country in stops.get(person.iri, ())
                      if before and s == max(before)}
        going.discard(None)  # a town that is no capital, with its country or alone
        if len(going) != 1 or all(p.iri in stops for p in people):
            continue  # no stop of a known country, several, or nobody stays home
        for person in people:
            if person.iri not in stops and person.iri not in national:
                hosts.setdefault(person.iri, next(iter(going)))  # type: ignore[arg-type]
    return hosts
