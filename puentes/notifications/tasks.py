"""Background tasks (django-tasks): run by `manage.py db_worker`, or at once in tests."""

from django_tasks import task

from puentes.notifications import services


@task()
def send_notification_email(notification_pk: int) -> None:
    services.notification_email_send(notification_pk)
