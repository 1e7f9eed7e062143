from django.apps import AppConfig


class TradingConfig(AppConfig):
    name = "lianjian.trading"
    verbose_name = "交易数据"

    def ready(self):
        from . import jobs, policies  # noqa: F401  registers the permission policies and the import job
