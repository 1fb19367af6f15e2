from django.apps import AppConfig


class ReferralsConfig(AppConfig):
    name = "puentes.referrals"
    label = "referrals"
    verbose_name = "Referrals"

    def ready(self) -> None:
        from puentes.referrals import signals  # noqa: F401 - connects the consent hook
