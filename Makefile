# Two commands for a fresh machine with Python 3.11: `make serve` and `make test`.
PYTHON ?= python3.11
VENV   ?= .venv
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

serve: build
	@echo "The package is at $(CURDIR)/datapackage.json (tables in $(CURDIR)/data/)."

test: build
	$(BIN)/python -m pytest

clean:
	rm -rf build $(VENV)
