from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    name = "lianjian.cases"
    verbose_name = _("线索与案件")

    def ready(self):
        from . import policies  # noqa: F401
