# The two commands a contributor needs (the README's set-up):
#   make serve   install what is missing, then build and serve the site, reloading when terms/ change
#   make test    install what is missing (Debian's chromium and php-cli too, as root), run the whole suite
# (make build: the strict build; make deps: only the set-up.)
PYTHON ?= python3
NPM ?= npm
export NO_MKDOCS_2_WARNING := 1
export PYTHONPATH := $(CURDIR)/plugins$(if $(PYTHONPATH),:$(PYTHONPATH))

NPM_STAMP := node_modules/.glossdeck-vendored

.PHONY: serve build test deps pip-deps

serve: deps
	$(PYTHON) -m mkdocs serve --livereload

build: deps
	$(PYTHON) -m mkdocs build --strict

test: deps
	scripts/setup-system.sh
	$(PYTHON) -m pytest -n auto -q

deps: pip-deps $(NPM_STAMP)

# pip: install this checkout (editable, with test tools) when glossdeck's MkDocs plugin or a
# dependency is not importable from here
pip-deps:
	@$(PYTHON) -c "import importlib.metadata as m, mkdocs, material, mermaid2, ahocorasick, jinja2, pytest, playwright, hypothesis, jsonschema, xdist; \
	assert any(e.name == 'glossdeck' for e in m.entry_points(group='mkdocs.plugins'))" 2>/dev/null \
	|| $(PYTHON) -m pip install -e '.[test]'

# npm: front-end libraries (Mermaid, d3-force, ...) pinned in package-lock.json, copied into the plugin's assets
$(NPM_STAMP): package.json package-lock.json scripts/vendor-assets.mjs
	$(NPM) ci --no-audit --no-fund
	node scripts/vendor-assets.mjs
	@touch $@
