"""What the tests share, one idea per module:

- `paths`: where the repository, its plugin package, the fixtures and the golden files are.
- `policy`: the one rule for missing tools: skip on a developer's machine, fail in CI (CI=true).
- `terms`: term files written into temporary folders, and the small term texts tests build on.
- `learning_glossary`: a dozen complete terms and a curated path, for the learning feature.
- `sites`: real MkDocs sites (one mkdocs.yml template) built in temporary folders.
- `commands`: the `glossdeck` command line, run in a subprocess as a user runs it.
- `browser`: headless Chromium and a local static server for the browser tests.
- `linkcheck`, `html`, `png`: reading what a build wrote (links, HTML, rendered SVG pixels).
"""
