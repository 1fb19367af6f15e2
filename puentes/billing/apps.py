from django.apps import AppConfig


class BillingConfig(AppConfig):
    name = "puentes.billing"
    label = "billing"
    verbose_name = "Billing and funding"

    def ready(self) -> None:
        from puentes.billing.selectors import billed_encounters
        from puentes.care.selectors import encounter_holder_register

        encounter_holder_register(billed_encounters)
