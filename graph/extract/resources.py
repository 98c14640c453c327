"""Language resources: the lexicons of one language, read once from ``graph/extract/LANG/*.yaml``.

Examples
--------
>>> fr = load_resources("fr")
>>> fr.demonyms["marocaines"], fr.countries["maroc"], fr.capitals["rabat"]
('Maroc', 'Maroc', 'Maroc')
"""

from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass
from importlib import resources as _files
from typing import Any

import yaml

from graph.errors import KGError
from graph.model.iri import normalize_label

__all__ = ["LANGUAGES", "Resources", "Title", "load_resources"]

LANGUAGES = ("fr", "en")
"""Languages that ship resources."""


@dataclass(frozen=True, slots=True)
class Title:
    """A position title of the lexicon.

    Attributes
    ----------
    label : str
        The label of the post (singular).
    plural : bool
        Whether the form matched is plural.
    domain : bool
        Whether "de/du …" after it names a domain that belongs to the label.
    """

    label: str
    plural: bool = False
    domain: bool = False


@dataclass(frozen=True, eq=False)
class Resources:
    """The lexicons of one language (keys folded with :func:`normalize_label`).

    Attributes
    ----------
    lang : str
    countries : dict
        Country name or other name → canonical name.
    demonyms : dict
        Demonym in any form → country.
    capitals : dict
        Capital → its country.
    titles : dict
        Title form (lower case) → :class:`Title`.
    topics : dict
        Topic term → topic label.
    triggers : dict
        The content of ``triggers.yaml``, lists as frozensets.
    positions : dict
        The other lists of ``positions.yaml`` as frozensets.
    places : dict
        The lists of ``places.yaml`` as frozensets.
    capital_of : dict
        Country → its capital, as the gazetteer writes it.
    cities : dict
        Normalised name of another large city → its country ("abidjan" → Côte d'Ivoire).
    country_aliases : dict
        Country → its other names, as the gazetteer writes them (without an article): "RDC",
        "République de Corée".
    """

    lang: str
    countries: dict[str, str]
    demonyms: dict[str, str]
    capitals: dict[str, str]
    titles: dict[str, Title]
    topics: dict[str, str]
    triggers: dict[str, dict[str, frozenset[str]] | frozenset[str]]
    positions: dict[str, frozenset[str]]
    places: dict[str, frozenset[str]]
    capital_of: dict[str, str] = dataclasses.field(default_factory=dict)
    country_aliases: dict[str, tuple[str, ...]] = dataclasses.field(default_factory=dict)
    cities: dict[str, str] = dataclasses.field(default_factory=dict)

    @functools.cached_property
    def title_openings(self) -> frozenset[str]:
        """Every prefix of the first word of every title form: what a title can start with."""
        return frozenset(word[:k] for form in self.titles for word in [form.split(" ")[0]]
                         for k in range(1, len(word) + 1))

    def demonym(self, word: str) -> str | None:
        """Return the country of a demonym in any form, or ``None``.

        Examples
        --------
        >>> load_resources("fr").demonym("Françaises")
        'France'
        """
        return self.demonyms.get(normalize_label(word))

    def trigger(self, group: str, kind: str | None = None) -> frozenset[str]:
        """Return one list of ``triggers.yaml`` (``trigger("meeting", "verbs")``).

        Examples
        --------
        >>> "rencontrer" in load_resources("fr").trigger("meeting", "verbs")
        True
        """
        value = self.triggers.get(group, frozenset())
        if kind is None:
            return value if isinstance(value, frozenset) else frozenset()
        return value.get(kind, frozenset()) if isinstance(value, dict) else frozenset()


_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's safe loader when PyYAML has it (ten times faster), else the pure-Python one."""


def _read(lang: str, name: str) -> dict:  # type: ignore[type-arg]
    path = _files.files(__package__).joinpath(lang, name)
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
    except FileNotFoundError:
        return {}
    except yaml.YAMLError as exc:
        raise KGError(f"graph/extract/{lang}/{name}: malformed resource: {exc}") from None
    return data or {}


def _lower_set(values: object) -> frozenset[str]:
    return frozenset(str(v).lower() for v in (values or ()))  # type: ignore[attr-defined]


