from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "lianjian.jobs"
