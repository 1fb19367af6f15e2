from django.apps import AppConfig


class CareConfig(AppConfig):
    name = "puentes.care"
    label = "care"
    verbose_name = "Care management"

    def ready(self) -> None:
        from puentes.care import signals  # noqa: F401 - connects the referral hook
