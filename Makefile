# Everyday commands. Works from a fresh clone: the venv is made on first use and the
# requirements are (re)installed only when their file changed (stamp files inside .venv/).

PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip --disable-pip-version-check
PIP_Q  := -q
STORE  ?= data/union.duckdb
PORT   ?= 8501
PYTEST_ARGS ?=
# workers for the tests without a browser (the machines here have 2 cores)
JOBS ?= 2

RUNTIME_STAMP := $(VENV)/.installed-runtime
DEV_STAMP     := $(VENV)/.installed-dev

.PHONY: run test lint format bench clean-store venv dev system-packages

## run: load the bundled sample data and the reviewed real reports if the store has none, then serve the dashboard on $(PORT)
run: $(RUNTIME_STAMP)
	$(PY) -m etl sample --if-empty
	$(PY) -m etl reports --if-empty
	$(PY) -m streamlit run serve.py --server.port $(PORT) --server.address 0.0.0.0 \
		--server.headless true --browser.gatherUsageStats false

## test: dev tools, Debian packages for browser/image tests, then the whole suite: the tests without a browser on
## $(JOBS) workers (pytest-xdist), then the browser tests alone, so no other test loads the CPU they time and draw on.
## Exit code 5 (nothing collected, e.g. PYTEST_ARGS names one file of the other kind) is not a failure.
test: $(DEV_STAMP) system-packages
	$(PY) -m pytest -n $(JOBS) -m "not e2e" $(PYTEST_ARGS) || [ $$? -eq 5 ]
	$(PY) -m pytest -m e2e $(PYTEST_ARGS) || [ $$? -eq 5 ]

## lint: ruff rules and formatting, without changing files
lint: $(DEV_STAMP)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

## format: apply ruff's fixes and formatting
format: $(DEV_STAMP)
	$(PY) -m ruff check --fix .
	$(PY) -m ruff format .

## bench: the targets of the README benchmark table: ETL, page scripts, exports, Chromium against a one-chart app,
## 25 and 50 concurrent viewers on loopback (bounded; about 10 min on 2 cores; see bench/)
bench: $(RUNTIME_STAMP)
	$(PY) -m bench

## clean-store: delete the local store (user data included): make run reloads the sample
clean-store:
	rm -f $(STORE) $(STORE).wal

venv: $(RUNTIME_STAMP)
dev: $(DEV_STAMP)

system-packages:
	bash scripts/system_packages.sh

$(PY):
	@$(PYTHON) -m venv $(VENV) || { rm -rf $(VENV); \
		echo "error: '$(PYTHON) -m venv' failed; on Debian install python3-venv (apt-get install python3-venv)" >&2; \
		exit 1; }
	$(PIP) install $(PIP_Q) --upgrade pip

# Order-only on the interpreter: a venv made later must not force a reinstall by mtime alone.
$(RUNTIME_STAMP): requirements.txt | $(PY)
	$(PIP) install $(PIP_Q) -r requirements.txt
	touch $@

# The dev set includes the runtime set, so it refreshes both stamps.
$(DEV_STAMP): requirements-dev.txt requirements.txt | $(PY)
	$(PIP) install $(PIP_Q) -r requirements-dev.txt
	touch $(RUNTIME_STAMP) $@
