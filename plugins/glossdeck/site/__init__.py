"""The site's pages: layout and URLs, the term page, index pages, HTML badges, the DEBT chart,
auto-linking and JSON-LD. Knows nothing of MkDocs and imports no feature and nothing from build/."""
