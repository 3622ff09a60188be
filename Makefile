# The two commands: `make run` (the whole stack, Ctrl-C stops it) and `make test` (the whole suite).
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
export PYTHONPATH := $(CURDIR)

.PHONY: run stop test test-unit test-e2e bench bench-data chaos chaos-short venv kafka-jars schemas openapi client clean

$(VENV)/.installed: requirements.txt requirements-dev.txt constraints.txt
	@command -v $(PYTHON) >/dev/null || (echo "need $(PYTHON)"; exit 1)
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -r requirements-dev.txt -c constraints.txt
	touch $@

venv: $(VENV)/.installed

.run/kafka-libs/.complete: deploy/kafka/pom.xml
	deploy/kafka/run_kafka.sh --fetch-only

kafka-jars: .run/kafka-libs/.complete

run: venv kafka-jars
	$(PY) -m tools.devstack run

stop:
	$(PY) -m tools.devstack stop

test: venv kafka-jars
	$(PY) -m pytest

test-unit: venv
	$(PY) -m pytest -m unit

test-e2e: venv kafka-jars
	$(PY) -m pytest -m "integration or e2e"

# `make bench` takes under 10 minutes; `make bench QUICK=1` about 2 (smaller sizes, same phases).
bench: venv kafka-jars
	$(PY) -m tools.bench $(if $(QUICK),--quick)

# Reads on a nearly empty and on a full database in one run: `make bench-data CLAIMS=100000` for a quick try.
CLAIMS ?= 1000000
bench-data: venv kafka-jars
	$(PY) -m tools.bench_data --claims $(CLAIMS)

# A seeded fault run on its own stack (.run/chaos): N encounters or DURATION seconds, whichever ends first.
N ?= 100000
DURATION ?= 3600
SEED ?= 1
RATE ?= 10
chaos: venv kafka-jars
	$(PY) -m tools.chaos --seed $(SEED) --encounters $(N) --duration $(DURATION) --rate $(RATE)

chaos-short: venv kafka-jars
	$(PY) -m tools.chaos --short --seed $(SEED)

schemas: venv
	$(PY) -m shared.contracts.schemas docs/schemas

openapi: venv
	$(PY) -m services.gateway.openapi_contract docs/openapi.json

# The Python client generated from docs/openapi.json into clients/python (run after `make openapi`).
client: venv
	$(PY) -m tools.python_client

clean:
	rm -rf .run/test .pytest_cache
