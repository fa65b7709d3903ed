"""spaCy components of the newsclaims pipeline.

- ``newsclaims_sentences``: sentence boundaries from one regex pass over the
  text (after ``.``, ``!`` or ``?`` before a capital, digit or quote, unless the
  word is an abbreviation such as "Mr." or "U.S."; and at every line break, so a
  headline or a paragraph without final punctuation ends its sentence). The
  line break stays with the sentence before it. Written to ``SENT_START`` in one
  array call, so ``doc.sents`` works as usual.
- ``newsclaims_figures``: finds every figure of the text once (compiled
  regexes, ``extractors.figures``) and stores them in ``doc._.figures``.
- ``newsclaims.LeanTokenizer.v1`` (``@spacy.registry.tokenizers``): the
  tokenizer of ``get_nlp()``. Nothing downstream reads tokens: sentences are
  set from character offsets on the token that starts there, and a sentence
  start always follows whitespace, which ends a token under any spaCy
  tokenizer. So a few prefix/suffix characters (``data/tokenizer.json``) do;
  spaCy's English rules cost ~3x more for no change in our output.

Both components are registered with ``@Language.factory`` and through the
``spacy_factories`` entry point, so ``nlp.add_pipe(name)`` works. Under
``nlp.pipe`` each runs over a batch of Docs at a time (``BatchedComponent``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import numpy as np
import spacy
from spacy.attrs import IDX, ORTH, SENT_START
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import minibatch, raise_error

from extractors.figures import find_figures
from extractors.sentences import (
    ABBREVIATIONS,
    sentence_spans,
    sentence_start_flags,
    sentence_starts,
    tokens_starting_at,
)

if not Doc.has_extension("figures"):
    Doc.set_extension("figures", default=None)

TEXT_KEY = "newsclaims.text"
OFFSETS_KEY = "newsclaims.sentence_offsets"


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once: spaCy rebuilds it from every token on each access."""
    text = doc.user_data.get(TEXT_KEY)
    if isinstance(text, str):
        last = doc[-1] if len(doc) else None
        if (last is None and text == "") or (
            last is not None and len(text) == last.idx + len(last.text_with_ws)
        ):
            return text
    text = doc.text
    doc.user_data[TEXT_KEY] = text
    return text


# where spaCy's ``Underscore`` keeps the value of ``doc._.figures`` (an extension with a stored value)
FIGURES_KEY = ("._.", "figures", None, None)


def doc_figures(doc: Doc) -> Any:
    """``doc._.figures`` (None where no such extension is registered), read from ``doc.user_data``
    as ``Underscore`` reads a stored value: ``doc._`` builds an ``Underscore`` object per access."""
    ext = Doc.get_extension("figures")
    if ext is None:
        return None
    default, method, getter, _ = ext
    if getter is not None or method is not None or isinstance(default, (list, dict)):
        return doc._.figures
    data: dict[Any, Any] = doc.user_data
    return data.get(FIGURES_KEY, default)


def set_doc_figures(doc: Doc, figures: object) -> None:
    """``doc._.figures = figures``, written to ``doc.user_data`` as ``Underscore`` writes a value
    that has no setter."""
    ext = Doc.get_extension("figures")
    if ext is None or ext[3] is not None:
        doc._.figures = figures
    else:
        data: dict[Any, Any] = doc.user_data
        data[FIGURES_KEY] = figures


class TextKeepingTokenizer:
    """Wraps a tokenizer and keeps the input string on the Doc (``doc_text``), for free."""

    def __init__(self, inner: Callable[[str], Doc]) -> None:
        self.inner = inner

    def __call__(self, text: str) -> Doc:
        doc = self.inner(text)
        doc.user_data[TEXT_KEY] = text
        return doc

    def __getattr__(self, name: str) -> object:
        return getattr(self.inner, name)


LEAN_TOKENIZER = "newsclaims.LeanTokenizer.v1"
TOKENIZER_RULES = Path(__file__).parent / "data" / "tokenizer.json"


