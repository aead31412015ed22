# The README's two commands: `make serve` (set up, build the index if missing, start the app)
# and `make test` (set up, run the tests). Both create .venv on a fresh machine.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: setup serve index test lint bench clean-index

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	# CPU torch from the local wheel first, or sentence-transformers pulls a multi-GB CUDA build
	$(PY) -m pip install -q torch==2.13.0
	$(PY) -m pip install -q -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

index: setup
	$(PY) -m assistant index

serve: setup
	$(PY) serve.py

test: setup
	$(PY) -m pytest

lint: setup
	$(PY) -m ruff check assistant tests benchmarks serve.py

bench: setup
	$(PY) benchmarks/retrieval.py
	$(PY) benchmarks/answer.py
	$(PY) benchmarks/load.py
	$(PY) benchmarks/ingest.py --eval benchmarks/ingest/eval-tune benchmarks/ingest/eval-heldout
	$(PY) benchmarks/scale.py
	$(PY) benchmarks/understanding.py

clean-index:
	rm -rf index/*
