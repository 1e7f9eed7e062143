"""Lianjian (联监): joint-supervision platform for public resource trading."""

from .celery import app as celery_app

__all__ = ["celery_app"]
