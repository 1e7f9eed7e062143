from django.apps import AppConfig


class CreditConfig(AppConfig):
    name = "lianjian.credit"
    verbose_name = "信用监管"

    def ready(self):
        from . import jobs, policies  # noqa: F401  registers the permission policies and the periodic expiry
