from django.apps import AppConfig


class InspectionsConfig(AppConfig):
    name = "lianjian.inspections"
    verbose_name = "双随机抽查"

    def ready(self):
        from . import jobs, policies  # noqa: F401
