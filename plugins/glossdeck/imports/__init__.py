"""`glossdeck import FORMAT SOURCE --out terms/`: glossaries written for other tools, as term files.

Each format module reads its source into `SourceTerm`s (`source_term.py`); `convert.py` gives them
slugs, turns links between them into term links (`[[slug]]`), maps Markdown sections to glossdeck's
blocks (`sections.py`); `writing.py` renders, validates and writes the YAML; `report.py` says what
was skipped, defaulted or left unmapped, with file and line.
"""
