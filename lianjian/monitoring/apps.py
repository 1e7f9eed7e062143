from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitoringConfig(AppConfig):
    name = "lianjian.monitoring"
    verbose_name = _("智慧监管")

    def ready(self):
        from . import archive, jobs, policies  # noqa: F401
