"""Build the spaCy pipeline once per process.

Placeholder: the claim-extraction issue adds our components. It runs on
``spacy.blank("en")``; no statistical model is required.
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp
