"""Front ends that write the glossary for other tools: `glossdeck export FORMAT OUT` (command.py) with
plain Markdown for other site generators (markdown.py, also `export-markdown`) and a Zensical project
(zensical.py). They render through the same site code as the MkDocs plugin and import no MkDocs."""
