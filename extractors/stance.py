"""Sentence and claim stance (opinion vs fact).

The default scorer is transparent: it looks for cues listed in
``extractors/data/stance_lexicon.json`` (first-person judgement, evaluative
words, hedges, rhetorical questions, reported speech, figures, ...), adds up
the hand-set weight of each cue category and squashes the sum into a score in
[0, 1]. The cues found are returned with the result, so every decision can be
read back. See docs/stance.md.

A spaCy textcat model trained with ``newsclaims train-stance`` replaces the
decision (not the cues) when ``NEWSCLAIMS_STANCE_MODEL`` names its directory,
or after ``use_stance_model(path)``.
"""

from __future__ import annotations

import json
import math
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from extractors.model import Claim

MODEL_ENV = "NEWSCLAIMS_STANCE_MODEL"
LEXICON_ENV = "NEWSCLAIMS_STANCE_LEXICON"
OPINION, FACT = "opinion", "fact"

# Categories whose cues come from the scorer's own structure rather than word lists.
_SCARE_QUOTES, _QUOTATION, _NAMED = "scare_quotes", "quotation", "named_detail"
_REPORTED = "reported_speech"

_TOKEN_RE = re.compile(r"[a-z0-9]+(?:['\-][a-z0-9]+)*")
# A quoted span: double quotes (straight or curly), or curly/straight single quotes used as quotes
# (opening quote not preceded by a letter, closing quote not followed by one, so "don't" is safe).
_QUOTE_RE = re.compile(r"“[^“”]*”|\"[^\"]*\"|(?<![\w])[‘'][^‘’']+[’'](?![\w])")
_OPEN_ONLY_RE = re.compile(r"[“\"]")
# A single quote closing a quotation that began in an earlier sentence ("... I suppose.'"), and a
# single quote opening one that runs on into the next sentence ("He said: 'I didn't ...").
_CLOSE_SINGLE_RE = re.compile(r"[.!?,…]\s*['’]\W*$")
_OPEN_SINGLE_RE = re.compile(r"(?<![\w'‘’])[‘'](?=[A-Z])")
# "US" (the country) is not the pronoun "us" once lower-cased.
_CLOSING_SINGLE_RE = re.compile(r"['’](?!\w)")
_US_RE = re.compile(r"\bU\.?S\b\.?")
_CAPITAL_RE = re.compile(r"[A-Z][a-z][A-Za-z'’\-]*")
_SENTENCE_START_RE = re.compile(r"(?:^|\n|[.!?:;]\s+|[\(\[—–-])\s*$")
_NORMALISE_RE = re.compile(r"(?<=\w)’(?=\w)")
# Any character that can start a match of the quote regexes of ``_split_quotes``: a double or curly
# quote, or a straight single quote not preceded by a word character ("'(?<!\w')" is
# "(?<!\w)'" with the literal first, so ``re`` can skip to the next candidate).
_MAYBE_QUOTE_RE = re.compile("\"|“|”|‘|’|'(?<!\\w')")
_SCARE_MAX_WORDS = 3
_QUOTATION_SHARE = 0.5


@dataclass
class StanceResult:
    stance: str  # "opinion" or "fact"
    score: float  # probability-like opinion score in [0, 1]
    cues: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Category:
    """One family of cues with its hand-set weight (log-odds points)."""

    name: str
    weight: float
    max_count: int = 1
    # Can a cue of this kind make a figure the author's own view? "any": always (an estimate);
    # "forecast": for forecast/target figures only (speculation, prediction); "": never.
    claim_opinion: str = ""
    description: str = ""


