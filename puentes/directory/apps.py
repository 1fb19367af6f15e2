from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    name = "puentes.directory"
    label = "directory"
    verbose_name = "Directory"
