"""Background tasks (django-tasks): run by `manage.py db_worker`, or at once in tests."""

from django_tasks import task

from puentes.directory import services


@task()
def run_directory_import(import_pk: int) -> None:
    services.directory_import_run(import_pk)
