from django.apps import AppConfig


class BillingConfig(AppConfig):
    name = "puentes.billing"
    label = "billing"
    verbose_name = "Billing and funding"

    def ready(self) -> None:
        from puentes.billing.selectors import billed_encounters, encounter_billing
        from puentes.billing.services import BATCH_JOB
        from puentes.billing.views import person_panel
        from puentes.care.selectors import encounter_holder_register, encounter_outcomes_register
        from puentes.core.jobs import job_kind_register
        from puentes.people.panels import Panel, panel_register

        encounter_holder_register(billed_encounters)
        encounter_outcomes_register(encounter_billing)
        panel_register(Panel("billing", "billing/_person_coverage.html", person_panel, 30))
        job_kind_register(BATCH_JOB)
