from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "puentes.people"
    label = "people"
    verbose_name = "People"
