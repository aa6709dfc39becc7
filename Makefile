# The commands of CONTRACT.md. `make install` is idempotent: it reinstalls only
# when pyproject.toml changed since the last install.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CORPUS := corpus
HOST ?= 127.0.0.1
PORT ?= 8000
# make run WORKERS=2: that many read-only server processes (writes are refused while they serve)
WORKERS ?= 1

.PHONY: install run test eval bench lint clean browser mutation

CYPHER_LINT := tools/cypher-lint
CYPHER_LINT_STAMP := $(CYPHER_LINT)/node_modules/.installed

WEB := web
WEB_STAMP := $(WEB)/node_modules/.installed
CHROMIUM := /usr/bin/chromium
CJK_FONT := /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc

install: $(STAMP) $(CYPHER_LINT_STAMP) $(WEB_STAMP) browser

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

# The web explorer's npm packages (cytoscape; playwright-core and axe-core for tests/test_browser.py),
# exactly as web/package-lock.json pins them. Without node the API still serves and / says what is missing.
$(WEB_STAMP): $(WEB)/package-lock.json
	@if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then \
	  npm ci --prefix $(WEB) --no-audit --no-fund && touch $@; \
	else \
	  echo "node/npm not found: skipping $(WEB)/node_modules (/ says what is missing; tests/test_browser.py is skipped)"; \
	fi

# Debian's Chromium and CJK fonts for tests/test_browser.py; without apt-get as root that test is skipped.
browser:
	@if [ -x $(CHROMIUM) ] && [ -f $(CJK_FONT) ]; then :; \
	elif command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
	  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk; } \
	    || { echo "apt-get could not install chromium: tests/test_browser.py will be skipped"; \
	         if [ "$$POLICYKG_REQUIRE_BROWSER" = 1 ]; then echo "POLICYKG_REQUIRE_BROWSER=1: failing"; exit 1; fi; }; \
	else \
	  echo "cannot install chromium (apt-get as root is needed): tests/test_browser.py will be skipped"; \
	  if [ "$$POLICYKG_REQUIRE_BROWSER" = 1 ]; then echo "POLICYKG_REQUIRE_BROWSER=1: failing"; exit 1; fi; \
	fi

run: install
	$(BIN)/policykg load $(CORPUS)
	$(BIN)/policykg serve --host $(HOST) --port $(PORT) --workers $(WORKERS)

test: install
	$(BIN)/python -m pytest

# CORRECTIONS=FILE: people's corrections (policykg corrections export) as extra gold
eval: install
	$(BIN)/python -m tests.evaluate $(if $(CORRECTIONS),--corrections $(CORRECTIONS))

bench: install
	command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; } \
	  || { echo "cannot install wrk (apt-get as root is needed)"; exit 1; }
	$(BIN)/python -m tests.bench

# Mutation testing (not in CI: slow). mutmut rather than cosmic-ray: mutmut 3 switches mutants in one
# process through trampolines and reruns only the tests that cover the mutated function, where cosmic-ray
# rewrites the file and starts the whole test command per mutant; on 2 shared cores that is the difference
# between a sample in tens of minutes and hours. It works on a scratch copy (mutants/ and the mutated
# sources never touch the working tree); the sample and its tests are in tests/mutation.cfg.
MUTATION_DIR ?= /tmp/policykg-mutation
mutation: install
	rm -rf $(MUTATION_DIR) && mkdir -p $(MUTATION_DIR)
	tar -c graph loaders queries api corpus tests pyproject.toml | tar -x -C $(MUTATION_DIR)
	cp tests/mutation.cfg $(MUTATION_DIR)/setup.cfg
	cd $(MUTATION_DIR) && $(CURDIR)/$(BIN)/mutmut run --max-children 2; \
	  $(CURDIR)/$(BIN)/mutmut results --all false | tee $(MUTATION_DIR)/survivors.txt
	@echo "survivors: $(MUTATION_DIR)/survivors.txt (mutmut show <name> in $(MUTATION_DIR) for each diff)"

lint: install
	$(BIN)/ruff check graph loaders api queries tests

# Optional system packages for more document formats (not in `install`: LibreOffice is large): LibreOffice
# converts legacy Word/WPS (.doc/.wps), tesseract with Chinese reads scanned PDFs by OCR, fonts-noto-cjk lets
# tests/fixtures/formats/make_fixtures.py --pdf make the PDFs. Without them such files are refused naming
# what to install, and their tests are skipped; PDF (text layer), .docx and .xlsx/.xls need nothing.
formats:
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libreoffice-writer-nogui \
	  tesseract-ocr tesseract-ocr-chi-sim fonts-noto-cjk

clean:
	rm -rf $(VENV) .policykg $(CYPHER_LINT)/node_modules $(WEB)/node_modules
