"""The health endpoint that load balancers and monitoring poll: is the database reachable and fully migrated,
is the job queue moving, is the broker (when configured) reachable. 200 when all is well, 503 otherwise."""

from django.conf import settings
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

from lianjian.jobs.selectors import queue_health

# A queued job older than this means no worker is taking jobs.
QUEUE_STALL_SECONDS = 600


def _database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    pending = MigrationExecutor(connection).migration_plan(MigrationExecutor(connection).loader.graph.leaf_nodes())
    return {"ok": not pending, "vendor": connection.vendor, "unapplied_migrations": len(pending)}


def _jobs():
    figures = queue_health()
    figures["ok"] = figures["stalled"] == 0 and figures["oldest_queued_seconds"] < QUEUE_STALL_SECONDS
    return figures


def _broker():
    if not settings.CELERY_BROKER_URL:
        return {"ok": True, "configured": False}
    from kombu import Connection

    with Connection(settings.CELERY_BROKER_URL, connect_timeout=2) as conn:
        conn.ensure_connection(max_retries=1)
    return {"ok": True, "configured": True}


@never_cache
def health(request):
    checks = {}
    for name, check in (("database", _database), ("jobs", _jobs), ("broker", _broker)):
        try:
            checks[name] = check()
        except Exception as exc:  # a failed check is the answer, not an error page
            checks[name] = {"ok": False, "error": f"{type(exc).__name__}: {exc}"[:300]}
        if name == "database" and not checks[name]["ok"]:
            break
    healthy = all(c["ok"] for c in checks.values())
    return JsonResponse({"status": "ok" if healthy else "fail", "checks": checks}, status=200 if healthy else 503)
