# Two commands for a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
CHROMIUM := /usr/bin/chromium

.PHONY: run test install install-dev browser check-decks bench clean

run: install web/node_modules/.installed  ## install what is needed, start on http://localhost:5000
	$(PY) run.py $(ARGS)

test: install-dev web/node_modules/.installed browser  ## install what is needed, run every test
	$(PY) -m server.decks check
	$(PY) -m pytest

$(VENV)/bin/activate:
	$(PYTHON) -m venv $(VENV)

install: $(VENV)/.installed
$(VENV)/.installed: requirements.txt $(VENV)/bin/activate
	$(PY) -m pip install --disable-pip-version-check -q -r requirements.txt
	touch $@

install-dev: $(VENV)/.installed-dev
$(VENV)/.installed-dev: requirements.txt requirements-dev.txt $(VENV)/bin/activate
	$(PY) -m pip install --disable-pip-version-check -q -r requirements-dev.txt
	touch $(VENV)/.installed $@

web/node_modules/.installed: web/package.json web/package-lock.json
	cd web && npm ci --no-audit --no-fund
	touch $@

# Debian's Chromium for the browser tests (never a browser downloaded by a test tool).
browser:
	@test -x $(CHROMIUM) || { \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium; }

check-decks: install
	$(PY) -m server.decks check

# The full benchmark (README "Performance"): every server at 60-1000 participants, the
# restart and rebuild timings; writes bench/results/. Installs its own extras (chart,
# gevent, profiler) and the Node reference into bench/node_modules; `make run` never does.
bench: install-dev
	$(PY) -m pip install --disable-pip-version-check -q -r bench/requirements.txt
	$(PY) bench/load.py --sweep --repeat 2 --nice -10 --install-node --restart 300 --rebuild 10000 $(ARGS)

clean:
	rm -rf $(VENV) web/node_modules test-output .pytest_cache
