from django.apps import AppConfig


class ComplaintsConfig(AppConfig):
    name = "lianjian.complaints"
    verbose_name = "投诉举报"

    def ready(self):
        from . import policies  # noqa: F401  registers the permission policies of this domain
