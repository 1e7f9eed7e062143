from django.apps import AppConfig


class OversightConfig(AppConfig):
    name = "lianjian.oversight"
    verbose_name = "监督通道"

    def ready(self):
        from . import policies  # noqa: F401  registers the permission policies of this domain
