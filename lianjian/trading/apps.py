from django.apps import AppConfig


class TradingConfig(AppConfig):
    name = "lianjian.trading"
