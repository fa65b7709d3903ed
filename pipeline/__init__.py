"""newsclaims pipeline: fetching, feeds, the Prefect flow and the CLI."""

__version__ = "0.1.0"
