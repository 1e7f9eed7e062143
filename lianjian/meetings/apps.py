from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "lianjian.meetings"
    verbose_name = "联席会议"

    def ready(self):
        from . import jobs, policies  # noqa: F401  registers the periodic job and the permission policies
