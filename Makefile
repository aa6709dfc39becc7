# The commands of CONTRACT.md. `make install` is idempotent: it reinstalls only
# when pyproject.toml changed since the last install.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CORPUS := corpus
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run test eval bench lint clean

CYPHER_LINT := tools/cypher-lint
CYPHER_LINT_STAMP := $(CYPHER_LINT)/node_modules/.installed

install: $(STAMP) $(CYPHER_LINT_STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

# Neo4j's Cypher linter for tests/test_cypher_grammar.py; without node it (and that test) is skipped.
$(CYPHER_LINT_STAMP): $(CYPHER_LINT)/package-lock.json
	@if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then \
	  npm ci --prefix $(CYPHER_LINT) --no-audit --no-fund --engine-strict=false && touch $@; \
	else \
	  echo "node/npm not found: skipping $(CYPHER_LINT) (tests/test_cypher_grammar.py will be skipped)"; \
	fi

run: install
	$(BIN)/policykg load $(CORPUS)
	$(BIN)/policykg serve --host $(HOST) --port $(PORT)

test: install
	$(BIN)/python -m pytest

eval: install
	$(BIN)/python -m tests.evaluate

bench: install
	command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; } \
	  || { echo "cannot install wrk (apt-get as root is needed)"; exit 1; }
	$(BIN)/python -m tests.bench

lint: install
	$(BIN)/ruff check graph loaders api queries tests

clean:
	rm -rf $(VENV) .policykg $(CYPHER_LINT)/node_modules
