# The two commands a contributor needs:
#   make serve   install what is missing, then build and serve the site, reloading when terms/ change
#   make test    run the whole test suite
# (make build: the strict build CI runs; make deps: only the set-up.)
PYTHON ?= python3
NPM ?= npm
export NO_MKDOCS_2_WARNING := 1
export PYTHONPATH := $(CURDIR)/plugins$(if $(PYTHONPATH),:$(PYTHONPATH))

VENDOR := plugins/glossdeck/assets/vendor/mermaid.min.js

.PHONY: serve build test deps pip-deps npm-deps

serve: deps
	$(PYTHON) -m mkdocs serve --livereload

build: deps
	$(PYTHON) -m mkdocs build --strict

test: deps
	scripts/setup-system.sh
	$(PYTHON) -m pytest -n auto -q

deps: pip-deps npm-deps

# pip: install this checkout (editable, with test tools) when glossdeck's MkDocs plugin or a
# dependency is not importable from here
pip-deps:
	@$(PYTHON) -c "import importlib.metadata as m, mkdocs, material, mermaid2, ahocorasick, jinja2, pytest, playwright; \
	assert any(e.name == 'glossdeck' for e in m.entry_points(group='mkdocs.plugins'))" 2>/dev/null \
	|| $(PYTHON) -m pip install -e '.[test]'

# npm: Mermaid, pinned in package-lock.json, copied into the plugin's assets by postinstall
npm-deps:
	@test -f $(VENDOR) || { $(NPM) ci --no-audit --no-fund && node scripts/vendor-assets.mjs; }
