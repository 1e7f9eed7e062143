from django.apps import AppConfig


class PerformanceConfig(AppConfig):
    name = "lianjian.performance"
    verbose_name = "效能考核"

    def ready(self):
        from . import policies  # noqa: F401  registers the permission policies of this domain
