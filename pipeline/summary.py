"""The short report printed after an ingest run."""

from __future__ import annotations


def format_summary(summary) -> str:  # noqa: ANN001 - pipeline.flow.RunSummary
    lines = [
        f"newsclaims ingest {summary.status}: run {summary.run_id[:8]} -> {summary.db_path}",
        f"  feeds     read {summary.feeds_read} (not modified {summary.feeds_not_modified}),"
        f" failed {summary.feeds_failed}",
        f"  articles  new {summary.articles_new}, updated {summary.articles_updated},"
        f" unchanged {summary.articles_unchanged}, failed {summary.articles_failed}",
        f"  stored    {summary.sentences} sentences, {summary.claims} claims,"
        f" opinion share {summary.opinion_share:.0%}",
    ]
    for url, reason in summary.failures[:10]:
        lines.append(f"  failed    {url}: {reason}")
    if len(summary.failures) > 10:
        lines.append(f"  ... and {len(summary.failures) - 10} more failures (see the articles table)")
    lines.append(
        f"Browse it: newsclaims serve --db {summary.db_path}   or   newsclaims claims --db {summary.db_path}"
    )
    return "\n".join(lines)
