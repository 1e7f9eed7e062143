from django.apps import AppConfig


class ComplaintsConfig(AppConfig):
    name = "lianjian.complaints"
    verbose_name = "投诉举报"
