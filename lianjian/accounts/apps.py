from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "lianjian.accounts"
    verbose_name = _("账户安全")

    def ready(self):
        from . import policies  # noqa: F401
