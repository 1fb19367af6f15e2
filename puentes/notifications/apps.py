from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "puentes.notifications"
    label = "notifications"
    verbose_name = "Notifications"
