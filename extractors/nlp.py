"""Build the spaCy pipeline once per process.

``spacy.blank("en")`` + our components (``extractors.components``):
``newsclaims_sentences`` (boundaries that know abbreviations such as "Mr." and
"U.S.", decimals such as "$1.13bn", and line breaks) and ``newsclaims_figures``.
No statistical model is required.
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from extractors.components import TextKeepingTokenizer  # also registers the factories


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    nlp = spacy.blank("en")
    nlp.tokenizer = TextKeepingTokenizer(nlp.tokenizer)
    nlp.add_pipe("newsclaims_sentences")
    nlp.add_pipe("newsclaims_figures")
    return nlp
