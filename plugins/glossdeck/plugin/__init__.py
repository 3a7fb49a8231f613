"""The MkDocs front end: hooks only (plugin.py), its options (config.py), the glossary's navigation
section (nav.py) and the mermaid2 integration (mermaid2.py). The only package that imports MkDocs."""