def _char_class(chars: str) -> str:
    return "[" + "".join(re.escape(c) for c in dict.fromkeys(chars)) + "]"


def lean_tokenizer(
    nlp: Language,
    path: str | Path = TOKENIZER_RULES,
    extra_prefixes: str = "",
    extra_suffixes: str = "",
    extra_infixes: str = "",
    abbreviations: bool = True,
) -> TextKeepingTokenizer:
    """A ``spacy.tokenizer.Tokenizer`` from the character classes of ``path`` (plus ``extra_*``).

    Words split at whitespace; prefix characters come off the front and suffix characters
    (and the ``suffix_words``, "'s") off the back; ``infixes`` split inside a word;
    ``token_match`` keeps a whole word ("U.S."); with ``abbreviations`` the abbreviations
    of the sentence component ("Mr.", "Inc.") are one token. No URL rules, no English
    exceptions ("don't" stays one token): a statistical model needs spaCy's own tokenizer.
    """
    for key, value in (
        ("extra_prefixes", extra_prefixes),
        ("extra_suffixes", extra_suffixes),
        ("extra_infixes", extra_infixes),
    ):
        if not isinstance(value, str):
            raise ValueError(f"{LEAN_TOKENIZER}: {key!r} must be a string of characters, got {value!r}")
    rules = json.loads(Path(path).read_text(encoding="utf-8"))
    prefixes = str(rules.get("prefixes", "")) + extra_prefixes
    suffixes = str(rules.get("suffixes", "")) + extra_suffixes
    infixes = str(rules.get("infixes", "")) + extra_infixes
    suffix_words = [re.escape(str(w)) for w in rules.get("suffix_words", [])]
    suffix_alts = ([_char_class(suffixes)] if suffixes else []) + suffix_words
    token_match = rules.get("token_match") or None
    specials: dict[str, list[dict[int, str]]] = {}
    if abbreviations:
        for word in sorted(ABBREVIATIONS):
            for form in (word, word.capitalize(), word.upper()):
                specials[form + "."] = [{ORTH: form + "."}]
    tokenizer = Tokenizer(
        nlp.vocab,
        rules=specials,
        prefix_search=re.compile("^" + _char_class(prefixes)).search if prefixes else None,
        suffix_search=re.compile("(?:" + "|".join(suffix_alts) + ")$").search if suffix_alts else None,
        infix_finditer=re.compile(_char_class(infixes)).finditer if infixes else None,
        token_match=re.compile(str(token_match)).fullmatch if token_match else None,
    )
    return TextKeepingTokenizer(tokenizer)


@spacy.registry.tokenizers(LEAN_TOKENIZER)
def create_lean_tokenizer(
    path: str = "",
    extra_prefixes: str = "",
    extra_suffixes: str = "",
    extra_infixes: str = "",
    abbreviations: bool = True,
) -> Callable[[Language], TextKeepingTokenizer]:
    """``[nlp.tokenizer] @tokenizers = "newsclaims.LeanTokenizer.v1"`` (``path`` empty: ours)."""

    def create(nlp: Language) -> TextKeepingTokenizer:
        return lean_tokenizer(
            nlp, path or TOKENIZER_RULES, extra_prefixes, extra_suffixes, extra_infixes, abbreviations
        )

    return create


def sentence_offsets(doc: Doc) -> list[tuple[int, int]]:
    """``(start_char, end_char)`` of every sentence of ``doc`` (end without trailing whitespace).

    Computed once per Doc (``analyse`` and ``claims`` both ask) and kept in ``doc.user_data``
    with the sentence-start flags it came from: changed boundaries are recomputed.
    """
    if len(doc) == 0:
        return []
    flags = doc.to_array(SENT_START)
    key = flags.tobytes()
    cached = doc.user_data.get(OFFSETS_KEY)
    # (a list after a msgpack round trip through Doc.to_bytes)
    if isinstance(cached, tuple | list) and len(cached) == 3 and cached[0] == len(doc) and cached[1] == key:
        return [(s, e) for s, e in cached[2]]
    idx = doc.to_array(IDX)
    out = sentence_spans(doc_text(doc), [int(idx[t]) for t in np.flatnonzero(flags == 1).tolist()])
    doc.user_data[OFFSETS_KEY] = (len(doc), key, out)
    return list(out)


