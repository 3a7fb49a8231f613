"""glossdeck's tests, by concern (a package, so test modules in different folders may share a name):

- unit/<package>/: one folder per package of plugins/glossdeck (core, text, site, embeds, learning,
  build, plugin, cli), no MkDocs build unless the thing under test is the build machinery;
- sites/: real MkDocs builds of small sites in temporary folders, link checks, golden renders;
- serve/: rebuilds as `mkdocs serve` does them, and a real `mkdocs serve`;
- browser/: built sites in headless Chromium (Playwright);
- js/: the browser code's pure parts under node's test runner;
- repository/: the glossary and site this repository ships;
- support/: what they share (building sites, writing terms, the skip-or-fail rule for missing tools);
- fixtures/glossary/: a small fixed glossary; golden/: renders of its reference term.
"""
