"""Any language: interface strings (messages, catalogs) and alphabetical order (collation)."""
