# The two set-up commands of the README: `make serve` and `make test`.
# Each installs what it needs first (Python package, pinned npm front-end libraries).
PYTHON ?= python3
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test setup

.make/python.stamp: pyproject.toml
	$(PYTHON) -m pip install -q -e '.[test]'
	@mkdir -p .make && touch $@

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund

setup: .make/python.stamp node_modules/.package-lock.json
	node scripts/vendor-assets.mjs

serve: setup
	$(PYTHON) -m mkdocs serve --livereload

build: setup
	$(PYTHON) -m mkdocs build --strict

test: setup
	scripts/setup-system.sh
	$(PYTHON) -m pytest -n 2
