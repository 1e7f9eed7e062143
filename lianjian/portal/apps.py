from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "lianjian.portal"
    verbose_name = "信息公开"

    def ready(self):
        from . import policies  # noqa: F401
