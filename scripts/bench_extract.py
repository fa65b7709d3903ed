#!/usr/bin/env python3
"""Benchmark: full claim extraction vs spacy.blank("en") + sentencizer alone.

usage: bench_extract.py [CORPUS_DIR] [--repeat N] [--workers N]

Reads every .txt article of CORPUS_DIR (default ../shared/data/bbc_business/business),
warms both pipelines up, then times (best of N runs) the baseline and
``analyse_articles`` (pipeline + claims + sentence stance), and also the claim
extraction alone (``nlp.pipe`` + ``extract_claims_from_doc``). Prints the times,
the throughput ratio (target >= 0.7) and the peak memory (tracemalloc, Python
allocations, and the process's max RSS). With ``--workers N`` (N > 1) it also times
``analyse_many`` on N worker processes (``extractors.parallel``, pool started and warmed
before timing) against the baseline at its best on this machine: one process or spaCy's
``n_process=N``, whichever is faster. The headline ratio stays the one-process one.

Where the time goes (510 BBC articles, per-function timers): the spaCy English
tokenizer alone is ~0.17-0.19 s of the baseline's ~0.23 s. Ours uses the lean
tokenizer ``newsclaims.LeanTokenizer.v1`` (~0.07 s; ``data/tokenizer.json``): no
output of ours reads tokens, so the two give identical claims and sentences (checked
on all 510 articles + the gold docs; tests/test_tokenizer.py), and part of our
ratio is this tokenizer doing less work than the baseline's.

Ours: ~0.50 s, 0.45x after round ``speed1`` (0.54 s, 0.42x before it, same run); the quality
rounds 15-17 merged with it bring it back to ~0.54 s, 0.42x (Nov 2026). Round ``speed2`` (gates
by required literals, words read back from the end instead of regexes tried at every offset)
and quality rounds 18-19 together: ~0.51 s, 0.44x. Rounds ``speed3``/``speed4`` (Nov 2026: sentence
boundary and number regexes that start with one character set, batched ``pipe`` for our components,
early returns for sentences where no figure can take a metric, one titles scan per article, cue
patterns not tried at non-ASCII characters that cannot start one): ~0.41 s, 0.54x; a larger tokenizer
cache was left out (it speeds up only the re-runs over the same texts). A Cython build of the
extractor modules (untyped) gave no gain: the time is regex work and the number of calls, not the interpreter.
Round ``speed5`` (Dec 2026; one Figure built per figure, one literal-led boundary regex per stop character,
name tests cached per candidate text, sentences lower-cased once for the literal gates, cue candidates read
in the lower-cased text): ~6% fewer instructions (callgrind, one run: 3,457M -> 3,258M), ~0.54x; the
cost left is flat (no rule above ~4 ms), so 0.7x needs a compiled core, not more rounds of this kind.
Round ``native`` (Dec 2026) is that core: the 11 modules of the claim extraction compiled with mypyc
(``extractors.native``; ``make install`` builds it): claims on ready Docs ~0.40 s -> ~0.29 s, ``nlp.pipe``
~0.27 s -> ~0.25 s (figures and sentence starts are compiled too; spaCy's tokenizer is not ours to compile,
~0.11 s). The value classes got written ``__init__`` methods (compiled, a dataclass's generated one stays
interpreted: 2.3 us per frozen ``Figure``, 50 ns written out). ``NEWSCLAIMS_NATIVE=0`` times the sources.
Round ``speed6`` (Dec 2026): exact gates and str-method fast paths in figures, sentences, the cue
scanner (candidates from a byte-table trie walk), subjects, clauses and claims; module constants ``Final``
(C statics, no globals-dict lookup); figures read from ``doc.user_data``. Callgrind, one run: 2,684M ->
2,237M instructions (-17%); same claims on 696 docs; ratio ~0.68x -> ~0.81x (medians, same session).
Per-function timers, best of several runs, at ``speed1``:
- pipeline ~0.19 s: tokenizer ~0.07 s; sentence boundaries ~0.035 s (``sentence_starts`` ~0.017 s:
  the abbreviation test reads the word before the stop itself where it ends in two ASCII letters;
  the rest is spaCy's array calls); figure scan ~0.06 s (per-figure parsing and ``Figure``
  construction; the anchor regexes run only where ``str.find`` sees their words, the qualifier
  regex only after a qualifier's last word); ~0.02 s more when the three run per document.
- claims ~0.27 s (on ready Docs): subject resolution ~0.06 s, of which mentions ~0.04 s (found
  only for sentences whose figures need a subject, and the topics of the sentences before);
  metric cues ~0.03 s (``extractors.scan.AlternationScanner``: the regex is tried only where up
  to four characters can start a cue, a trie of character classes: ~8.8k offsets, 2.5k cues);
  clause splitting ~0.02 s; figure classification ~0.02 s; drop rules ~0.02 s (run only for the
  ~800 of ~2,000 figure sentences that still hold a claimable figure after the metric rules);
  metric choice, modality and period ~0.01 s each; the rest is spread over ~100 anchored regexes
  of ``extractors.claims`` at 1-5 ms each.
``analyse`` adds sentence stance (``extractors.stance``, ~0.3 s for ~9k sentences;
scripts/bench_stance.py).
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import spacy  # noqa: E402

import extractors  # noqa: E402
from extractors.analyse import analyse_articles  # noqa: E402
from extractors.claims import extract_claims_from_doc  # noqa: E402
from extractors.goldeval import shared_dir  # noqa: E402
from extractors.nlp import get_nlp  # noqa: E402
from extractors.parallel import analyse_many, start_pool  # noqa: E402
from extractors.textfile import read_text_article  # noqa: E402


def _best(fn: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", default=str(shared_dir() / "data" / "bbc_business" / "business"))
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--workers", type=int, default=1, help="also time N worker processes (N > 1)")
    a = ap.parse_args(argv)
    paths = sorted(Path(a.corpus).glob("*.txt"))
    if not paths:
        print(f"no .txt articles in {a.corpus}", file=sys.stderr)
        return 2
    items = [read_text_article(p) for p in paths]
    texts = [t for t, _ in items]
    n_chars = sum(len(t) for t in texts)

    baseline = spacy.blank("en")
    baseline.add_pipe("sentencizer")
    nlp = get_nlp()

    def run_baseline() -> None:
        for doc in baseline.pipe(texts, batch_size=32):
            list(doc.sents)

    def run_claims() -> None:
        for doc, (_, title) in zip(nlp.pipe(texts, batch_size=32), items, strict=True):
            extract_claims_from_doc(doc, title)

    def run_full() -> None:
        analyse_articles(items, batch_size=32)

    run_baseline()
    run_full()  # warm-up: compiles regexes, loads data files
    t_base = _best(run_baseline, a.repeat)
    t_claims = _best(run_claims, a.repeat)
    t_full = _best(run_full, a.repeat)
    tracemalloc.start()
    results = analyse_articles(items, batch_size=32)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    n_claims = sum(len(r.claims) for r in results)
    n_scored = sum(1 for r in results for c in r.claims if c.metric != "other")
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(f"articles: {len(texts)}  chars: {n_chars:,}  claims: {n_claims} ({n_scored} in the taxonomy)")
    core = "compiled (mypyc)" if extractors.NATIVE == "active" else f"plain Python ({extractors.NATIVE})"
    print(f"extractors: {core}")
    print(f"baseline  blank('en') + sentencizer : {t_base:.3f} s  ({len(texts) / t_base:,.0f} docs/s)")
    print(f"extract   pipeline + claims         : {t_claims:.3f} s  ({len(texts) / t_claims:,.0f} docs/s)")
    print(f"analyse   pipeline + claims + stance: {t_full:.3f} s  ({len(texts) / t_full:,.0f} docs/s)")
    print(f"throughput ratio extract/baseline   : {t_base / t_claims:.2f}x  (target >= 0.70)")
    print(f"throughput ratio analyse/baseline   : {t_base / t_full:.2f}x")
    print(f"peak memory: {peak / 2**20:.1f} MiB traced during analyse_articles; max RSS {rss_mb:.0f} MiB")
    if a.workers > 1:
        _bench_workers(items, a.workers, a.repeat, t_base, run_baseline)
    return 0


def _bench_workers(
    items: list[tuple[str, str | None]],
    workers: int,
    repeat: int,
    t_base: float,
    run_baseline: Callable[[], None],
) -> None:
    """Both sides on ``workers`` processes; the baseline keeps its faster configuration."""
    texts = [t for t, _ in items]
    baseline = spacy.blank("en")
    baseline.add_pipe("sentencizer")

    def run_baseline_procs() -> None:
        for doc in baseline.pipe(texts, batch_size=32, n_process=workers):
            list(doc.sents)

    t_base_procs = _best(run_baseline_procs, repeat)
    best_base = min(t_base, t_base_procs)
    with start_pool(workers) as pool:
        list(analyse_many(items, workers=workers, pool=pool, batch_size=16))  # warm-up
        t_par = _best(lambda: list(analyse_many(items, workers=workers, pool=pool, batch_size=16)), repeat)
    n = len(items)
    base_label = f"baseline  n_process={workers}"
    par_label = f"analyse   {workers} worker processes"
    print(f"{base_label:<36}: {t_base_procs:.3f} s  ({n / t_base_procs:,.0f} docs/s)")
    print(f"{par_label:<36}: {t_par:.3f} s  ({n / t_par:,.0f} docs/s)")
    ratio_label = f"throughput ratio analyse ({workers} workers)"
    print(f"{ratio_label:<36}: {best_base / t_par:.2f}x  (against the faster baseline, {best_base:.3f} s)")


if __name__ == "__main__":
    sys.exit(main())
