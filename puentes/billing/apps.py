from django.apps import AppConfig


class BillingConfig(AppConfig):
    name = "puentes.billing"
    label = "billing"
    verbose_name = "Billing and funding"

    def ready(self) -> None:
        from puentes.billing.selectors import billed_encounters
        from puentes.billing.services import BATCH_JOB
        from puentes.care.selectors import encounter_holder_register
        from puentes.core.jobs import job_kind_register

        encounter_holder_register(billed_encounters)
        job_kind_register(BATCH_JOB)
