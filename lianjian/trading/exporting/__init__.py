"""Exports that re-import unchanged: national-specification rows (CSV with specification names, XLSX with Chinese
headers) and OCDS release packages."""
