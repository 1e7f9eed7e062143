from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "lianjian.notifications"
