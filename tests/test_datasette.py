"""`newsclaims serve`: the Datasette that analysts see, tested over HTTP in-process
(Datasette's own test client) against a database built from the fixtures."""

from __future__ import annotations

import asyncio
import importlib.util
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import sqlite_utils
from click.testing import CliRunner
from fixtures_db import OPINION_URL, SCRIPT_MARKUP, SPIN_OFF_URL, WIRE_URL, build_fixture_db

from pipeline.cli_analyst import DATASETTE_DIR, build_datasette, load_metadata, serve_command
from storage.keys import article_key

STORED_QUERIES = {
    "latest_figures",
    "subject_timeline",
    "opinion_claims",
    "disagreements",
    "top_articles",
    "feed_health",
    "metric_over_time",
}
CLAIM_FACETS = ["metric", "subject", "unit", "stance", "modality", "qualifier", "feed", "published_month"]


class Client:
    """Datasette's async in-process client driven from plain (sync) tests."""

    def __init__(self, db_path: Path) -> None:
        self.ds = build_datasette(db_path)
        self.loop = asyncio.new_event_loop()

    def get(self, path: str) -> httpx.Response:
        return self.loop.run_until_complete(self.ds.client.get(path))

    def json(self, path: str) -> Any:
        response = self.get(path)
        assert response.status_code == 200, (path, response.text[:500])
        return response.json()

    def html(self, path: str) -> str:
        response = self.get(path)
        assert response.status_code == 200, (path, response.text[:500])
        return response.text


@pytest.fixture(scope="module")
def db_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_fixture_db(tmp_path_factory.mktemp("datasette") / "claims.db")


@pytest.fixture(scope="module")
def client(db_path: Path) -> Iterator[Client]:
    c = Client(db_path)
    yield c
    c.loop.close()


# -- metadata ------------------------------------------------------------------


def test_metadata_describes_every_table_and_column(client: Client, db_path: Path) -> None:
    meta = client.json("/-/metadata.json")
    assert meta["title"] == "newsclaims"
    tables = meta["databases"]["newsclaims"]["tables"]
    db = sqlite_utils.Database(db_path)
    shown = [t for t in db.table_names() if "_fts" not in t] + db.view_names()
    for name in shown:
        assert tables.get(name, {}).get("description"), f"{name} has no description"
        columns = db[name].columns_dict
        described = tables[name].get("columns", {})
        missing = [c for c in columns if not described.get(c)]
        assert not missing, f"{name}: no description for {missing}"
        extra = set(described) - set(columns)
        assert not extra, f"{name}: descriptions of columns that do not exist: {extra}"


def test_metadata_explains_enums(client: Client) -> None:
    columns = client.json("/-/metadata.json")["databases"]["newsclaims"]["tables"]["claims_enriched"][
        "columns"
    ]
    for word in ("actual", "target", "forecast"):
        assert word in columns["modality"]
    for word in ("exact", "approximate", "at_least", "at_most", "range"):
        assert word in columns["qualifier"]
    for word in ("ISO 4217", "users", "count", "percent"):
        assert word in columns["unit"]
    assert "fact" in columns["stance"] and "opinion" in columns["stance"]


def test_table_page_shows_title_description_and_column_notes(client: Client) -> None:
    page = client.html("/newsclaims/claims_enriched")
    assert "Claims, enriched" in page
    assert '<dl class="column-descriptions">' in page
    assert "ISO 4217 currency code" in page
    assert "/newsclaims-static/newsclaims.css" in page
    css = client.get("/newsclaims-static/newsclaims.css")
    assert css.status_code == 200 and "mark.figure" in css.text


def test_stored_queries_have_descriptions_and_params(client: Client) -> None:
    queries = {q["name"]: q for q in client.json("/newsclaims.json")["queries"]}
    assert set(queries) == STORED_QUERIES
    for name, query in queries.items():
        assert query["title"] and query["description"], name
        in_sql = set(re.findall(r":([a-z_]+)", query["sql"]))
        assert in_sql and set(query["params"]) == in_sql, name


# -- facets, sort, labels --------------------------------------------------------


