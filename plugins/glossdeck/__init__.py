"""glossdeck: one YAML file per concept, published as a learning site and embeddable cards.

The core (model, loading, validation, the glossary, renderers) imports nothing from MkDocs;
front ends (the MkDocs plugin, the command line, the Markdown export) sit on top of it.
"""

__version__ = "0.1.0"
