from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "lianjian.portal"
    verbose_name = "信息公开"
