"""Indicator families. Each module declares its :class:`~lianjian.analytics.findings.Indicator` rows
(``INDICATORS``) and ``findings(engine, thresholds)``, which runs the family's SQL on an engine and yields
:class:`~lianjian.analytics.findings.Finding` objects whose evidence names the bids and fields that triggered them.
"""