class CueScorer:
    """Scores sentences with a cue lexicon; build once, call many times."""

    def __init__(self, lexicon: dict[str, Any]) -> None:
        self.bias = float(lexicon.get("bias", 0.0))
        self.threshold = float(lexicon.get("threshold", 0.5))
        self.categories: dict[str, Category] = {}
        self._words: dict[str, list[str]] = {}
        self._phrases: dict[tuple[str, ...], list[str]] = {}
        self._patterns: list[tuple[str, re.Pattern[str]]] = []
        # Structural "copula + evaluative word" categories: name -> (copulas, head categories, fillers).
        self._predicative: list[tuple[str, frozenset[str], frozenset[str], frozenset[str]]] = []
        for name, spec in lexicon.get("categories", {}).items():
            self._add_category(name, spec)
        self._max_phrase = max((len(p) for p in self._phrases), default=0)
        # first token of a phrase -> the phrase lengths starting with it (ascending), so the phrase
        # scan looks up only the n-grams that can be phrases
        lengths: dict[str, set[int]] = {}
        for p in self._phrases:
            lengths.setdefault(p[0], set()).add(len(p))
        self._phrase_lengths = {tok: tuple(sorted(ns)) for tok, ns in lengths.items()}

    def _add_category(self, name: str, spec: dict[str, Any]) -> None:
        if "weight" not in spec:
            raise ValueError(f"stance lexicon: category {name!r} has no weight")
        self.categories[name] = Category(
            name=name,
            weight=float(spec["weight"]),
            max_count=int(spec.get("max_count", 1)),
            claim_opinion=_claim_opinion(name, spec.get("claim_opinion", "")),
            description=str(spec.get("description", "")),
        )
        for term in spec.get("terms", []):
            toks = tuple(_TOKEN_RE.findall(_normalise(term).lower()))
            if len(toks) == 1:
                self._words.setdefault(toks[0], []).append(name)
            elif toks:
                self._phrases.setdefault(toks, []).append(name)
        for phrase in spec.get("phrases", []):
            toks = tuple(_TOKEN_RE.findall(_normalise(phrase).lower()))
            if len(toks) == 1:
                self._words.setdefault(toks[0], []).append(name)
            elif toks:
                self._phrases.setdefault(toks, []).append(name)
        if "copulas" in spec:
            self._predicative.append(
                (
                    name,
                    frozenset(_norm_terms(spec["copulas"])),
                    frozenset(spec.get("heads", [])),
                    frozenset(_norm_terms(spec.get("fillers", []))),
                )
            )
        for pattern in spec.get("patterns", []):
            try:
                self._patterns.append((name, re.compile(pattern)))
            except re.error as exc:
                raise ValueError(f"stance lexicon: bad pattern {pattern!r} in {name!r}: {exc}") from exc

    # -- scoring -----------------------------------------------------------------------------
    def score(self, sentence: str) -> StanceResult:
        found = self.find_cues(sentence)
        total = self.bias
        cues: list[tuple[float, str]] = []
        for name, terms in found.items():
            cat = self.categories.get(name)
            if cat is None or not terms:
                continue
            used = terms[: cat.max_count]
            total += cat.weight * len(used)
            cues.extend((cat.weight, f"{name}:{term}") for term in used)
        score = 1.0 / (1.0 + math.exp(-total))
        cues.sort(key=lambda c: -abs(c[0]))
        stance = OPINION if score >= self.threshold else FACT
        return StanceResult(stance, round(score, 4), [c for _, c in cues])

    def find_cues(self, sentence: str) -> dict[str, list[str]]:
        """Cue category -> the matched terms (in order, de-duplicated)."""
        found: dict[str, list[str]] = {}
        text = _normalise(sentence)
        own, quoted = _split_quotes(text)
        # "US" or "U.S" is in every match of _US_RE
        lowered = (_US_RE.sub("U.S.", own) if "US" in own or "U.S" in own else own).lower()
        tokens = _TOKEN_RE.findall(lowered)
        words = self._words
        for tok in tokens:
            if tok in words:
                for name in words[tok]:
                    _add(found, name, tok)
        if self._max_phrase:
            # the n-grams (n >= 2) in order of start, then length, as a plain scan would try them
            n_tok = len(tokens)
            phrase_lengths = self._phrase_lengths
            for i, tok in enumerate(tokens):
                if tok not in phrase_lengths:
                    continue
                for n in phrase_lengths[tok]:
                    if n > n_tok - i:
                        break
                    names = self._phrases.get(tuple(tokens[i : i + n]))
                    if names:
                        for name in names:
                            _add(found, name, " ".join(tokens[i : i + n]))
        if self._predicative:
            self._predicative_cues(found, tokens)
        for name, pattern in self._patterns:
            m = pattern.search(lowered)
            if m:
                _add(found, name, m.group(0).strip() or name)
        self._quote_cues(found, text, quoted, whole=not own.strip())
        for name_token in _capitalised_names(own):
            _add(found, _NAMED, name_token)
        return found

    def _predicative_cues(self, found: dict[str, list[str]], tokens: list[str]) -> None:
        """An evaluative word as the complement of a copula: "the plan is (utterly) absurd"."""
        for name, copulas, heads, fillers in self._predicative:
            for i, tok in enumerate(tokens):
                if tok not in copulas:
                    continue
                j = i + 1
                while j < len(tokens) and j - i <= 3 and tokens[j] in fillers:
                    j += 1
                if j < len(tokens) and heads.intersection(self._words.get(tokens[j], ())):
                    _add(found, name, f"{tok} {tokens[j]}")

    def _quote_cues(
        self, found: dict[str, list[str]], text: str, quoted: list[str], whole: bool = False
    ) -> None:
        if not quoted:
            return
        attributed = _REPORTED in found
        quoted_chars = sum(len(q) for q in quoted)
        if quoted_chars > _QUOTATION_SHARE * max(len(text.strip()), 1):
            _add(found, _QUOTATION, "quoted")
        if not attributed and not whole:  # a whole sentence in quotes is speech, not scare quotes
            for q in quoted:
                words = q.strip("“”\"‘’' ").split()
                if 0 < len(words) <= _SCARE_MAX_WORDS:
                    _add(found, _SCARE_QUOTES, " ".join(words).lower())


