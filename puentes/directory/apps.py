from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    name = "puentes.directory"
    label = "directory"
    verbose_name = "Directory"

    def ready(self) -> None:
        from puentes.core.jobs import job_kind_register
        from puentes.directory.services import IMPORT_JOB

        job_kind_register(IMPORT_JOB)
