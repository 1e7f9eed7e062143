"""Celery application; used only when CELERY_BROKER_URL is configured."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lianjian.settings")

app = Celery("lianjian")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
