from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "lianjian.web"
    verbose_name = "界面"
