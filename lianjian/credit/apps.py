from django.apps import AppConfig


class CreditConfig(AppConfig):
    name = "lianjian.credit"
    verbose_name = "信用监管"