def test_claims_enriched_facets(client: Client) -> None:
    data = client.json("/newsclaims/claims_enriched.json?_size=max")
    facets = data["facet_results"]
    assert list(facets) == CLAIM_FACETS
    feeds = {r["value"]: r["count"] for r in facets["feed"]["results"]}
    assert feeds["Other Wire"] == 3 and feeds["Demo Business Daily"] >= 5
    months = {r["value"] for r in facets["published_month"]["results"]}
    assert months == {"2026-03"}
    subjects = {r["value"] for r in facets["subject"]["results"]}
    assert {"Keling AI", "Kling AI", "Kuaishou", "Doubao"} <= subjects


def test_applying_a_facet_filters_rows(client: Client) -> None:
    data = client.json("/newsclaims/claims_enriched.json?feed=Other+Wire&_shape=objects")
    assert {r["feed"] for r in data["rows"]} == {"Other Wire"}
    assert {r["surface"] for r in data["rows"]} == {"$600 million", "$1 billion", "$40 billion"}


def test_claims_table_has_claim_facets(client: Client) -> None:
    facets = client.json("/newsclaims/claims.json")["facet_results"]
    assert list(facets) == ["metric", "subject", "unit", "stance", "modality", "qualifier"]


def test_claims_sorted_by_published_date_newest_first(client: Client) -> None:
    data = client.json("/newsclaims/claims_enriched.json?_shape=objects&_size=max")
    assert data["human_description_en"] == "sorted by published_at descending"
    dates = [r["published_at"] for r in data["rows"]]
    assert dates == sorted(dates, reverse=True)
    assert dates[0].startswith("2026-03-14")


def test_foreign_keys_show_labels(client: Client) -> None:
    rows = client.json(
        f"/newsclaims/claims.json?_labels=on&_shape=array&article_id={article_key(SPIN_OFF_URL)}"
    )
    assert rows
    assert rows[0]["article_id"]["label"].startswith("Kuaishou's Keling AI spin-off")
    articles = client.json("/newsclaims/articles.json?_labels=on&_shape=array")
    assert {a["feed_id"]["label"] for a in articles} == {"Demo Business Daily", "Other Wire"}


# -- full-text search ------------------------------------------------------------


def test_articles_full_text_search(client: Client) -> None:
    data = client.json("/newsclaims/articles.json?_search=fourfold&_shape=objects")
    assert data["human_description_en"].startswith('where search matches "fourfold"')
    assert [r["url"] for r in data["rows"]] == [SPIN_OFF_URL]
    titles = client.json("/newsclaims/articles.json?_search=bold+bet&_shape=objects")["rows"]
    assert [r["url"] for r in titles] == [OPINION_URL]


def test_sentences_full_text_search(client: Client) -> None:
    rows = client.json("/newsclaims/sentences.json?_search=recurring&_shape=array")
    texts = [r["text"] for r in rows]
    assert any("nearly $500 million" in t for t in texts)
    assert any("$600 million" in t for t in texts)
    assert all("recurring" in t for t in texts)


def test_claims_full_text_search_on_table_and_view(client: Client) -> None:
    for table in ("claims", "claims_enriched"):
        rows = client.json(f"/newsclaims/{table}.json?_search=recurring+revenue&_shape=array&_size=max")
        assert rows, table
        assert all("recurring revenue" in r["sentence"].lower() for r in rows), table
        everything = client.json(f"/newsclaims/{table}.json?_shape=array&_size=max")
        assert len(rows) == sum("recurring revenue" in r["sentence"].lower() for r in everything), table


def test_search_box_is_offered(client: Client) -> None:
    for table in ("articles", "sentences", "claims", "claims_enriched"):
        assert 'name="_search"' in client.html(f"/newsclaims/{table}")


# -- stored queries ----------------------------------------------------------------


def test_latest_figure_per_subject_and_metric(client: Client) -> None:
    rows = client.json("/newsclaims/latest_figures.json?_shape=array&subject=Keling+AI&metric=valuation")
    keling = [r for r in rows if r["subject"] == "Keling AI"]
    assert len(keling) == 1
    assert keling[0]["value"] == 40e9 and keling[0]["feed"] == "Other Wire"
    everything = client.json("/newsclaims/latest_figures.json?_shape=array")
    pairs = [(r["subject"].lower(), r["metric"]) for r in everything]
    assert len(pairs) == len(set(pairs))
    assert ("doubao", "dau") in pairs


