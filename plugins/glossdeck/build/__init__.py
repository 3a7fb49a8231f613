"""Build speed machinery: what only makes builds faster or `mkdocs serve` rebuilds cheaper (the memo,
the cached renderer, fork helpers, parallel rendering, output writing, the serve store, timings).
Nothing in core/, text/ or site/ imports it; speed tricks never change an output's meaning."""
