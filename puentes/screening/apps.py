from django.apps import AppConfig


class ScreeningConfig(AppConfig):
    name = "puentes.screening"
    label = "screening"
    verbose_name = "Screening"

    def ready(self) -> None:
        from puentes.people.panels import Panel, panel_register
        from puentes.screening.views import person_panel

        panel_register(Panel("screening", "screening/_person_needs.html", person_panel, 10))