@functools.cache
def former_titles(lang: str) -> frozenset[str]:
    """Return "ex-" glued to the first word of each title: "ex-ministre", "Ex-directrice".

    The tokenizer keeps them one word; :func:`graph.extract.nlp.load_model` splits off "ex-"
    so that the title is read, as a former post.

    Examples
    --------
    >>> words = former_titles("fr")
    >>> "ex-ministre" in words, "Ex-directrice" in words, "ex-premier" in words
    (True, True, True)
    """
    if lang not in LANGUAGES:
        return frozenset()
    titles = (_read(lang, "positions.yaml") or {}).get("titles", [])
    firsts = {form.split()[0] for entry in titles for form in entry["forms"]}
    return frozenset(f"{ex}{word}" for word in firsts if "'" not in word
                     for ex in ("ex-", "Ex-"))


def compound_words(lang: str) -> frozenset[str]:
    """Return the hyphenated demonyms and place names of ``lang``.

    The tokenizer splits some of them ("cabo - verdien", "Guinée - Bissau", "Pays - Bas"), and
    the tagger then reads the pieces as a person's name; :func:`graph.extract.nlp.load_model`
    keeps them whole. Demonyms come lower-case and capitalised, names as written.

    Examples
    --------
    >>> words = compound_words("fr")
    >>> "cap-verdienne" in words, "Guinée-Bissau" in words, "Pays-Bas" in words
    (True, True, True)
    """
    if lang not in LANGUAGES:
        return frozenset()
    entries: list[Any] = list(_read(lang, "countries.yaml") or [])
    forms = {form for entry in entries for form in entry.get("demonyms", []) if "-" in form}
    names = {word for entry in entries
             for key in ("name", "aliases", "capital", "capitals")
             for name in _listed(entry.get(key))
             for word in name.split() if "-" in word and word[:1].isupper()}
    return frozenset(forms | {f[:1].upper() + f[1:] for f in forms} | names)


def _listed(value: object) -> list[str]:
    return [value] if isinstance(value, str) else list(value or [])  # type: ignore[call-overload]


@functools.cache
def load_resources(lang: str) -> Resources:
    """Read the resources of ``lang`` (cached: once per process).

    Raises
    ------
    KGError
        When the language has no resources.
    """
    if lang not in LANGUAGES:
        raise KGError(f"no language resources for {lang!r} (available: {', '.join(LANGUAGES)})")
    countries: dict[str, str] = {}
    demonyms: dict[str, str] = {}
    capitals: dict[str, str] = {}
    capital_of: dict[str, str] = {}
    cities: dict[str, str] = {}
    country_aliases: dict[str, tuple[str, ...]] = {}
    for entry in _read(lang, "countries.yaml") or []:
        name = entry["name"]
        country_aliases[name] = tuple(a for a in entry.get("aliases", []) if a.split(" ")[0]
                                      not in ("la", "le", "les", "l'", "l’", "the"))
        for alias in [name, *entry.get("aliases", [])]:
            countries.setdefault(normalize_label(alias), name)
        for form in entry.get("demonyms", []):
            demonyms.setdefault(normalize_label(form), name)
        if entry.get("capital"):
            capitals.setdefault(normalize_label(entry["capital"]), name)
            capital_of.setdefault(name, entry["capital"])
        for city in entry.get("cities", []):
            cities.setdefault(normalize_label(city), name)
    positions = _read(lang, "positions.yaml")
    titles: dict[str, Title] = {}
    for entry in positions.get("titles", []):
        for index, form in enumerate(entry["forms"]):
            plural = form.endswith(("s", "x")) and index > 0 and not entry["label"].endswith("s")
            titles[form.lower()] = Title(entry["label"], plural, bool(entry.get("domain")))
    topics = {
        normalize_label(term): label
        for label, terms in (_read(lang, "topics.yaml").get("topics") or {}).items()
        for term in [label, *terms]
    }
    triggers: dict[str, dict[str, frozenset[str]] | frozenset[str]] = {}
    for group, value in _read(lang, "triggers.yaml").items():
        if isinstance(value, dict):
            triggers[group] = {kind: _lower_set(words) for kind, words in value.items()}
        else:
            triggers[group] = _lower_set(value)
    return Resources(
        lang=lang,
        countries=countries,
        demonyms=demonyms,
        capitals=capitals,
        titles=titles,
        topics=topics,
        triggers=triggers,
        positions={k: _lower_set(v) for k, v in positions.items() if k != "titles"},
        places={k: _lower_set(v) for k, v in _read(lang, "places.yaml").items()},
        capital_of=capital_of,
        cities=cities,
        country_aliases=country_aliases,
    )
