import datetime

import pytest
from django.utils import timezone

from lianjian.jobs.models import Job, JobStatus

pytestmark = pytest.mark.django_db


def test_a_migrated_database_with_an_idle_queue_is_healthy_without_logging_in(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["checks"]["database"]["unapplied_migrations"] == 0
    assert body["checks"]["jobs"] == {"ok": True, "queued": 0, "stalled": 0, "oldest_queued_seconds": 0}


def test_a_job_waiting_for_a_quarter_of_an_hour_makes_the_service_unhealthy(client):
    job = Job.objects.create(kind="trading.import", status=JobStatus.QUEUED)
    Job.objects.filter(pk=job.pk).update(created_at=timezone.now() - datetime.timedelta(minutes=15))
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["jobs"]["queued"] == 1


def test_an_unreachable_broker_is_reported_by_name(client, settings):
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["broker"]["ok"] is False
    assert "Error" in response.json()["checks"]["broker"]["error"]
