from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkdaysConfig(AppConfig):
    name = "lianjian.workdays"
    verbose_name = _("工作日历")

    def ready(self):
        from . import policies  # noqa: F401  registers the permission policies of this domain
