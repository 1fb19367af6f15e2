"""Background tasks (django-tasks): run by `manage.py db_worker`, or at once in tests."""

from django_tasks import task

from puentes.billing import services


@task()
def generate_batch(batch_pk: int) -> None:
    services.batch_generate_run(batch_pk)
