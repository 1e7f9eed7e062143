from django.apps import AppConfig


class DashboardsConfig(AppConfig):
    name = "lianjian.dashboards"
    verbose_name = "监管大数据分析"
