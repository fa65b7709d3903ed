"""Run the extractors over article texts: sentences, stance and claims.

This is the one entry point that storage, the flow and the CLI use. It takes
plain strings and returns plain data (``ArticleAnalysis``), so a Prefect task
can call it on a batch of articles and ship the result anywhere.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence

from extractors.claims import extract_claims_from_doc
from extractors.components import doc_text, sentence_offsets
from extractors.model import ArticleAnalysis, Sentence
from extractors.nlp import get_nlp
from extractors.stance import StanceResult, claim_stance, sentence_stance


def analyse_articles(
    items: Iterable[tuple[str, str | None]], *, batch_size: int = 32
) -> list[ArticleAnalysis]:
    """Analyse ``(text, title)`` pairs; the order of the result follows the input."""
    pairs: Sequence[tuple[str, str | None]] = list(items)
    nlp = get_nlp()
    results: list[ArticleAnalysis] = []
    for doc, (_text, title) in zip(
        nlp.pipe((text for text, _ in pairs), batch_size=batch_size), pairs, strict=True
    ):
        sentences: list[Sentence] = []
        stances: list[StanceResult] = []
        text = doc_text(doc)
        for start, end in sentence_offsets(doc):
            # whitespace before a sentence (a leading blank line) is no part of it, and a
            # whitespace-only "sentence" (blank input, stray newlines) is no sentence
            sent_text = text[start:end]
            start += len(sent_text) - len(sent_text.lstrip())
            sent_text = text[start:end]
            if not sent_text:
                continue
            idx = len(sentences)
            stance = sentence_stance(sent_text)
            stances.append(stance)
            sentences.append(
                Sentence(
                    idx=idx,
                    start=start,
                    end=end,
                    text=sent_text,
                    stance=stance.stance,
                    stance_score=stance.score,
                    cues=stance.cues,
                )
            )
        claims = extract_claims_from_doc(doc, title=title)
        by_start = [s.start for s in sentences]
        for claim in claims:
            claim.sentence_idx = _sentence_index(by_start, claim.span[0])
            if claim.sentence_idx is not None:
                claim.stance = claim_stance(claim, stances[claim.sentence_idx])
        results.append(ArticleAnalysis(sentences=sentences, claims=claims))
    return results


def analyse_article(text: str, title: str | None = None) -> ArticleAnalysis:
    """Analyse one article's text."""
    return analyse_articles([(text, title)])[0]


def _sentence_index(starts: list[int], offset: int) -> int | None:
    pos = bisect.bisect_right(starts, offset) - 1
    return pos if pos >= 0 else None