def _norm_terms(terms: Iterable[str]) -> list[str]:
    return [_normalise(t).lower().strip() for t in terms]


def _claim_opinion(name: str, value: Any) -> str:
    if value in ("", None, False):
        return ""
    if value not in ("any", "forecast"):
        raise ValueError(f"stance lexicon: claim_opinion of {name!r} must be 'any' or 'forecast'")
    return str(value)


def _add(found: dict[str, list[str]], name: str, term: str) -> None:
    terms = found.setdefault(name, [])
    if term not in terms:
        terms.append(term)


def _normalise(text: str) -> str:
    # Curly apostrophes inside words become straight ones; quote marks are kept.
    return _NORMALISE_RE.sub("'", text) if "’" in text else text


def _split_quotes(text: str) -> tuple[str, list[str]]:
    """The author's own text (quotations cut out) and the quoted spans."""
    if _MAYBE_QUOTE_RE.search(text) is None:
        return text, []  # no quote mark: none of the regexes below can match
    quoted: list[str] = [m.group(0) for m in _QUOTE_RE.finditer(text)]
    own = _QUOTE_RE.sub(" ", text)
    # An unbalanced quote mark: a quotation running to the end (or from the start) of the sentence.
    m = _OPEN_ONLY_RE.search(own)
    if m is None and "”" in own:
        pos = own.index("”")
        quoted.append(own[: pos + 1])
        own = own[pos + 1 :]
    elif m is not None and (own[m.start()] == "“" or own.count('"') == 1):
        quoted.append(own[m.start() :])
        own = own[: m.start()]
    opening = _OPEN_SINGLE_RE.search(own)
    if opening is None and _CLOSE_SINGLE_RE.search(own):
        quoted.append(own)
        own = ""
    elif opening is not None and not _CLOSING_SINGLE_RE.search(own, opening.end()):
        quoted.append(own[opening.start() :])
        own = own[: opening.start()]
    return own, quoted


def _capitalised_names(own: str) -> Iterable[str]:
    for m in _CAPITAL_RE.finditer(own):
        word = m.group(0)
        if word in ("I", "I'm", "I've", "I'd", "I'll"):
            continue
        if _at_sentence_start(own, m.start()):
            continue
        yield word


