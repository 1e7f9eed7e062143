from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "lianjian.meetings"
    verbose_name = "联席会议"
