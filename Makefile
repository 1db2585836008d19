# The two commands: `make demo` (the main job on the embedded store) and `make test` (the whole suite).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
OUT ?= out

.PHONY: demo test bench clean

$(BIN)/.installed: pyproject.toml setup.py
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	touch $@

demo: $(BIN)/.installed
	rm -rf $(OUT)/store
	$(BIN)/govgraph ingest graph/samples --store $(OUT)/store
	$(BIN)/govgraph view --store $(OUT)/store -o $(OUT)/view.html
	$(BIN)/govgraph export --store $(OUT)/store -o $(OUT)/graph.ttl
	$(BIN)/govgraph stats --store $(OUT)/store
	$(BIN)/govgraph query meetings_per_body_month --store $(OUT)/store

test: $(BIN)/.installed
	VENV=$(VENV) bash tools/run-tests.sh

bench: $(BIN)/.installed
	$(BIN)/python benchmarks/bench_stores.py --articles 10000
	$(BIN)/python benchmarks/bench_extract.py

clean:
	rm -rf $(VENV) $(OUT) .govgraph
