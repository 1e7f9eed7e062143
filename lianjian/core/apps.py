from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "lianjian.core"
    verbose_name = "核心"
