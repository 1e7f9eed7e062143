"""Which job kinds exist and which of them recur.

Each app registers its handlers in its own ``jobs.py``, imported from its AppConfig.ready()::

    @job_handler("trading.import", label=_("导入交易数据"))
    def import_trades(ctx):
        start = (ctx.checkpoint or {}).get("next", 0)
        for i in range(start, len(rows)):
            with transaction.atomic():
                save(rows[i])
                ctx.save_checkpoint({"next": i + 1})   # the row and the checkpoint commit together
            ctx.progress(i + 1, len(rows))
        return {"rows": len(rows)}

A periodic task is a job handler with a schedule; ``lianjian jobs work`` (or Celery beat) enqueues it when due::

    @periodic("deadlines.remind", every=timedelta(hours=1), label=_("期限提醒"))
    def remind(ctx): ...
"""

from dataclasses import dataclass
from datetime import timedelta

from django.core.exceptions import ImproperlyConfigured


@dataclass(frozen=True)
class Handler:
    kind: str
    func: object
    label: str


@dataclass(frozen=True)
class Periodic:
    name: str
    every: timedelta


_handlers = {}
_periodic = {}


def _same_function(a, b):
    return (a.__module__, a.__qualname__) == (b.__module__, b.__qualname__)


def job_handler(kind, *, label=None):
    """Register ``func(ctx)`` as the handler of job kind ``kind``; its return value (JSON) is the job's result."""

    def decorator(func):
        existing = _handlers.get(kind)
        if existing is not None and not _same_function(existing.func, func):
            raise ImproperlyConfigured(
                f"job kind {kind!r} is registered twice: {existing.func.__module__} and {func.__module__}"
            )
        _handlers[kind] = Handler(kind=kind, func=func, label=label or kind)
        return func

    return decorator


def periodic(name, *, every, label=None):
    """Register ``func(ctx)`` as job kind ``name`` and run it every ``every`` (a timedelta)."""
    if not isinstance(every, timedelta) or every <= timedelta(0):
        raise ImproperlyConfigured(f"periodic task {name!r}: every must be a positive timedelta")

    def decorator(func):
        job_handler(name, label=label)(func)
        _periodic[name] = Periodic(name=name, every=every)
        return func

    return decorator


def get_handler(kind):
    return _handlers.get(kind)


def handler_label(kind):
    handler = _handlers.get(kind)
    return handler.label if handler is not None else kind


def handlers():
    return dict(_handlers)


def periodic_tasks():
    return dict(_periodic)
