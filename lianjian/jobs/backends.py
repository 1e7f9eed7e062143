"""Where a queued job runs, chosen by settings.LIANJIAN_JOB_BACKEND:

* ``thread`` (default without a broker): a daemon thread in the process that queued it, which afterwards also
  runs any queued or crashed jobs it finds;
* ``celery`` (default when CELERY_BROKER_URL is set): any Celery worker;
* ``inline``: synchronously in the caller, right after its transaction commits (tests, scripts).

Every backend starts work only after the queuing transaction commits, so a runner never looks for a row that is
not there yet. Whatever the backend, ``lianjian jobs work`` claims anything left behind by a process that died.
"""

import logging
import threading

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import connections, transaction

logger = logging.getLogger(__name__)

BACKENDS = ("thread", "celery", "inline")


def backend_name():
    name = settings.LIANJIAN_JOB_BACKEND
    if name not in BACKENDS:
        raise ImproperlyConfigured(f"LIANJIAN_JOB_BACKEND must be one of {', '.join(BACKENDS)}, not {name!r}")
    return name


def _run_inline(job_id):
    from .runner import run_job

    run_job(job_id)


def _run_in_thread(job_id):
    from .runner import run_job, run_next, worker_id

    worker = worker_id()
    try:
        run_job(job_id, worker=worker)
        # Then anything a process that died left behind, so a single-process installation recovers lost jobs
        # the next time anyone queues work, even when `lianjian jobs work` is not running.
        while run_next(worker=worker) is not None:
            pass
    except Exception:
        logger.exception("background job %s failed outside its handler; `lianjian jobs work` will resume it", job_id)
    finally:
        connections.close_all()


def _start_thread(job_id):
    threading.Thread(target=_run_in_thread, args=(job_id,), name=f"lianjian-job-{job_id}", daemon=True).start()


def _send_to_celery(job_id):
    from .tasks import run_job

    try:
        run_job.delay(job_id)
    except Exception:
        # The job stays queued in the database, where `lianjian jobs work` finds it.
        logger.exception("could not hand job %s to Celery; it stays queued for `lianjian jobs work`", job_id)


def dispatch(job_id):
    """Arrange for the job to run once the current transaction commits."""
    name = backend_name()
    if name == "inline":
        transaction.on_commit(lambda: _run_inline(job_id))
    elif name == "thread":
        transaction.on_commit(lambda: _start_thread(job_id))
    else:
        transaction.on_commit(lambda: _send_to_celery(job_id))
