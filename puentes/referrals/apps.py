from typing import Any

from django.apps import AppConfig


class ReferralsConfig(AppConfig):
    name = "puentes.referrals"
    label = "referrals"
    verbose_name = "Referrals"

    def ready(self) -> None:
        from puentes.notifications.messages import label_register
        from puentes.people.panels import Panel, panel_register
        from puentes.referrals import (
            messages,
            signals,  # noqa: F401 - connects the consent hook
        )
        from puentes.referrals.views import person_panel

        panel_register(Panel("referrals", "referrals/_person_referrals.html", person_panel, 40))
        label_register("status", _status_label)
        messages.register()


def _status_label(value: Any) -> Any:
    """A referral status code, in words, for the messages that name it."""
    from puentes.referrals.models import ReferralStatus

    return ReferralStatus(value).label if value in ReferralStatus.values else value
