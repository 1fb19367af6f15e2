from django.apps import AppConfig


class WorkforceConfig(AppConfig):
    name = "puentes.workforce"
    label = "workforce"
    verbose_name = "Workforce"

    def ready(self) -> None:
        from puentes.workforce import messages

        messages.register()
