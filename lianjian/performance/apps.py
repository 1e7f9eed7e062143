from django.apps import AppConfig


class PerformanceConfig(AppConfig):
    name = "lianjian.performance"
    verbose_name = "效能考核"