def _at_sentence_start(text: str, pos: int) -> bool:
    """``_SENTENCE_START_RE.search(text[:pos])`` without scanning the whole prefix.

    The regex ends in ``\\s*$``: it matches when the prefix without its trailing whitespace is
    empty, or that whitespace holds a line break, or the prefix then ends in ``([—–-``, or in
    ``.!?:;`` followed by at least one whitespace character.
    """
    prefix = text[:pos]
    core = prefix.rstrip()  # str.rstrip() and re's \s agree on what whitespace is
    if not core or "\n" in prefix[len(core) :]:
        return True
    last = core[-1]
    return last in "([—–-" or (last in ".!?:;" and len(core) < len(prefix))


# -- lexicon / backend loading ------------------------------------------------------------------
def load_lexicon(path: str | Path | None = None) -> dict[str, Any]:
    """The lexicon JSON: ``path``, else $NEWSCLAIMS_STANCE_LEXICON, else the packaged one.

    A lexicon may name further files in ``"extends"`` (relative to its own folder); their
    categories are merged in (terms, phrases and patterns of a category already present are added).
    """
    path = path or os.environ.get(LEXICON_ENV)
    if path:
        base = Path(path)
        lexicon = json.loads(base.read_text(encoding="utf-8"))
        folder: Any = base.parent
    else:
        folder = resources.files("extractors") / "data"
        lexicon = json.loads((folder / "stance_lexicon.json").read_text(encoding="utf-8"))
    for name in lexicon.get("extends", []):
        extra = json.loads((folder / name).read_text(encoding="utf-8"))
        _merge(lexicon.setdefault("categories", {}), extra.get("categories", {}))
    return lexicon


def _merge(categories: dict[str, Any], extra: dict[str, Any]) -> None:
    for name, spec in extra.items():
        if name not in categories:
            categories[name] = spec
            continue
        for key in ("terms", "phrases", "patterns"):
            categories[name][key] = list(categories[name].get(key, [])) + list(spec.get(key, []))


@lru_cache(maxsize=4)
def get_scorer(path: str | None = None) -> CueScorer:
    return CueScorer(load_lexicon(path))


_model_override: list[str | None] = []


def use_stance_model(path: str | Path | None) -> None:
    """Make ``sentence_stance`` use a trained textcat model (``None``: back to the env/cue default)."""
    _model_override[:] = [str(path)] if path else []


def _model_path() -> str | None:
    if _model_override:
        return _model_override[0]
    return os.environ.get(MODEL_ENV) or None


def _scorer() -> CueScorer:
    return get_scorer(os.environ.get(LEXICON_ENV) or None)


# -- public API -----------------------------------------------------------------------------------
def sentence_stance(sentence: str) -> StanceResult:
    """Stance of one sentence of article text."""
    return sentence_stances([sentence])[0]


def sentence_stances(sentences: Sequence[str]) -> list[StanceResult]:
    """Stances of many sentences (batched through the textcat model when one is configured)."""
    scorer = _scorer()
    results = [scorer.score(s) for s in sentences]
    model_path = _model_path()
    if model_path:
        from extractors.stance_model import load_stance_model

        model = load_stance_model(model_path)
        for result, prob in zip(results, model.opinion_scores(sentences), strict=True):
            result.score = round(prob, 4)
            result.stance = OPINION if prob >= model.threshold else FACT
            result.cues.insert(0, "model:textcat")
    return results


def claim_stance(claim: Claim, sentence: StanceResult) -> str:
    """Stance of a claim given its sentence's stance (CLAIMS.md: reported figures stay fact).

    A figure is the author's opinion only when the sentence is an opinion, it is not
    reported speech, and the author estimates it ("my guess is $5bn") or speculates about a
    forecast/target figure in their own voice ("I think it could reach $1bn").
    An evaluative word alone ("a staggering $20bn") leaves a reported figure a fact.
    """
    if sentence.stance != OPINION:
        return FACT
    kinds = {cue.split(":", 1)[0] for cue in sentence.cues}
    if _REPORTED in kinds or _QUOTATION in kinds:
        return FACT
    forward = claim.modality in ("forecast", "target")
    for name in kinds:
        cat = _scorer().categories.get(name)
        if cat is None or not cat.claim_opinion:
            continue
        if cat.claim_opinion == "any" or forward:
            return OPINION
    return FACT
