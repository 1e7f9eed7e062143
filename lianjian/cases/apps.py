from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "lianjian.cases"
    verbose_name = "线索与案件"
