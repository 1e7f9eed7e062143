from django.apps import AppConfig


class SharingConfig(AppConfig):
    name = "lianjian.sharing"
    verbose_name = "信息共享"

    def ready(self):
        from . import jobs, policies  # noqa: F401  register the periodic job and the permission policies
