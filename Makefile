# Two commands on a fresh machine:  `make run`  and  `make test`.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python

.PHONY: run test lint bench-geoparse

$(VENV)/.runtime: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt $(VENV)/.runtime
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

## Install into .venv and run web + worker on SQLite and the filesystem broker.
run: $(VENV)/.runtime
	DJANGO_SETTINGS_MODULE=config.settings.local $(PY) manage.py serve

## Install test tools, start what the tests need, run the whole suite.
test: $(VENV)/.dev
	bash scripts/test-environment.sh
	$(PY) -m pytest

lint: $(VENV)/.dev
	$(VENV)/bin/ruff check .
