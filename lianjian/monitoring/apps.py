from django.apps import AppConfig


class MonitoringConfig(AppConfig):
    name = "lianjian.monitoring"
    verbose_name = "智慧监管"
