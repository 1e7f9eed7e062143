from django.apps import AppConfig


class ExpertsConfig(AppConfig):
    name = "lianjian.experts"
    verbose_name = "评标专家"

    def ready(self):
        from . import policies  # noqa: F401  registers the permission policies of this domain
