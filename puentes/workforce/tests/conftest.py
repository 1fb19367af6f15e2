"""The billing suite's clinic (payer, coverage, a visit logger) for the tests that bill."""

from puentes.billing.tests.conftest import (  # noqa: F401 - fixtures
    billing_clinic,
    covered,
    log_visit,
    medi_cal,
)
