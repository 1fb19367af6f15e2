from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "puentes.core"
    label = "core"
    verbose_name = "Core"
