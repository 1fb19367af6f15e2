from django.apps import AppConfig


class WorkforceConfig(AppConfig):
    name = "puentes.workforce"
    label = "workforce"
    verbose_name = "Workforce"
