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

# Safe to run again: pip only installs what is missing or changed, and the compiled core
# (extractors.native: mypyc + gcc, ~1.5 min) is rebuilt only when a source changed. Where it
# cannot be built the reason is printed and the .py sources run (same output, slower).
install: $(BIN)/python
	$(BIN)/pip install --quiet -c constraints.txt -e '.[dev]'
	@$(BIN)/pip check >/dev/null || { $(BIN)/pip check; exit 1; }
	@$(BIN)/python -m extractors.native build || echo "newsclaims: running the extractors as plain Python"

run: install
	$(BIN)/newsclaims ingest --db $(DB) $(if $(FEEDS),--feeds $(FEEDS))

# The second pass runs the tests that swap extractor functions on the .py sources (compiled
# callers would not see the swap; they are skipped in the first pass where the build is active).
test: install
	$(BIN)/python -m pytest -q
	NEWSCLAIMS_NATIVE=0 $(BIN)/python -m pytest -q -m pure_python

lint: install
	$(BIN)/ruff check pipeline extractors storage tests scripts

serve: install
	$(BIN)/newsclaims serve --db $(DB)

bench: install
	$(BIN)/python scripts/bench_extract.py
	$(BIN)/python scripts/bench_stance.py

clean:
	rm -f extractors/*.so extractors/_native.json
	rm -rf $(VENV) build .prefect .pytest_cache .ruff_cache $(DB) $(DB)-wal $(DB)-shm
