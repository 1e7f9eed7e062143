from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DeadlinesConfig(AppConfig):
    name = "lianjian.deadlines"
    verbose_name = _("期限")

    def ready(self):
        from . import jobs, policies  # noqa: F401  register the periodic reminder job and the permission policies
