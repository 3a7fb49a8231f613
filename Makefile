# The two commands a contributor needs (the README's set-up):
#   make serve   install what is missing, then build and serve the site, reloading when terms/ change
#   make test    install what is missing (Debian's chromium and php-cli too, as root), run the whole suite
# (make build: the strict build; make dist: a release's wheel and sdist in dist/; make deps: only the set-up;
#  make reader-check: what a reader downloads and waits for, on an emulated slow link, against the budgets.)
# (make test PYTEST_ARGS="-m install": only the tests so marked.)
# Python packages go into a project-local virtualenv (.venv), never into the system Python: Debian 12
# and Ubuntu 24.04 refuse system-wide pip installs (PEP 668). VENV=... picks another folder.
SYSTEM_PYTHON ?= python3
VENV ?= .venv
PYTHON := $(VENV)/bin/python
NPM ?= npm
export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true
export PYTHONPATH := $(CURDIR)/plugins$(if $(PYTHONPATH),:$(PYTHONPATH))

NPM_STAMP := node_modules/.glossdeck-vendored
LINTED := plugins tests scripts build_backend

.PHONY: serve build test lint dist deps pip-deps reader-check

serve: deps
	$(PYTHON) -m mkdocs serve --livereload --dirty

build: deps
	$(PYTHON) -m mkdocs build --strict

test: deps lint
	scripts/setup-system.sh
	$(PYTHON) -m pytest -n auto -q $(PYTEST_ARGS)

# Page weight and time to diagrams and widgets at 1.6 Mbit/s, 150 ms (docs/performance.md); needs Chromium
reader-check: deps
	scripts/setup-system.sh
	$(PYTHON) scripts/reader_check.py

# ruff (lint and formatting) and mypy (strict on the package, bodies checked in tests): both must be clean
lint: deps
	$(PYTHON) -m ruff check $(LINTED)
	$(PYTHON) -m ruff format --check $(LINTED)
	$(PYTHON) -m mypy

# A release: the sdist, then the wheel built from it, both carrying the vendored front-end files
# (the build backend refuses to build without them). Publish with: $(PYTHON) -m twine upload dist/*
dist: deps
	rm -rf dist
	$(PYTHON) -m build --outdir dist
	@ls -l dist

deps: pip-deps $(NPM_STAMP)

# the virtualenv; Debian/Ubuntu ship `venv` separately (python3-venv), which setup-system.sh installs as root
$(PYTHON):
	SYSTEM_PYTHON=$(SYSTEM_PYTHON) scripts/setup-system.sh venv
	$(SYSTEM_PYTHON) -m venv $(VENV) || { rm -rf $(VENV); exit 1; }

# pip: install this checkout into the virtualenv (editable, with test tools) when glossdeck's MkDocs
# plugin or a dependency is not importable from it
pip-deps: $(PYTHON)
	@$(PYTHON) -c "import importlib.metadata as m, mkdocs, material, mermaid2, ahocorasick, jinja2, genanki, babel, pyuca, pypinyin, uniseg, pytest, playwright, hypothesis, jsonschema, xdist, build, ruff, mypy, properdocs, zensical, resvg_py, svg2png_py, rdflib, crawlerdetect, starlette, uvicorn, psycopg; \
	assert any(e.name == 'glossdeck' for e in m.entry_points(group='mkdocs.plugins'))" 2>/dev/null \
	|| $(PYTHON) -m pip install -e '.[test]'

# npm: front-end libraries (Mermaid, d3-force, ...) pinned in package-lock.json, copied with their
# licenses into the plugin's assets (and from there into every wheel and sdist)
$(NPM_STAMP): package.json package-lock.json scripts/vendor-assets.mjs
	$(NPM) ci --no-audit --no-fund
	node scripts/vendor-assets.mjs
	@touch $@
