"""Build the spaCy pipeline once per process.

``spacy.blank("en")`` with our lean tokenizer (``newsclaims.LeanTokenizer.v1``,
rules in ``data/tokenizer.json``) + our components (``extractors.components``):
``newsclaims_sentences`` (boundaries that know abbreviations such as "Mr." and
"U.S.", decimals such as "$1.13bn", and line breaks) and ``newsclaims_figures``.
No statistical model is required. With ``model`` (e.g. "en_core_web_sm", if
installed) the model's own tokenizer is kept, since its parser and NER were
trained on spaCy's English tokens; our components run before the parser, which
respects the sentence boundaries they set.
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from extractors.components import LEAN_TOKENIZER, TextKeepingTokenizer  # also registers the factories


@lru_cache(maxsize=2)
def get_nlp(model: str | None = None) -> Language:
    if model is None:
        nlp = spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": LEAN_TOKENIZER}}})
    else:
        nlp = spacy.load(model)
        if not isinstance(nlp.tokenizer, TextKeepingTokenizer):
            nlp.tokenizer = TextKeepingTokenizer(nlp.tokenizer)
    first = next((p for p in ("parser", "senter") if p in nlp.pipe_names), None)
    nlp.add_pipe("newsclaims_sentences", before=first)
    nlp.add_pipe("newsclaims_figures")
    return nlp
