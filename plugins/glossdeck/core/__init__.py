"""The term format and the glossary, pure: model, DEBT, rubric, problems, located YAML, loading,
cross-file checks and the JSON Schema. Imports neither MkDocs nor any feature."""
