# The learning-path planner: `make run` serves it, `make test` runs every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 5000
FLASK := $(BIN)/flask --app wsgi

.PHONY: run test lint test-sqlite test-postgres install translations system-packages bench bench-gunicorn load screenshots clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.dev-installed: $(VENV)/.installed
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

install: $(VENV)/.installed translations

translations: $(VENV)/.installed
	$(BIN)/pybabel -q compile -d planner/translations

run: install
	$(FLASK) db upgrade
	$(FLASK) planner demo --if-empty
	$(FLASK) run --host 127.0.0.1 --port $(PORT)

# Debian's chromium (browser tests) and postgresql (second test run), installed when missing.
system-packages:
	@missing=""; \
	[ -x /usr/bin/chromium ] || missing="$$missing chromium"; \
	ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing="$$missing postgresql"; \
	if [ -n "$$missing" ]; then \
	  echo "installing$$missing"; \
	  sudo=""; [ "$$(id -u)" = 0 ] || sudo="sudo"; \
	  $$sudo apt-get install -y --no-install-recommends $$missing >/dev/null 2>&1 || \
	  { $$sudo apt-get update -qq && $$sudo apt-get install -y --no-install-recommends $$missing >/dev/null; }; \
	fi

test-sqlite: $(VENV)/.dev-installed translations system-packages
	$(BIN)/python -m pytest -q

test-postgres: $(VENV)/.dev-installed translations system-packages
	tests/with_postgres.sh $(BIN)/python -m pytest -q

lint: $(VENV)/.dev-installed
	$(BIN)/ruff check planner tests benchmarks docs wsgi.py
	$(BIN)/ruff format --check planner tests benchmarks docs wsgi.py

test: lint test-sqlite test-postgres

bench: $(VENV)/.dev-installed
	$(BIN)/python benchmarks/bench_graph.py
	$(BIN)/python benchmarks/bench_planner.py
	$(BIN)/python benchmarks/bench_pages.py
	$(BIN)/python benchmarks/bench_paths.py
	$(BIN)/python benchmarks/bench_preview.py
	$(BIN)/python benchmarks/bench_catalogue_api.py
	$(BIN)/python benchmarks/bench_team.py
	$(BIN)/python benchmarks/bench_profile_save.py

# GET /path against a bare Flask endpoint, both under gunicorn with 2 workers (about 30 s).
bench-gunicorn: $(VENV)/.dev-installed
	$(BIN)/python benchmarks/bench_gunicorn.py

# 200 users for 60 s against gunicorn (4 workers) and a throw-away PostgreSQL (about 3 min).
load: $(VENV)/.dev-installed system-packages
	$(BIN)/python benchmarks/load/run_load.py

# The main screens at 1280 and 390 px into docs/screenshots/, from a throw-away demo instance.
screenshots: $(VENV)/.dev-installed translations system-packages
	$(BIN)/python docs/make_screenshots.py

clean:
	rm -rf $(VENV) .pytest_cache
