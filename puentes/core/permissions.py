"""The role-by-action table. docs/permissions.md is generated from, and tested against, this.

A member's role decides what they may do inside their active organization; which records
they can reach at all is decided separately by the selectors (tenant scoping, 404).
"""

from django.utils.translation import gettext_lazy as _

CHW = "chw"
SUPERVISOR = "supervisor"
BILLING = "billing"
CBO_STAFF = "cbo_staff"
ANALYST = "analyst"
ORG_ADMIN = "org_admin"
# Curates the whole resource directory for the network (a 211 or exchange hub's staff).
DIRECTORY_ADMIN = "directory_admin"
# API keys act for their organization with one of two scopes.
API_READ = "api_read"
API_READ_WRITE = "api_read_write"

MEMBER_ROLES = [CHW, SUPERVISOR, BILLING, CBO_STAFF, ANALYST, ORG_ADMIN, DIRECTORY_ADMIN]
ALL_ROLES = [*MEMBER_ROLES, API_READ, API_READ_WRITE]

ROLE_LABELS = {
    CHW: _("Community health worker"),
    SUPERVISOR: _("Supervisor"),
    BILLING: _("Billing"),
    CBO_STAFF: _("Community organization staff"),
    ANALYST: _("Analyst"),
    ORG_ADMIN: _("Organization administrator"),
    DIRECTORY_ADMIN: _("Directory administrator"),
    API_READ: _("API key (read only)"),
    API_READ_WRITE: _("API key (read and write)"),
}

_FRONTLINE = {CHW, SUPERVISOR, CBO_STAFF, ORG_ADMIN}

PERMISSIONS: dict[str, set[str]] = {
    "organization.view": set(ALL_ROLES),
    "organization.update": {ORG_ADMIN},
    "member.manage": {ORG_ADMIN},
    "apikey.manage": {ORG_ADMIN},
    "audit.view": {ORG_ADMIN},
    "person.view": {*_FRONTLINE, BILLING, API_READ, API_READ_WRITE},
    "person.create": {*_FRONTLINE, API_READ_WRITE},
    "person.update": {*_FRONTLINE, API_READ_WRITE},
    "person.merge": {SUPERVISOR, ORG_ADMIN},
    "household.manage": {*_FRONTLINE, API_READ_WRITE},
    "identifier.manage": {*_FRONTLINE, BILLING, API_READ_WRITE},
    "consent.manage": {*_FRONTLINE, API_READ_WRITE},
    "caseload.assign": {SUPERVISOR, ORG_ADMIN, API_READ_WRITE},
    "screening.perform": {*_FRONTLINE, API_READ_WRITE},
    "need.manage": {*_FRONTLINE, API_READ_WRITE},
    "screening.configure": {ORG_ADMIN},
    # Referrals: the referring side creates, sends and cancels; the receiving organization
    # answers. Which referrals a member reaches depends on which side their organization is.
    "referral.view": {*_FRONTLINE, API_READ, API_READ_WRITE},
    "referral.send": {*_FRONTLINE, API_READ_WRITE},
    "referral.respond": {*_FRONTLINE, API_READ_WRITE},
    # Anyone may report a problem with a listing; its owner or a directory admin fixes it.
    "directory.report": set(ALL_ROLES) - {API_READ},
    "directory.listing.update": {CBO_STAFF, ORG_ADMIN, DIRECTORY_ADMIN, API_READ_WRITE},
    "directory.manage": {DIRECTORY_ADMIN},
    # Care management. Billing staff read encounters and keep the payer paperwork.
    "program.manage": {SUPERVISOR, ORG_ADMIN, API_READ_WRITE},
    "care.view": {*_FRONTLINE, BILLING, API_READ, API_READ_WRITE},
    "care.manage": {*_FRONTLINE, API_READ_WRITE},
    "care.document": {*_FRONTLINE, BILLING, API_READ_WRITE},
    "encounter.log": {*_FRONTLINE, API_READ_WRITE},
    "team.view": {SUPERVISOR, ORG_ADMIN, API_READ, API_READ_WRITE},
    # Billing: billing staff run claims and grants; frontline workers record coverage.
    "coverage.manage": {*_FRONTLINE, BILLING, API_READ_WRITE},
    "billing.view": {BILLING, ORG_ADMIN, API_READ, API_READ_WRITE},
    "billing.manage": {BILLING, ORG_ADMIN, API_READ_WRITE},
    # Workforce: a worker sees and adds to their own record (workforce.own); supervisors
    # and administrators see and keep the team's; billing staff see who qualifies.
    "workforce.own": {*_FRONTLINE, API_READ_WRITE},
    "workforce.view": {SUPERVISOR, ORG_ADMIN, BILLING, API_READ, API_READ_WRITE},
    "workforce.manage": {SUPERVISOR, ORG_ADMIN, API_READ_WRITE},
    "training.offer": {SUPERVISOR, ORG_ADMIN, API_READ_WRITE},
}

