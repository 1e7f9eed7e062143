from django.apps import AppConfig


class OrgConfig(AppConfig):
    name = "lianjian.org"
    verbose_name = "组织机构"

    def ready(self):
        from . import policies  # noqa: F401  registers the permission policies of this domain