def test_one_subject_over_time(client: Client) -> None:
    rows = client.json("/newsclaims/subject_timeline.json?_shape=array&subject=keling+ai&metric=")
    assert {r["subject"] for r in rows} == {"Keling AI"}
    dates = [r["published_at"] for r in rows]
    assert dates == sorted(dates)
    assert {"$20 billion", "nearly $500 million", "$600 million", "$40 billion"} <= {
        r["surface"] for r in rows
    }


def test_claims_from_opinion_sentences(client: Client) -> None:
    rows = client.json("/newsclaims/opinion_claims.json?_shape=array")
    assert rows and {r["sentence_stance"] for r in rows} == {"opinion"}
    assert any(r["surface"] == "$40 billion" and r["stance"] == "opinion" for r in rows)
    facts_only = client.json("/newsclaims/opinion_claims.json?_shape=array&metric=dau")
    assert facts_only == []  # the Doubao figure sits in a fact sentence


def test_figures_that_disagree_across_sources(client: Client) -> None:
    rows = client.json("/newsclaims/disagreements.json?_shape=array&metric=arr")
    pair = next(r for r in rows if r["subject"] == "Keling AI")
    assert (pair["value_a"], pair["value_b"]) == (500e6, 600e6)
    assert (pair["feed_a"], pair["feed_b"]) == ("Demo Business Daily", "Other Wire")
    assert (pair["url_a"], pair["url_b"]) == (SPIN_OFF_URL, WIRE_URL)
    assert pair["diff_pct"] == pytest.approx(16.7)
    wide = client.json("/newsclaims/disagreements.json?_shape=array&metric=arr&min_diff_pct=20")
    assert not any(r["subject"] == "Keling AI" and r["value_b"] == 600e6 for r in wide)
    # the same figure in two sources is no disagreement
    valuations = client.json("/newsclaims/disagreements.json?_shape=array&metric=valuation")
    assert all(r["value_a"] != r["value_b"] for r in valuations)


def test_articles_with_most_claims(client: Client) -> None:
    rows = client.json("/newsclaims/top_articles.json?_shape=array")
    counts = [r["claims"] for r in rows]
    assert counts == sorted(counts, reverse=True)
    assert {r["article_url"] for r in rows} >= {SPIN_OFF_URL, WIRE_URL, OPINION_URL}
    one = client.json("/newsclaims/top_articles.json?_shape=array&limit=1&feed=wire")
    assert [(r["article_url"], r["claims"]) for r in one] == [(WIRE_URL, 3)]


def test_feed_health(client: Client) -> None:
    rows = client.json("/newsclaims/feed_health.json?_shape=array")
    assert [r["feed"] for r in rows] == ["Other Wire", "Demo Business Daily"]
    wire, demo = rows
    assert wire["last_status"] == "failed" and wire["consecutive_failures"] == 1
    assert wire["last_error"] == "HTTP 503 Service Unavailable"
    assert wire["articles_failed"] == 1 and "HTTP 402" in wire["article_errors"]
    assert demo["last_status"] == "ok" and demo["articles_ok"] == 2 and demo["last_checked_at"]


def test_every_stored_query_runs_with_empty_parameters(client: Client) -> None:
    for name in STORED_QUERIES:
        response = client.get(f"/newsclaims/{name}")
        assert response.status_code == 200, name
        assert "Query parameters" in response.text, name


# -- chart -------------------------------------------------------------------------


def test_metric_over_time_chart_is_inline_svg(client: Client) -> None:
    page = client.html("/newsclaims/metric_over_time?metric=valuation&unit=USD&subject=")
    assert '<figure class="newsclaims-chart"><svg' in page
    points = re.findall(r'<circle class="point" data-subject="([^"]+)"', page)
    assert points.count("Keling AI") == 2  # the $20bn target (12 March) and the $40bn opinion (14 March)
    assert "Kling AI" in points
    assert "2026-03-12" in page and "2026-03-14" in page
    assert "<script src" not in page.split('<figure class="newsclaims-chart">')[1].split("</figure>")[0]


def test_chart_for_a_metric_without_figures(client: Client) -> None:
    page = client.html("/newsclaims/metric_over_time?metric=debt")
    assert "No figures with a published date to chart." in page


# -- evidence, links, escaping --------------------------------------------------------


def test_evidence_sentence_highlights_the_figure(client: Client) -> None:
    page = client.html("/newsclaims/claims_enriched?subject=Keling+AI&metric=arr")
    assert '<mark class="figure">nearly $500 million</mark>' in page
    assert '<mark class="figure">$600 million</mark>' in page


