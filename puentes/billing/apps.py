from django.apps import AppConfig


class BillingConfig(AppConfig):
    name = "puentes.billing"
    label = "billing"
    verbose_name = "Billing and funding"
