from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "lianjian.notifications"
    verbose_name = "消息通知"

    def ready(self):
        from . import policies  # noqa: F401  registers the permission policy of this domain