def test_values_are_shown_with_thousands_separators(client: Client) -> None:
    page = client.html("/newsclaims/claims_enriched?subject=Kuaishou&metric=capex")
    assert '<span class="figure-value" title="26000000000.0">26,000,000,000</span>' in page
    query = client.html("/newsclaims/disagreements?metric=arr")
    assert ">500,000,000</span>" in query and ">600,000,000</span>" in query


def test_claims_link_back_to_their_article(client: Client) -> None:
    page = client.html("/newsclaims/claims_enriched?subject=Doubao")
    article_id = article_key(SPIN_OFF_URL)
    assert f'<a href="/newsclaims/articles/{article_id}" title="stored article">' in page
    assert f'<a href="{SPIN_OFF_URL}">' in page
    stored = client.get(f"/newsclaims/articles/{article_id}")
    assert stored.status_code == 200 and "Doubao" in stored.text


def test_untrusted_text_is_escaped_everywhere(client: Client) -> None:
    wire_id = article_key(WIRE_URL)
    pages = {
        "claims_enriched": client.html("/newsclaims/claims_enriched?feed=Other+Wire"),
        "claims": client.html("/newsclaims/claims?metric=funding"),
        "sentences": client.html("/newsclaims/sentences?_search=owned"),
        "article": client.html(f"/newsclaims/articles/{wire_id}"),
        "query": client.html("/newsclaims/subject_timeline?subject=Keling+AI"),
        "chart": client.html("/newsclaims/metric_over_time?metric=funding"),
    }
    for name, page in pages.items():
        assert SCRIPT_MARKUP not in page, name
        assert "<b>leak</b>" not in page, name
    assert (
        '&lt;script&gt;alert(&#34;owned&#34;)&lt;/script&gt; raised <mark class="figure">$1 billion</mark>'
        in (pages["claims_enriched"])
    )
    assert "&lt;script&gt;" in pages["sentences"] and "&lt;script&gt;" in pages["article"]


def test_highlight_escapes_markup_in_surface_and_sentence() -> None:
    spec = importlib.util.spec_from_file_location("ncp", DATASETTE_DIR / "plugins" / "newsclaims_plugin.py")
    assert spec and spec.loader
    plugin = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(plugin)
    html = str(plugin.highlight_evidence("A <i>x</i> made $5m & more, $5m again.", "$5m"))
    assert html == (
        '<span class="evidence">A &lt;i&gt;x&lt;/i&gt; made <mark class="figure">$5m</mark> &amp; more, '
        '<mark class="figure">$5m</mark> again.</span>'
    )
    assert (
        str(plugin.highlight_evidence("no figure here", "$1"))
        == '<span class="evidence">no figure here</span>'
    )
    assert "&lt;b&gt;" in str(plugin.highlight_evidence("<b>$1</b>", "<b>$1</b>"))
    assert plugin.human_number(20e9) == "20bn" and plugin.human_number(500e6) == "500m"


# -- read-only, loopback ----------------------------------------------------------------


def test_no_plugin_that_writes(client: Client) -> None:
    plugins = client.json("/-/plugins.json")
    assert [p["name"] for p in plugins] == ["newsclaims_plugin.py"]
    assert client.json("/newsclaims.json")["queries"]
    assert all(not q.get("write") for q in load_metadata()["databases"]["newsclaims"]["queries"].values())


def test_sql_cannot_write(client: Client, db_path: Path) -> None:
    before = sqlite_utils.Database(db_path)["claims"].count
    response = client.get("/newsclaims.json?sql=delete+from+claims")
    assert response.status_code == 400
    assert sqlite_utils.Database(db_path)["claims"].count == before


def test_serve_binds_loopback_by_default() -> None:
    options = {p.name: p for p in serve_command.params}
    assert options["host"].default == "127.0.0.1"


def test_serve_refuses_a_missing_database(tmp_path: Path) -> None:
    result = CliRunner().invoke(serve_command, ["--db", str(tmp_path / "missing.db")])
    assert result.exit_code == 1
    assert "no database at" in result.output


def test_serve_refuses_a_foreign_database(tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as conn:
        conn.execute("create table t (x)")
    result = CliRunner().invoke(serve_command, ["--db", str(other)])
    assert result.exit_code == 1
    assert "not a newsclaims database" in result.output
