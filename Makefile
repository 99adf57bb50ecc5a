# Two commands for a fresh machine with Python 3.11: `make serve` and `make test`.
PYTHON ?= python3.11
VENV   ?= .venv
PORT   ?= 8001
HOST   ?= 127.0.0.1
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: serve test build install clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

build: $(STAMP)
	$(BIN)/sensetime-dataset build

# Builds what is missing (the package, build/<name>.db, its metadata) and serves it
# read-only with Datasette on http://$(HOST):$(PORT)/.
serve: build
	$(BIN)/sensetime-dataset serve --host $(HOST) --port $(PORT)

# Two pytest runs: the browser tests (sync Playwright) and the asyncio tests break each
# other's event loop in one session.
test: build
	$(BIN)/python -m pytest --ignore=tests/browser
	$(BIN)/python -m pytest tests/browser

clean:
	rm -rf build $(VENV)
