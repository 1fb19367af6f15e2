from django.apps import AppConfig


class ScreeningConfig(AppConfig):
    name = "puentes.screening"
    label = "screening"
    verbose_name = "Screening"
