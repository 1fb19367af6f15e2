from django.apps import AppConfig


class NetworkConfig(AppConfig):
    name = "puentes.network"
    label = "network"
    verbose_name = "Network"
