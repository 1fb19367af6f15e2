from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "puentes.web"
    label = "web"
    verbose_name = "Web"
