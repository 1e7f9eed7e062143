from django.apps import AppConfig


class OversightConfig(AppConfig):
    name = "lianjian.oversight"
    verbose_name = "监督通道"
