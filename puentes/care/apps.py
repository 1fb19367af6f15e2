from django.apps import AppConfig


class CareConfig(AppConfig):
    name = "puentes.care"
    label = "care"
    verbose_name = "Care management"

    def ready(self) -> None:
        from puentes.care import signals  # noqa: F401 - connects the referral hook
        from puentes.care.views import person_panel
        from puentes.people.panels import Panel, panel_register

        panel_register(Panel("care", "care/_person_care.html", person_panel, 20))
