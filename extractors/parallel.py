"""Analyse many articles on several CPU cores.

``analyse_articles`` runs in one process, and the extractors are pure Python
held by the GIL, so threads do not add throughput. ``analyse_many`` sends
batches of articles to worker processes instead. Each worker builds the spaCy
pipeline once; only plain strings go in and plain dataclasses come back
(``ArticleAnalysis``), so the results are the same as in one process, in the
same order.

Workers are started with ``spawn``: a fork of a process that holds threads
(Prefect, httpx) may deadlock, and ``spawn`` behaves the same on every
platform. Starting a worker costs about as much as importing spaCy, so use
workers for hundreds of articles, not for a handful.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice

from extractors.analyse import analyse_articles
from extractors.model import ArticleAnalysis
from extractors.nlp import get_nlp

Item = tuple[str, str | None]


def _warm_worker() -> None:
    get_nlp()  # build the pipeline (and load the data files) before the first batch


def _analyse_batch(batch: list[Item]) -> list[ArticleAnalysis]:
    return analyse_articles(batch)


def start_pool(workers: int) -> ProcessPoolExecutor:
    """A pool of ``workers`` processes, each with the pipeline built."""
    if workers < 1:
        raise ValueError(f"workers must be at least 1, got {workers}")
    return ProcessPoolExecutor(
        max_workers=workers, mp_context=multiprocessing.get_context("spawn"), initializer=_warm_worker
    )


def analyse_many(
    items: Iterable[Item],
    *,
    workers: int = 1,
    batch_size: int = 32,
    pool: ProcessPoolExecutor | None = None,
) -> Iterator[ArticleAnalysis]:
    """Analyse ``(text, title)`` pairs, yielding one result per pair, in input order.

    With ``workers == 1`` and no ``pool`` everything runs here. Otherwise batches of
    ``batch_size`` go to ``pool`` (a pool of ``workers`` processes from ``start_pool``, kept
    by the caller across calls) or to a pool started for this call and shut down at its
    end. At most two batches per worker are in flight, so a long input is read lazily and
    memory stays flat.
    """
    if workers < 1:
        raise ValueError(f"workers must be at least 1, got {workers}")
    if batch_size < 1:
        raise ValueError(f"batch_size must be at least 1, got {batch_size}")
    batches = _batched(items, batch_size)
    if pool is None and workers == 1:
        for batch in batches:
            yield from analyse_articles(batch, batch_size=batch_size)
        return
    own = pool is None
    executor = pool if pool is not None else start_pool(workers)
    in_flight = 2 * workers
    pending: deque[Future[list[ArticleAnalysis]]] = deque()
    try:
        for batch in batches:
            pending.append(executor.submit(_analyse_batch, batch))
            if len(pending) >= in_flight:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        for future in pending:
            future.cancel()
        if own:
            executor.shutdown(wait=True, cancel_futures=True)


def _batched(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch
