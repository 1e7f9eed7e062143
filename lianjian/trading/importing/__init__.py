"""Importing trading data: readers per format yield rows of canonical fields (``fields``), ``validate`` turns each
row into typed records or row errors, ``staging`` collects the valid records in temporary tables and ``upsert``
merges them into the trading tables in one transaction per file. ``pipeline`` drives a file through these steps.
"""
