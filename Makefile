# Set-up and everyday commands. `make demo` and `make test` work on a fresh clone.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DB ?= tacitus.duckdb
BENCH_DATA ?= ../shared/data/news/allsides-dev.jsonl.gz

.PHONY: install demo test lint typecheck bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: $(BIN)/python requirements.lock pyproject.toml
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

install: $(VENV)/.installed

demo: install
	$(BIN)/tacitus code examples --db $(DB)
	$(BIN)/tacitus events --db $(DB)
	@echo "Open a document with: $(BIN)/tacitus show DOC_ID --db $(DB)"
	@echo "Explore in a browser: $(BIN)/tacitus serve --db $(DB)   then open http://127.0.0.1:8000/"

test: install
	$(BIN)/python -m pytest -q

lint: install
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

typecheck: install
	$(BIN)/mypy

bench: install
	$(BIN)/python benchmarks/throughput.py --articles 500 $(BENCH_DATA)

clean:
	rm -rf $(VENV) $(DB) .pytest_cache .mypy_cache .ruff_cache
