# Two commands for a fresh machine with Python 3.11 and make: `make serve` and `make test`.
# Each installs only what it needs into .venv, with the exact versions of constraints.txt.
PYTHON ?= python3.11
VENV   ?= .venv
PORT   ?= 8001
HOST   ?= 127.0.0.1
BIN    := $(VENV)/bin
PIP    := $(BIN)/pip install --progress-bar on --constraint constraints.txt

.PHONY: serve test build install wheel clean

$(BIN)/python:
	@echo "==> creating $(VENV) with $(PYTHON)"
	$(PYTHON) -m venv $(VENV)

# One stamp per set of extras: `make serve` does not install the build or test tools.
$(VENV)/.installed-%: pyproject.toml constraints.txt | $(BIN)/python
	@echo "==> installing sensetime-dataset[$*] and its dependencies into $(VENV)"
	$(PIP) -e '.[$*]'
	@touch $@

install: $(VENV)/.installed-test

build: $(VENV)/.installed-build
	$(BIN)/sensetime-dataset build

# Builds the package from sources/ and curation/ (nothing to do when nothing changed)
# and serves it read-only with Datasette on http://$(HOST):$(PORT)/. Installs what
# building and serving need, not the test tools.
serve: $(VENV)/.installed-serve,build
	$(BIN)/sensetime-dataset build
	@echo "==> preparing the database and serving it (Ctrl-C to stop)"
	$(BIN)/sensetime-dataset serve --host $(HOST) --port $(PORT)

# Two pytest runs: the browser tests (sync Playwright) and the asyncio tests break each
# other's event loop in one session.
test: $(VENV)/.installed-test
	$(BIN)/sensetime-dataset build
	$(BIN)/python -m pytest --ignore=tests/browser
	$(BIN)/python -m pytest tests/browser

# The distribution of this checkout's version, to attach to its release.
wheel: $(VENV)/.installed-build
	$(BIN)/pip wheel --no-deps --quiet . -w build/dist
	@ls build/dist/*.whl

clean:
	rm -rf build $(VENV)