def _keep_offsets(doc: Doc, first_chars: list[int], flags: bytes) -> None:
    """Cache what ``sentence_offsets`` would compute from sentences starting at ``first_chars``;
    ``flags``: what ``doc.to_array(SENT_START).tobytes()`` reads back."""
    doc.user_data[OFFSETS_KEY] = (len(doc), flags, sentence_spans(doc_text(doc), first_chars))


ErrorHandler = Callable[[str, Callable[[Doc], Doc], list[Doc], Exception], Any]


class BatchedComponent:
    """Our components' ``pipe``: under ``nlp.pipe`` a component takes a batch of Docs
    (``batch_size``) from the step before it and runs over all of them before it hands them on.
    The tokenizer, the sentence boundaries and the figure scan then each run over a batch in turn
    instead of taking turns on every Doc, and each finds its code and tables still in the CPU
    caches (``nlp.pipe`` of 510 articles ~5% faster). As spaCy does for a component without
    ``pipe``, a Doc whose component raises goes to the error handler and is left out."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.error_handler: ErrorHandler = raise_error

    def __call__(self, doc: Doc) -> Doc:
        raise NotImplementedError

    def pipe(self, docs: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        handler = self.get_error_handler()
        for batch in minibatch(docs, batch_size):
            done: list[Doc] = []
            for doc in batch:
                try:
                    done.append(self(doc))
                except Exception as e:
                    handler(self.name, self, [doc], e)
            yield from done

    def set_error_handler(self, error_handler: ErrorHandler) -> None:
        """Called by ``nlp.set_error_handler``."""
        self.error_handler = error_handler

    def get_error_handler(self) -> ErrorHandler:
        return self.error_handler


class SentenceComponent(BatchedComponent):
    """Sets ``SENT_START`` from ``sentence_starts`` of the text and keeps the sentences' offsets."""

    def __init__(self, nlp: Language, name: str) -> None:
        super().__init__(name)

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if n == 0:
            return doc
        # the tokens that start a sentence (sentence starts follow whitespace, where tokens start)
        found, kept = tokens_starting_at(doc.to_array(IDX).tolist(), sentence_starts(doc_text(doc)))
        # the flags as ``to_array(SENT_START)`` reads them back (uint64: 1 and -1), built as bytes
        flags = sentence_start_flags(n, found)
        doc.from_array([SENT_START], np.frombuffer(flags, dtype=np.uint64))  # type: ignore[arg-type]  # (thinc's Ints2d)
        # the character offsets come with the flags: keep them for ``sentence_offsets``
        _keep_offsets(doc, kept, flags)
        return doc


@Language.factory("newsclaims_sentences", default_config={})
def make_sentence_component(nlp: Language, name: str) -> SentenceComponent:
    return SentenceComponent(nlp, name)


class FigureComponent(BatchedComponent):
    """Sets ``doc._.figures`` to the figures of ``doc.text``."""

    def __init__(self, nlp: Language, name: str, multiples: bool = True) -> None:
        if not isinstance(multiples, bool):
            raise ValueError(f"{name}: 'multiples' must be true or false, got {multiples!r}")
        super().__init__(name)
        self.multiples = multiples

    def __call__(self, doc: Doc) -> Doc:
        set_doc_figures(doc, find_figures(doc_text(doc), multiples=self.multiples))
        return doc


@Language.factory("newsclaims_figures", default_config={"multiples": True})
def make_figure_component(nlp: Language, name: str, multiples: bool) -> FigureComponent:
    return FigureComponent(nlp, name, multiples)
