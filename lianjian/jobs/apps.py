from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "lianjian.jobs"
    verbose_name = "后台任务"

    def ready(self):
        from . import policies  # noqa: F401  registers the permission policy of this domain
