from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "lianjian.audit"
    verbose_name = "审计日志"

    def ready(self):
        from . import policies  # noqa: F401
