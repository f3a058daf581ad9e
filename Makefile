# The two commands at the top of README.md: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
CORPUS ?= ../shared/corpus

.PHONY: setup demo test test-deps unit dates lint eval bench faults hostile clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	touch $@

setup: $(VENV)/.installed

demo: setup
	$(BIN)/assistant demo

test-deps:
	bash scripts/install-test-deps.sh

test: setup test-deps lint
	$(BIN)/pytest -q -p no:cacheprovider
	@if [ -d "$(CORPUS)" ]; then $(BIN)/assistant eval --corpus "$(CORPUS)" --json-out benchmarks/results/eval.json; \
	else echo "eval skipped: no public corpus at $(CORPUS)"; fi

unit: setup
	$(BIN)/pytest -q -m "not servers"

# The unit tests and the demo with the process clock moved (time-machine) to the dates that
# break date handling: a Saturday, DST switch days, New Year's Eve in Chicago, 29 February 2028,
# two years ahead (tests/time_travel.py computes them from today).
dates: setup
	$(BIN)/python -m tests.time_travel pytest -q -p no:cacheprovider -m "not servers"
	$(BIN)/python -m tests.time_travel assistant demo

lint: setup
	$(BIN)/ruff check assistant workers tests benchmarks
	$(BIN)/mypy assistant workers --ignore-missing-imports

eval: setup
	$(BIN)/assistant eval --corpus "$(CORPUS)" --json-out benchmarks/results/eval.json

bench: setup test-deps
	$(BIN)/python -m benchmarks.ingest_bench
	$(BIN)/python -m benchmarks.process_bench
	$(BIN)/python -m benchmarks.summary_bench
	$(BIN)/python -m benchmarks.parse_bench
	$(BIN)/python -m benchmarks.cards_bench --cards ../shared/cards

# Issue 6's robustness runs at CI size; FAULTS_ARGS="--trials 500" or HOSTILE_ARGS="--messages
# 100000" run them longer.
faults: setup test-deps
	$(BIN)/python -m benchmarks.faults_run --quick $(FAULTS_ARGS)

hostile: setup test-deps
	$(BIN)/python -m benchmarks.hostile_run --quick --corpus "$(CORPUS)" $(HOSTILE_ARGS)

clean:
	rm -rf var .pytest_cache
