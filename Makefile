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

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

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
	rm -rf $(VENV) .policykg
