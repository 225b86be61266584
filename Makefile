# Two commands on a fresh machine:  `make run`  and  `make test`.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python

.PHONY: run serve test lint lock

# Both files are complete locks (every transitive package, with hashes), so the install
# is the same whatever pip version the venv bundles.
$(VENV)/.runtime: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --require-hashes -r requirements.txt
	touch $@

$(VENV)/.dev: requirements-dev.txt $(VENV)/.runtime
	$(PY) -m pip install --quiet --require-hashes -r requirements-dev.txt
	touch $@

## Install into .venv and run web + worker on SQLite and the filesystem broker, DEBUG off
## (DEBUG=true make run for tracebacks in the browser); a program that dies is restarted.
run: $(VENV)/.runtime
	DJANGO_SETTINGS_MODULE=config.settings.local $(PY) manage.py serve

## Production: migrate, collect static files, and serve with gunicorn beside a worker and beat.
## Needs SECRET_KEY and ALLOWED_HOSTS (see README, "Production").
serve: $(VENV)/.runtime
	DJANGO_SETTINGS_MODULE=config.settings.production $(PY) manage.py serve --production

## Install test tools, start what the tests need, run the whole suite.
test: $(VENV)/.dev
	bash scripts/test-environment.sh
	$(PY) -m pytest

lint: $(VENV)/.dev
	$(VENV)/bin/ruff check .

## Re-compile the locks from requirements.in and requirements-dev.in (needs the network).
lock:
	$(PYTHON) -m venv $(VENV)-lock
	$(VENV)-lock/bin/python -m pip install --quiet --upgrade pip pip-tools
	$(VENV)-lock/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
	  --no-emit-index-url --no-emit-find-links -o requirements.txt requirements.in
	$(VENV)-lock/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
	  --no-emit-index-url --no-emit-find-links -o requirements-dev.txt requirements-dev.in
