"""Dates in French news text, resolved against the article's date."""

from __future__ import annotations

import pytest

from graph.dates import anchor_date, find_dates, resolve_date


@pytest.mark.parametrize(("expression", "anchor", "value"), [
    ("ce lundi 14 avril", "2025-04", "2025-04-14"),
    ("hier", "2025-04-14", "2025-04-13"),
    ("avant-hier", "2025-03-01", "2025-02-27"),
    ("demain", "2024-12-31", "2025-01-01"),
    ("aujourd'hui", "2012-09-04", "2012-09-04"),
    ("le 16 juillet prochain", "2025-04-14", "2025-07-16"),
    ("le 16 juillet prochain", "2025-08-01", "2026-07-16"),
    ("le 28 juin dernier", "2012-08-07", "2012-06-28"),
    ("le 3 janvier", "2012-12-20", "2013-01-03"),
    ("le 1er mars 1998", "2012-01-01", "1998-03-01"),
    ("décembre 2006", "2025-04-14", "2006-12"),
    ("fin 2024", "2025-04-14", "2024"),
    ("début mars 2023", "2025-04-14", "2023-03"),
    ("vendredi dernier", "2012-08-07", "2012-08-03"),
    ("mercredi", "2012-09-04", "2012-09-05"),
    ("lundi prochain", "2025-04-14", "2025-04-21"),
    ("le mois dernier", "2025-01-10", "2024-12"),
    ("l'an dernier", "2025-01-10", "2024"),
    ("en 2019", None, "2019"),
])
def test_resolution(expression, anchor, value):
    assert resolve_date(expression, anchor) == value


@pytest.mark.parametrize(("expression", "anchor"), [
    ("hier", "2025-04"),        # the day before an unknown day: unknown
    ("mercredi", "2025-04"),
    ("le 3 mai", None),
    ("2 000 dollars", "2025-04-14"),
    ("de 75 % à 50 %", "2025-04-14"),
])
def test_no_date_without_the_precision(expression, anchor):
    assert resolve_date(expression, anchor) is None


def test_find_dates_gives_offsets():
    text = "Arrivé hier soir, il repartira le 16 juillet prochain."
    found = find_dates(text, "2025-04-14")
    assert [(text[m.start:m.end], m.value) for m in found] == [
        ("hier", "2025-04-13"), ("le 16 juillet prochain", "2025-07-16")]


def test_anchor_is_the_day_the_article_calls_today():
    assert anchor_date("2025-04", "Il a conclu ce lundi 14 avril sa visite.") == "2025-04-14"
    assert anchor_date("2025-04", "Il viendra le 3 mai.") == "2025-04"
    assert anchor_date("2025-04-02", "ce lundi 14 avril") == "2025-04-02"
    assert anchor_date("2025-05", "ce lundi 14 avril") == "2025-05"
