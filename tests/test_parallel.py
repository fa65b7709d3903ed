"""Analysis on worker processes (``extractors.parallel``): the same results, in the same order.

Real worker processes (``spawn``), no mocks: one pool for the library tests, and one started
by each command under test.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from click.testing import CliRunner

from extractors.analyse import analyse_articles
from extractors.parallel import analyse_many, start_pool
from pipeline.cli import cli
from storage.db import open_database
from storage.store import ArticleRecord, store_article

NAMES = ("Acme", "Bexco", "Cora Foods", "Dynamo Bank", "Zed Airlines", "Utopia Telecom", "Ynot Motors")


def article(i: int) -> tuple[str, str]:
    """A small article of its own: each holds figures no other one does."""
    name = NAMES[i % len(NAMES)]
    title = f"{name} results {i}"
    text = (
        f"{title}\n\n{name} said its profits rose {i + 2}% to ${i + 1}.{i}bn in 2004. "
        f"Sales grew by {i + 10}% to £{100 + i}m, the company said.\n"
        f"The firm, which employs {1000 + i} staff, plans to cut {i + 5} jobs."
    )
    return text, title


ARTICLES = [article(i) for i in range(11)]


@pytest.fixture(scope="module")
def pool():
    with start_pool(2) as workers:
        yield workers


def claims_of(analyses) -> list[list[dict]]:  # noqa: ANN001
    return [[c.to_dict() for c in a.claims] for a in analyses]


def test_workers_give_the_results_of_one_process_in_input_order(pool):
    expected = analyse_articles(ARTICLES)
    assert all(a.claims for a in expected)
    got = list(analyse_many(ARTICLES, workers=2, pool=pool, batch_size=2))
    assert got == expected
    # distinct values per article: a shuffled order could not pass the comparison above by luck
    assert len({json.dumps(c) for c in claims_of(got)}) == len(ARTICLES)


@pytest.mark.parametrize("batch_size", [1, 3, 32])
def test_a_pool_started_for_the_call_is_shut_down_after_it(batch_size):
    got = list(analyse_many(ARTICLES[:5], workers=2, batch_size=batch_size))
    assert got == analyse_articles(ARTICLES[:5])


def test_one_process_reads_its_input_lazily():
    read: list[int] = []

    def items() -> Iterator[tuple[str, str]]:
        for i, item in enumerate(ARTICLES):
            read.append(i)
            yield item

    results = analyse_many(items(), batch_size=2)
    next(results)
    assert read == [0, 1]
    assert len(list(results)) == len(ARTICLES) - 1


def test_empty_input_gives_nothing(pool):
    assert list(analyse_many([], workers=2, pool=pool)) == []
    assert list(analyse_many([])) == []


@pytest.mark.parametrize("kwargs", [{"workers": 0}, {"workers": -2}, {"batch_size": 0}])
def test_bad_sizes_are_refused(kwargs):
    with pytest.raises(ValueError, match="at least 1"):
        list(analyse_many(ARTICLES, **kwargs))


def test_extract_with_workers_prints_what_one_process_prints(tmp_path):
    paths = []
    for i, (text, _) in enumerate(ARTICLES[:6]):
        path = tmp_path / f"a{i}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    sources = [*paths[:3], str(tmp_path / "missing.txt"), *paths[3:]]
    runner = CliRunner()
    one = runner.invoke(cli, ["extract", *sources, "--format", "jsonl"])
    two = runner.invoke(cli, ["extract", *sources, "--format", "jsonl", "--workers", "2"])
    assert one.exit_code == two.exit_code == 1
    assert "missing.txt: no such file" in two.output
    assert two.output == one.output
    docs = [json.loads(line)["doc"] for line in two.output.splitlines() if line.startswith("{")]
    assert docs == sorted(docs) and set(docs) == set(paths)


def test_extract_refuses_zero_workers():
    result = CliRunner().invoke(cli, ["extract", "x.txt", "--workers", "0"])
    assert result.exit_code == 2
    assert "--workers" in result.output


def test_reextract_with_workers_stores_each_article_its_own_claims(tmp_path):
    from pipeline.reextract import reextract

    stored = {}
    for workers in (1, 2):
        db = open_database(tmp_path / f"w{workers}.db")
        for i, (text, title) in enumerate(ARTICLES):
            record = ArticleRecord(url=f"https://e.com/{i}", text=text, title=title)
            store_article(db, record, analyse_articles([("", None)])[0], extractor_version="0-old")
        summary = reextract(db, workers=workers, batch_size=2)
        assert summary.articles == len(ARTICLES)
        stored[workers] = sorted(
            db.query(
                "select a.url, c.surface, c.value, c.metric, c.subject from claims c "
                "join articles a on a.id = c.article_id"
            ),
            key=lambda r: (r["url"], r["surface"]),
        )
    assert stored[2] == stored[1]
    for i, (text, _) in enumerate(ARTICLES):
        rows = [r for r in stored[2] if r["url"] == f"https://e.com/{i}"]
        assert rows and all(r["surface"] in text for r in rows)
