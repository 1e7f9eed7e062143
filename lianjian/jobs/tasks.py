"""Celery entry points, used when LIANJIAN_JOB_BACKEND is "celery". Both tasks are idempotent: the database
decides whether there is anything to do, so a message delivered twice (acks_late after a worker crash) is
harmless."""

from celery import shared_task

from lianjian.celery import app as celery_app

from . import registry, runner, services

RUN_JOB = "lianjian.jobs.tasks.run_job"
RUN_PERIODIC = "lianjian.jobs.tasks.run_periodic"


@shared_task(name=RUN_JOB, acks_late=True, ignore_result=True)
def run_job(job_id):
    runner.run_job(job_id)


@shared_task(name=RUN_PERIODIC, ignore_result=True)
def run_periodic(name):
    services.periodic_enqueue_due(names=[name])


def beat_schedule():
    """Celery beat entries for every registered periodic task, from the same registry `jobs work` reads."""
    return {
        f"lianjian-periodic-{task.name}": {"task": RUN_PERIODIC, "schedule": task.every, "args": (task.name,)}
        for task in registry.periodic_tasks().values()
    }


@celery_app.on_after_finalize.connect
def _install_beat_schedule(sender, **kwargs):
    # Celery imports this module (autodiscovery, after django.setup() filled the registry) before it finalizes
    # the app and before beat reads its schedule.
    sender.conf.beat_schedule.update(beat_schedule())
