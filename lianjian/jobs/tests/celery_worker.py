"""The Celery app a worker subprocess of test_backends runs: the project's app, the test job handlers, and a
queue of the test's own so messages from other runs sharing the Redis database never reach it."""

import os

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lianjian.settings")
django.setup()

from lianjian.celery import app  # noqa: E402
from lianjian.jobs.tests import handlers  # noqa: E402,F401  registers the test job kinds in the worker

app.conf.task_default_queue = os.environ["LIANJIAN_TEST_QUEUE"]
