# newsclaims: the README's promise. A fresh clone, then `make run` and `make test`.
PYTHON ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin
DB ?= newsclaims.db
FEEDS ?=
export PREFECT_HOME ?= $(CURDIR)/.prefect

.PHONY: install run test lint serve bench clean

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "need $(PYTHON) (set PYTHON=...)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Safe to run again: pip only installs what is missing or changed.
install: $(BIN)/python
	$(BIN)/pip install --quiet -c constraints.txt -e '.[dev]'
	@$(BIN)/pip check >/dev/null || { $(BIN)/pip check; exit 1; }

run: install
	$(BIN)/newsclaims ingest --db $(DB) $(if $(FEEDS),--feeds $(FEEDS))

test: install
	$(BIN)/python -m pytest -q

lint: install
	$(BIN)/ruff check pipeline extractors storage tests scripts

serve: install
	$(BIN)/newsclaims serve --db $(DB)

bench: install
	$(BIN)/python scripts/bench_extract.py
	$(BIN)/python scripts/bench_stance.py

clean:
	rm -rf $(VENV) .prefect .pytest_cache .ruff_cache $(DB) $(DB)-wal $(DB)-shm