ACTION_LABELS = {
    "organization.view": _("See the organization and its members"),
    "organization.update": _("Edit the organization's profile"),
    "member.manage": _("Invite, change and deactivate members"),
    "apikey.manage": _("Create and revoke API keys"),
    "audit.view": _("Read the audit log"),
    "person.view": _("See people and their records"),
    "person.create": _("Register people"),
    "person.update": _("Edit people"),
    "person.merge": _("Merge duplicate people"),
    "household.manage": _("Manage households"),
    "identifier.manage": _("Manage identifiers (Medicaid ID, MBI, MRN)"),
    "consent.manage": _("Record and revoke consent to share"),
    "caseload.assign": _("Assign workers to people"),
    "screening.perform": _("Screen people for social needs"),
    "need.manage": _("Record needs and change their status"),
    "screening.configure": _("Choose the organization's screening instruments"),
    "referral.view": _("See the referrals the organization made or received"),
    "referral.send": _("Refer people and cancel their referrals"),
    "referral.respond": _("Accept, work on and close referrals received"),
    "directory.report": _("Report a problem with a directory listing"),
    "directory.listing.update": _(
        "Edit, verify and set the capacity of the organization's own directory listings"
    ),
    "directory.manage": _(
        "Edit and verify any directory listing, review corrections, import directory data"
    ),
    "program.manage": _("Define the organization's programs"),
    "care.view": _("See enrollments, care plans, follow-ups and encounters"),
    "care.manage": _("Enroll people, set goals and progress, manage follow-ups"),
    "care.document": _("Record practitioners' recommendations and plans of care"),
    "encounter.log": _("Log and correct encounters"),
    "team.view": _("See the team's caseloads"),
    "coverage.manage": _("Record people's insurance coverage and initiating visits"),
    "workforce.own": _("See one's own workforce record and add trainings to it"),
    "workforce.view": _("See the team's qualifications, certifications and hours"),
    "workforce.manage": _(
        "Keep workers' profiles, certifications, pathways, experience and supervision"
    ),
    "training.offer": _("Offer trainings and record attendance (members' workers too)"),
    "billing.view": _("See the billing queue, claims, remittances and grant reports"),
    "billing.manage": _(
        "Set up payers, providers and fees; generate, approve and submit claims; import "
        "remittances; charge grants"
    ),
}


def role_may(role: str, action: str) -> bool:
    if action not in PERMISSIONS:
        raise KeyError(f"unknown action {action!r}")
    return role in PERMISSIONS[action]


def markdown_table() -> str:
    """The role-by-action table as Markdown, as published in docs/permissions.md."""
    header = "| Action | " + " | ".join(f"`{role}`" for role in ALL_ROLES) + " |"
    rule = "|---|" + "|".join(":-:" for _ in ALL_ROLES) + "|"
    rows = [
        f"| {ACTION_LABELS[action]} (`{action}`) | "
        + " | ".join("✓" if role in allowed else "—" for role in ALL_ROLES)
        + " |"
        for action, allowed in PERMISSIONS.items()
    ]
    return "\n".join([header, rule, *rows])
