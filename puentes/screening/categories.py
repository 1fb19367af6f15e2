"""Gravity SDOH categories: the domains a need belongs to.

Code system http://hl7.org/fhir/us/sdoh-clinicalcare/CodeSystem/SDOHCC-CodeSystemTemporaryCodes
"""

from django.utils.translation import gettext_lazy as _

GRAVITY_SYSTEM = (
    "http://hl7.org/fhir/us/sdoh-clinicalcare/CodeSystem/SDOHCC-CodeSystemTemporaryCodes"
)
ICD10CM_SYSTEM = "http://hl7.org/fhir/sid/icd-10-cm"
LOINC_SYSTEM = "http://loinc.org"

CATEGORIES = {
    "food-insecurity": _("Food insecurity"),
    "housing-instability": _("Housing instability"),
    "homelessness": _("Homelessness"),
    "inadequate-housing": _("Inadequate housing"),
    "transportation-insecurity": _("Transportation insecurity"),
    "utility-insecurity": _("Utility insecurity"),
    "financial-insecurity": _("Financial insecurity"),
    "intimate-partner-violence": _("Interpersonal safety"),
    "social-connection": _("Social connection"),
    "stress": _("Stress"),
    "employment-status": _("Employment"),
    "educational-attainment": _("Education"),
    "health-insurance-coverage-status": _("Health insurance"),
    "medical-cost-burden": _("Cost of medical care"),
    "personal-health-literacy": _("Health literacy"),
    "digital-access": _("Digital access"),
    "digital-literacy": _("Digital literacy"),
    "language-access": _("Language access"),
    "incarceration-status": _("Incarceration"),
    "material-hardship": _("Material hardship"),
    "veteran-status": _("Veteran status"),
    "elder-abuse": _("Elder abuse"),
    "sdoh-category-unspecified": _("Other social need"),
}
CATEGORY_CHOICES = list(CATEGORIES.items())
