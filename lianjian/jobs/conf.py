"""Timing of the job runner. Each value can be overridden in settings under the name given; they are read on
every use so a test or an operator's settings change takes effect without a restart of the import."""

from django.conf import settings

DEFAULTS = {
    # How often a running job tells the database it is alive, independent of the handler's own progress calls.
    "LIANJIAN_JOB_HEARTBEAT_SECONDS": 15,
    # A running job whose heartbeat is older than this is taken to have crashed and may be claimed again; it must
    # comfortably exceed the heartbeat interval so that a busy but healthy run is never taken over.
    "LIANJIAN_JOB_STALE_SECONDS": 120,
    # A job that crashed its runner this many times is failed instead of being resumed forever.
    "LIANJIAN_JOB_MAX_ATTEMPTS": 3,
    # How long `lianjian jobs work` sleeps when it found nothing to do.
    "LIANJIAN_JOB_POLL_SECONDS": 2,
    # Progress is written at most this often so a tight loop does not turn into a write per row.
    "LIANJIAN_JOB_PROGRESS_WRITE_SECONDS": 0.5,
}


def value(name):
    return getattr(settings, name, DEFAULTS[name])


def heartbeat_seconds():
    return value("LIANJIAN_JOB_HEARTBEAT_SECONDS")


def stale_seconds():
    return value("LIANJIAN_JOB_STALE_SECONDS")


def max_attempts():
    return value("LIANJIAN_JOB_MAX_ATTEMPTS")


def poll_seconds():
    return value("LIANJIAN_JOB_POLL_SECONDS")


def progress_write_seconds():
    return value("LIANJIAN_JOB_PROGRESS_WRITE_SECONDS")
