# Puentes: `make run` installs and serves the demo; `make test` runs every check.
SHELL := /bin/bash
UV := $(shell command -v uv 2>/dev/null || echo $(HOME)/.local/bin/uv)
MANAGE := $(UV) run --frozen python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_WORKERS ?= 2
# Use the machine's Python 3.11; never download one.
export UV_PYTHON_DOWNLOADS := never

.PHONY: run test install uv lint typecheck check test-sqlite test-postgres test-browser messages bench

uv:
	@command -v uv >/dev/null 2>&1 || test -x $(HOME)/.local/bin/uv || \
		python3 -m pip install --user --quiet uv || \
		python3 -m pip install --user --quiet --break-system-packages uv

install: uv
	$(UV) sync --frozen --quiet

run: install
	PUENTES_DEBUG=true $(MANAGE) migrate --no-input -v 0
	PUENTES_DEBUG=true $(MANAGE) seed_demo
	@echo ""
	@echo "  Puentes is at http://$(HOST):$(PORT)/  (API docs: http://$(HOST):$(PORT)/api/v1/docs)"
	@echo "  Demo sign-ins, all with the password  puentes-demo :"
	@echo "    ana  - community health worker (promotora), Valle Community Health Center"
	@echo "    sam  - supervisor, Valle Community Health Center"
	@echo "    bea  - billing, Valle Community Health Center"
	@echo "    alma - organization administrator, Valle Community Health Center"
	@echo "    pat  - staff, Eastside Food Pantry"
	@echo "    omar - administrator, Elsewhere Health Partners"
	@echo "    dora - directory administrator, Valley Community Information Exchange"
	@echo ""
	@echo "  A background worker (manage.py worker) runs beside the server for imports and claim batches."
	PUENTES_DEBUG=true $(MANAGE) worker --interval 1 & worker=$$!; \
		trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
		PUENTES_DEBUG=true $(MANAGE) runserver $(HOST):$(PORT)

test: install lint typecheck check test-sqlite test-postgres test-browser
	@echo "All checks passed: lint, types, Django checks, SQLite, PostgreSQL, browser."

lint:
	$(UV) run --frozen ruff check .
	$(UV) run --frozen ruff format --check .

typecheck:
	$(UV) run --frozen mypy puentes bench conftest.py

check:
	$(MANAGE) check --fail-level WARNING
	$(MANAGE) makemigrations --check --dry-run

test-sqlite:
	PUENTES_DATABASE_URL= $(UV) run --frozen pytest -n $(PYTEST_WORKERS) -q

test-postgres:
	scripts/with-postgres $(UV) run --frozen pytest -n $(PYTEST_WORKERS) -q

test-browser:
	scripts/ensure-chromium
	PUENTES_DATABASE_URL= $(UV) run --frozen pytest -m browser -q -p no:xdist

# Extract the strings and merge them into the catalog (the .po file is the source of the
# translations: edit it, or let a translator's tool such as Poedit or Weblate), then compile.
messages:
	$(MANAGE) makemessages -l es --no-location --no-obsolete --ignore '.venv/*' --ignore 'var/*' \
		--ignore conftest.py --ignore '*/tests/*' --ignore 'scripts/*' --ignore 'bench/*'
	$(MANAGE) compilemessages -l es --ignore '.venv/*' -v 0

# Benchmarks, out of CI: each prints its figure, floor and ratio. Quick sizes by default;
# LARGE=1 for the sizes the issues name (use PostgreSQL for those:
#   PUENTES_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test make bench LARGE=1).
# The HTTP benches (referrals, pages) need PostgreSQL and run only when it is set.
BENCH := $(UV) run --frozen python
bench: install
	$(BENCH) bench/directory_relevance.py
	$(BENCH) bench/person_search.py --people $(if $(LARGE),100000,10000)
	$(BENCH) bench/directory_import.py --services $(if $(LARGE),100000,10000)
	$(BENCH) bench/directory_search.py $(if $(LARGE),--services 1000000 --keep,--services 20000)
	$(BENCH) bench/billing.py $(if $(LARGE),--persons 100000 --per-person 10 --keep,--persons 2000 --per-person 5)
	@if [[ "$${PUENTES_DATABASE_URL:-}" == postgres* ]]; then \
		$(BENCH) bench/referrals.py $(if $(LARGE),,--cycles 3) && \
		$(BENCH) bench/pages.py $(if $(LARGE),--people 100000 --keep,--people 5000 --runs 3); \
	else echo "bench/referrals.py and bench/pages.py: set PUENTES_DATABASE_URL to PostgreSQL"; fi
