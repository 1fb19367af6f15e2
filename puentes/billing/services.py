"""Writes of billing: set-up (payers, coverage, providers, fees, initiating visits), claim
batches and their lifecycle, corrected and void claims, 835 posting, and grant charges.
Each write is all-or-nothing and audited; an encounter's service is never claimed twice
while an earlier claim of it stands."""

import datetime
import itertools
import re
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any, cast

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.models import Exists, F, Max, OuterRef, Sum
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from puentes.billing import selectors, visit_codes
from puentes.billing.engine import Outcome, Problem, Visit
from puentes.billing.models import (
    AuthorizationStatus,
    BatchStatus,
    BillingProfile,
    Claim,
    ClaimBatch,
    ClaimEvent,
    ClaimLine,
    ClaimStatus,
    ConsentMethod,
    Coverage,
    CoveragePriority,
    FeeScheduleEntry,
    FilingIndicator,
    Frequency,
    FundingKind,
    FundingSource,
    GrantCharge,
    InitiatingVisit,
    Payer,
    PriorAuthorization,
    Provider,
    ProviderRole,
    Remittance,
    SeriousCondition,
    ServiceConsent,
)
from puentes.billing.rulesets import RuleSet, rule_set_ids, rule_sets
from puentes.billing.runs import CoverageFacts, Evaluated, evaluate_period
from puentes.billing.x12 import RemittanceFormatError, read_835
from puentes.care.models import Encounter, EncounterService, Program
from puentes.core import icd10cm
from puentes.core.actor import Actor
from puentes.core.audit import audit_record
from puentes.core.bulk import BulkInserter
from puentes.core.collection import collector_paused
from puentes.core.concurrency import bump_version, check_version, lock_for_update
from puentes.core.errors import DomainError, invalid
from puentes.core.inputs import Errors, Fields, clean_text, is_uuid, raise_if
from puentes.core.jobs import JobKind, job_cancel_by, job_finish, job_run, job_settle, jobs_reap
from puentes.core.progress import Progress
from puentes.core.validators import validate_npi
from puentes.network.models import User
from puentes.people.selectors import person_get


def _npi(fields: Fields, name: str, errors: Errors) -> str:
    value = str(fields.get(name) or "").strip()
    try:
        validate_npi(value)
    except ValidationError as error:
        errors[name] = list(error.messages)
    return value


def _money(value: Any, name: str, errors: Errors) -> Decimal:
    try:
        amount = Decimal(str(value))
    except (InvalidOperation, ValueError):
        errors[name] = [_("Enter an amount.")]
        return Decimal(0)
    if not amount.is_finite() or amount < 0 or amount >= Decimal("1000000000"):
        errors[name] = [_("Enter an amount from 0 to 999,999,999.")]
        return Decimal(0)
    return amount.quantize(Decimal("0.01"))


def _date(fields: Fields, name: str, errors: Errors, *, required: bool = True) -> Any:
    value = fields.get(name)
    if value in (None, ""):
        if required:
            errors[name] = [_("Enter a date.")]
        return None
    if not isinstance(value, datetime.date):
        errors[name] = [_("Enter a date.")]
        return None
    return value


# Set-up --------------------------------------------------------------------------------


@transaction.atomic
def payer_create(*, actor: Actor, fields: Fields) -> Payer:
    actor.require("billing.manage")
    errors: Errors = {}
    name = clean_text(fields, "name", errors, limit=120, required=True)
    identifier = clean_text(fields, "payer_identifier", errors, limit=80, required=True)
    if fields.get("filing_indicator") not in FilingIndicator.values:
        errors["filing_indicator"] = [_("Choose a claim filing indicator, such as MC or MB.")]
    rule_set_id = str(fields.get("rule_set_id") or "")
    if rule_set_id not in rule_set_ids():
        errors["rule_set_id"] = [_("Choose one of the rule sets Puentes ships.")]
    preferred = str(fields.get("preferred_family") or "")
    families = {f.id for r in rule_sets() if r.id == rule_set_id for f in r.families}
    if preferred and preferred not in families:
        errors["preferred_family"] = [_("Choose one of the rule set's code families.")]
    raise_if(errors)
    try:
        with transaction.atomic():
            payer = Payer.objects.create(
                organization=actor.organization,
                name=name,
                payer_identifier=identifier,
                filing_indicator=fields["filing_indicator"],
                rule_set_id=rule_set_id,
                preferred_family=preferred,
                managed_care=bool(fields.get("managed_care")),
            )
    except IntegrityError:
        raise DomainError(
            "duplicate", _("A payer with this name exists."), {"name": [_("Choose another name.")]}
        ) from None
    audit_record(actor=actor, action="payer.create", obj=payer)
    return payer


@transaction.atomic
def coverage_add(*, actor: Actor, person_id: uuid.UUID | str, fields: Fields) -> Coverage:
    """A person's coverage: payer, plan, member ID, dates, primary or secondary."""
    actor.require("coverage.manage")
    person = person_get(actor=actor, public_id=person_id)
    errors: Errors = {}
    payer_id = str(fields.get("payer_id") or "")
    payer = (
        Payer.objects.for_actor(actor).filter(public_id=payer_id).first()
        if is_uuid(payer_id)
        else None
    )
    if payer is None:
        errors["payer_id"] = [_("Choose one of your organization's payers.")]
    member_id = clean_text(fields, "member_id", errors, limit=40, required=True)
    plan = clean_text(fields, "plan_name", errors, limit=120, required=False)
    start = _date(fields, "start_date", errors)
    end = _date(fields, "end_date", errors, required=False)
    if start and end and end < start:
        errors["end_date"] = [_("The end must be on or after the start.")]
    priority = fields.get("priority") or CoveragePriority.PRIMARY
    if priority not in CoveragePriority.values:
        errors["priority"] = [_("Choose primary or secondary.")]
    raise_if(errors)
    coverage = Coverage.objects.create(
        organization=actor.organization,
        person=person,
        payer=cast(Payer, payer),  # checked above
        plan_name=plan,
        member_id=member_id,
        start_date=start,
        end_date=end,
        priority=priority,
    )
    audit_record(actor=actor, action="coverage.add", obj=coverage, person_id=person.public_id)
    return coverage


# A CPT code (five digits, or four and F, T or U) or a HCPCS Level II code (a letter and
# four digits).
def service_consent_record(
    *, actor: Actor, person_id: uuid.UUID | str, fields: Fields
) -> ServiceConsent:
    """The person's consent to a monthly service one practitioner bills (Medicare CHI and
    PIN): given on a day (not in the future), verbally or in writing, naming the billing
    practitioner; the recording member is kept."""
    actor.require("coverage.manage")
    person = person_get(actor=actor, public_id=person_id)
    errors: Errors = {}
    day = _date(fields, "given_on", errors)
    if day and day > timezone.localdate():
        errors["given_on"] = [_("The date cannot be in the future.")]
    method = fields.get("method") or ""
    if method not in ConsentMethod.values:
        errors["method"] = [_("Choose verbal or written.")]
    name = clean_text(fields, "practitioner_name", errors, limit=200, required=True)
    npi = _npi(fields, "practitioner_npi", errors)
    for told in ("cost_sharing_explained", "one_practitioner_explained"):
        if fields.get(told) not in (True, "true", "on", "1", 1):
            errors[told] = [_("The person must be told this before consenting.")]
    raise_if(errors)
    consent = ServiceConsent.objects.create(
        organization=actor.organization,
        person=person,
        given_on=day,
        method=method,
        practitioner_name=name,
        practitioner_npi=npi,
        recorded_by=cast(User, actor.user),
    )
    audit_record(
        actor=actor, action="service_consent.record", obj=consent, person_id=person.public_id
    )
    return consent


def serious_condition_record(
    *, actor: Actor, person_id: uuid.UUID | str, fields: Fields
) -> SeriousCondition:
    """A serious, high-risk condition expected to last at least 3 months (what PIN needs),
    with a diagnosis code valid on the day it was diagnosed."""
    actor.require("coverage.manage")
    person = person_get(actor=actor, public_id=person_id)
    errors: Errors = {}
    day = _date(fields, "diagnosed_on", errors)
    if day and day > timezone.localdate():
        errors["diagnosed_on"] = [_("The date cannot be in the future.")]
    code = clean_text(fields, "diagnosis_code", errors, limit=8, required=True).upper()
    if code and day and (why := icd10cm.refusal(code, day)):
        errors["diagnosis_code"] = [why]
    months = _whole(fields, "expected_months", errors)
    if months is None and "expected_months" not in errors:
        errors["expected_months"] = [_("Say how many months the condition is expected to last.")]
    elif months is not None and months < 3:
        errors["expected_months"] = [
            _("Principal illness navigation needs a condition expected to last 3 months or more.")
        ]
    ended = _date(fields, "ended_on", errors, required=False)
    if ended and day and ended < day:
        errors["ended_on"] = [_("The end must be on or after the diagnosis.")]
    name = clean_text(fields, "practitioner_name", errors, limit=200, required=True)
    raise_if(errors)
    condition = SeriousCondition.objects.create(
        organization=actor.organization,
        person=person,
        diagnosis_code=icd10cm.dotted(code),
        diagnosed_on=day,
        expected_months=cast(int, months),  # required above
        ended_on=ended,
        practitioner_name=name,
    )
    audit_record(
        actor=actor, action="serious_condition.record", obj=condition, person_id=person.public_id
    )
    return condition


_CODE = re.compile(r"^(\d{4}[0-9FTU]|[A-Z]\d{4})$")


def prior_authorization_record(
    *, actor: Actor, person_id: uuid.UUID | str, fields: Fields
) -> PriorAuthorization:
    """A payer's prior authorization on one of the person's coverages (number, codes,
    units or minutes, period, status)."""
    actor.require("coverage.manage")
    person = person_get(actor=actor, public_id=person_id)
    errors: Errors = {}
    coverage_id = str(fields.get("coverage_id") or "")
    coverage = (
        Coverage.objects.for_actor(actor).filter(person=person, public_id=coverage_id).first()
        if is_uuid(coverage_id)
        else None
    )
    if coverage is None:
        errors["coverage_id"] = [_("Choose one of this person's coverages.")]
    status = fields.get("status") or AuthorizationStatus.APPROVED
    if status not in AuthorizationStatus.values:
        errors["status"] = [_("Choose requested, approved or denied.")]
    number = clean_text(
        fields, "number", errors, limit=50, required=status == AuthorizationStatus.APPROVED
    )
    if number and not re.fullmatch(r"[A-Za-z0-9-]+", number):
        errors["number"] = [_("Use only letters, digits and hyphens, as the payer wrote it.")]
    codes = _authorization_codes(fields.get("codes"), errors)
    units = _whole(fields, "units", errors)
    minutes = _whole(fields, "minutes", errors)
    if units is None and minutes is None and "units" not in errors and "minutes" not in errors:
        errors["units"] = [_("Say how many units or minutes the payer authorized.")]
    start = _date(fields, "start_date", errors)
    end = _date(fields, "end_date", errors)
    if start and end and end < start:
        errors["end_date"] = [_("The end must be on or after the start.")]
    raise_if(errors)
    authorization = PriorAuthorization.objects.create(
        organization=actor.organization,
        person=person,
        coverage=cast(Coverage, coverage),  # checked above
        number=number,
        codes=codes,
        units=units,
        minutes=minutes,
        start_date=start,
        end_date=end,
        status=status,
    )
    audit_record(
        actor=actor,
        action="prior_authorization.record",
        obj=authorization,
        person_id=person.public_id,
    )
    return authorization


def _authorization_codes(value: Any, errors: Errors) -> list[str]:
    """Codes as a list or as text separated by commas or spaces, each a 5-character
    procedure code."""
    if value in (None, ""):
        return []
    items = re.split(r"[\s,]+", value) if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(item, str) for item in items):
        errors["codes"] = [_("List procedure codes, such as 98960, 98961.")]
        return []
    codes = [item.strip().upper() for item in items if item.strip()]
    wrong = [code for code in codes if not _CODE.match(code)]
    if wrong:
        errors["codes"] = [_("Not a procedure code: %(codes)s.") % {"codes": ", ".join(wrong[:5])}]
    return list(dict.fromkeys(codes))


def _whole(fields: Fields, name: str, errors: Errors) -> int | None:
    value = fields.get(name)
    if value in (None, ""):
        return None
    try:
        number = int(str(value))
    except ValueError:
        errors[name] = [_("Enter a whole number.")]
        return None
    if number <= 0:
        errors[name] = [_("Enter a number greater than zero.")]
        return None
    return number


@transaction.atomic
def coverage_end(
    *, actor: Actor, coverage_id: uuid.UUID | str, version: int | None, end_date: datetime.date
) -> Coverage:
    actor.require("coverage.manage")
    coverage = lock_for_update(
        Coverage, selectors.coverage_get(actor=actor, public_id=coverage_id).pk
    )
    check_version(coverage, version)
    if end_date < coverage.start_date:
        raise invalid({"end_date": [_("The end must be on or after the start.")]})
    coverage.end_date = end_date
    bump_version(coverage)
    coverage.save()
    audit_record(
        actor=actor, action="coverage.end", obj=coverage, person_id=coverage.person.public_id
    )
    return coverage


@transaction.atomic
def initiating_visit_record(
    *, actor: Actor, person_id: uuid.UUID | str, fields: Fields
) -> InitiatingVisit:
    """The billing practitioner's initiating visit that G0019/G0022-type codes need."""
    actor.require("coverage.manage")
    person = person_get(actor=actor, public_id=person_id)
    errors: Errors = {}
    day = _date(fields, "visit_date", errors)
    if day and day > timezone.localdate():
        errors["visit_date"] = [_("The date cannot be in the future.")]
    code = clean_text(fields, "code", errors, limit=5, required=True).upper()
    if code and code not in visit_codes.known():
        errors["code"] = [
            _(
                "%(code)s is not an evaluation and management, wellness or behavioral health "
                "visit code (such as 99214 or G0438)."
            )
            % {"code": code}
        ]
    name = clean_text(fields, "practitioner_name", errors, limit=200, required=True)
    npi = _npi(fields, "practitioner_npi", errors)
    raise_if(errors)
    visit = InitiatingVisit.objects.create(
        organization=actor.organization,
        person=person,
        visit_date=day,
        code=code,
        practitioner_name=name,
        practitioner_npi=npi,
    )
    audit_record(
        actor=actor, action="initiating_visit.record", obj=visit, person_id=person.public_id
    )
    return visit


@transaction.atomic
def provider_add(*, actor: Actor, fields: Fields) -> Provider:
    actor.require("billing.manage")
    errors: Errors = {}
    first = clean_text(fields, "first_name", errors, limit=60, required=True)
    last = clean_text(fields, "last_name", errors, limit=60, required=True)
    npi = _npi(fields, "npi", errors)
    if fields.get("role") not in ProviderRole.values:
        errors["role"] = [_("Choose rendering or supervising.")]
    raise_if(errors)
    provider = Provider.objects.create(
        organization=actor.organization,
        first_name=first,
        last_name=last,
        npi=npi,
        role=fields["role"],
    )
    audit_record(actor=actor, action="provider.add", obj=provider)
    return provider


PROFILE_FIELDS = {
    "fqhc_or_rhc",
    "taxonomy_code",
    "postal_code_9",
    "submitter_id",
    "contact_name",
    "contact_phone",
    "supervising_provider_id",
}


@transaction.atomic
def billing_profile_set(*, actor: Actor, fields: Fields) -> BillingProfile:
    actor.require("billing.manage")
    errors: Errors = {}
    unknown = set(fields) - PROFILE_FIELDS
    if unknown:
        errors["__all__"] = [_("Unknown fields: %(f)s.") % {"f": ", ".join(sorted(unknown))}]
    profile, _created = BillingProfile.objects.get_or_create(organization=actor.organization)
    taxonomy = str(fields.get("taxonomy_code", profile.taxonomy_code) or "").strip().upper()
    if taxonomy and not (len(taxonomy) == 10 and taxonomy[-1] == "X" and taxonomy[:-1].isalnum()):
        errors["taxonomy_code"] = [
            _("A taxonomy code has 10 characters and ends in X (e.g. 251S00000X).")
        ]
    zip9 = str(fields.get("postal_code_9", profile.postal_code_9) or "").replace("-", "")
    if zip9 and not (zip9.isdigit() and len(zip9) == 9):
        errors["postal_code_9"] = [_("Enter the 9-digit ZIP+4 of the billing address.")]
    phone = "".join(
        ch for ch in str(fields.get("contact_phone", profile.contact_phone) or "") if ch.isdigit()
    )
    if phone and len(phone) != 10:
        errors["contact_phone"] = [_("Enter a 10-digit phone number.")]
    supervising = profile.supervising_provider
    if "supervising_provider_id" in fields:
        value = fields["supervising_provider_id"]
        supervising = (
            Provider.objects.for_actor(actor).filter(public_id=value, role="supervising").first()
            if is_uuid(value)
            else None
        )
        if value and supervising is None:
            errors["supervising_provider_id"] = [_("Choose one of your supervising providers.")]
    raise_if(errors)
    profile.taxonomy_code, profile.postal_code_9, profile.contact_phone = taxonomy, zip9, phone
    profile.submitter_id = str(fields.get("submitter_id", profile.submitter_id) or "")[:15]
    profile.contact_name = str(fields.get("contact_name", profile.contact_name) or "")[:60]
    profile.supervising_provider = supervising
    if "fqhc_or_rhc" in fields:
        profile.fqhc_or_rhc = bool(fields["fqhc_or_rhc"])
    bump_version(profile)
    profile.save()
    audit_record(actor=actor, action="billing_profile.set", obj=profile)
    return profile


@transaction.atomic
def fee_set(*, actor: Actor, code: str, charge: Any) -> FeeScheduleEntry:
    actor.require("billing.manage")
    errors: Errors = {}
    code = (code or "").strip().upper()
    known = {c.code for r in rule_sets() for f in r.families for c in f.codes}
    if code not in known:
        errors["code"] = [_("Choose a code one of the rule sets uses.")]
    amount = _money(charge, "charge", errors)
    raise_if(errors)
    entry, _created = FeeScheduleEntry.objects.update_or_create(
        organization=actor.organization, code=code, defaults={"charge": amount}
    )
    audit_record(
        actor=actor, action="fee.set", obj=entry, detail={"code": code, "charge": str(amount)}
    )
    return entry


@transaction.atomic
def funding_source_create(*, actor: Actor, fields: Fields) -> FundingSource:
    """A grant, contract, pass-through grant or ACO agreement that pays for CHW work."""
    actor.require("billing.manage")
    errors: Errors = {}
    name = clean_text(fields, "name", errors, limit=120, required=True)
    funder = clean_text(fields, "funder", errors, limit=120, required=True)
    if fields.get("kind") not in FundingKind.values:
        errors["kind"] = [_("Choose grant, contract, pass-through grant or ACO agreement.")]
    start, end = _date(fields, "start_date", errors), _date(fields, "end_date", errors)
    if start and end and end < start:
        errors["end_date"] = [_("The end must be on or after the start.")]
    amount = _money(fields.get("amount"), "amount", errors)
    rate = _money(fields.get("hourly_rate"), "hourly_rate", errors)
    services = [str(s) for s in fields.get("services") or []]
    if set(services) - set(EncounterService.values):
        errors["services"] = [_("Choose services from the list.")]
    program_ids = [str(p) for p in fields.get("program_ids") or []]
    programs = list(
        Program.objects.for_actor(actor).filter(
            public_id__in=[p for p in program_ids if is_uuid(p)]
        )
    )
    if len(programs) != len(set(program_ids)):
        errors["program_ids"] = [_("Choose programs your organization runs.")]
    reporting = clean_text(fields, "reporting", errors, limit=2000, required=False)
    raise_if(errors)
    funding = FundingSource.objects.create(
        organization=actor.organization,
        name=name,
        funder=funder,
        kind=fields["kind"],
        start_date=start,
        end_date=end,
        amount=amount,
        hourly_rate=rate,
        services=services,
        reporting=reporting,
    )
    funding.programs.set(programs)
    audit_record(actor=actor, action="funding.create", obj=funding)
    return funding


# Batches and claims ---------------------------------------------------------------------


def _claim_readiness(actor: Actor) -> BillingProfile:
    """What every claim needs from the organization, checked before anything is written."""
    organization = actor.organization
    profile = BillingProfile.objects.filter(organization=organization).first()
    missing = []
    if not organization.npi:
        missing.append(_("the organization's NPI"))
    if not organization.tax_id:
        missing.append(_("the organization's tax ID (EIN)"))
    if not (organization.address_line1 and organization.city and organization.state):
        missing.append(_("the organization's address"))
    if profile is None or not profile.postal_code_9:
        missing.append(_("the ZIP+4 of the billing address"))
    if profile is None or not profile.submitter_id:
        missing.append(_("the submitter ID"))
    if missing:
        raise DomainError(
            "invalid",
            _("Claims cannot be made yet. Missing: %(missing)s.") % {"missing": "; ".join(missing)},
            {"billing_profile": [_("Complete the billing set-up.")]},
        )
    return cast(BillingProfile, profile)  # a missing profile is among the errors above


def _claim_number(batch: ClaimBatch, index: int) -> str:
    return f"P{batch.pk}-{index}"


CLAIMS_PER_WRITE = 500  # claims (of up to 50 lines each) inserted at a time


CLAIM_COLUMNS = [
    "public_id",
    "created_at",
    "updated_at",
    "version",
    "organization",
    "batch",
    "payer",
    "person",
    "coverage",
    "claim_number",
    "frequency",
    "replaces",
    "status",
    "status_reason",
    "rule_set_id",
    "rule_set_version",
    "diagnoses",
    "total_charge",
    "payer_claim_number",
]
LINE_COLUMNS = [
    "claim",
    "encounter",
    "person",
    "line_number",
    "code",
    "modifiers",
    "units",
    "minutes",
    "charge",
    "place_of_service",
    "date_of_service",
    "family",
    "is_current",
    "adjustments",
    "diagnosis_pointers",
    "time_from",
    "prior_authorization",
]
EVENT_COLUMNS = ["claim", "occurred_at", "user", "from_status", "to_status", "reason"]


# An 837P claim holds at most 50 service lines (loop 2400) and 12 diagnoses (HI); a line
# points to at most 4 of them (SV107).
MAX_CLAIM_LINES = 50
MAX_CLAIM_DIAGNOSES = 12
MAX_LINE_POINTERS = 4


@dataclass
class ClaimDraft:
    """One claim in the making: a person's billable visits under one coverage and rule set,
    each line with its own date of service and pointers into the claim's diagnoses."""

    rows: list[Evaluated] = field(default_factory=list)
    diagnoses: list[str] = field(default_factory=list)
    pointers: list[list[int]] = field(default_factory=list)  # per row
    line_count: int = 0

    def fits(self, row: Evaluated) -> bool:
        new_codes = [code for code in row.visit.diagnoses if code not in self.diagnoses]
        return (
            self.line_count + len(row.outcome.lines) <= MAX_CLAIM_LINES
            and len(self.diagnoses) + len(new_codes) <= MAX_CLAIM_DIAGNOSES
        )

    def add(self, row: Evaluated) -> None:
        for code in row.visit.diagnoses:
            if code not in self.diagnoses:
                self.diagnoses.append(code)
        pointers = [self.diagnoses.index(code) + 1 for code in row.visit.diagnoses]
        self.pointers.append(pointers[:MAX_LINE_POINTERS] or ([1] if self.diagnoses else []))
        self.rows.append(row)
        self.line_count += len(row.outcome.lines)


def _claim_key(row: Evaluated) -> tuple[int, int, str, str]:
    coverage = cast(CoverageFacts, row.coverage)  # billable rows have coverage and rules
    rules = cast(RuleSet, row.rules)
    return (row.visit.person, coverage.pk, rules.id, rules.version)


def claim_drafts(rows: Iterable[Evaluated]) -> Iterator[ClaimDraft]:
    """Billable rows (in person order) gathered into claims: one a person, coverage and rule
    set, and another only when the 837P's limits of lines or diagnoses would be passed.
    Fewer, fuller claims are what payers expect, and a batch of a million services stays
    about a claim a person."""
    draft, key = ClaimDraft(), None
    for row in rows:
        row_key = _claim_key(row)
        if draft.rows and (row_key != key or not draft.fits(row)):
            yield draft
            draft = ClaimDraft()
        key = row_key
        draft.add(row)
    if draft.rows:
        yield draft


def _save_claims(
    batch: ClaimBatch,
    drafts: list[ClaimDraft],
    first_number: int,
    frequency: str = "1",
    replaces: Claim | None = None,
) -> list[int]:
    """Claims, their lines and first history entries, inserted in bulk (a batch may hold a
    million lines); returns the claims' keys in order."""
    now = timezone.now()
    numbers = [_claim_number(batch, first_number + i) for i in range(len(drafts))]
    claim_rows = []
    for number, draft in zip(numbers, drafts, strict=True):
        first = draft.rows[0]
        coverage = cast(CoverageFacts, first.coverage)
        rules = cast(RuleSet, first.rules)
        claim_rows.append(
            (
                uuid.uuid4(),
                now,
                now,
                1,
                batch.organization_id,
                batch.pk,
                batch.payer_id,
                first.visit.person,
                coverage.pk,
                number,
                frequency,
                replaces.pk if replaces else None,
                ClaimStatus.GENERATED,
                "",
                rules.id,
                rules.version,
                draft.diagnoses,
                sum((sum(row.charges, Decimal(0)) for row in draft.rows), Decimal(0)),
                "",
            )
        )
    BulkInserter(Claim, CLAIM_COLUMNS).insert(claim_rows)
    claim_ids = _claim_keys(batch, numbers)
    BulkInserter(ClaimLine, LINE_COLUMNS).insert(
        line
        for claim_id, draft in zip(claim_ids, drafts, strict=True)
        for line in _lines(claim_id, draft)
    )
    user_id = batch.created_by_id
    BulkInserter(ClaimEvent, EVENT_COLUMNS).insert(
        (claim_id, now, user_id, "", ClaimStatus.GENERATED, "") for claim_id in claim_ids
    )
    return claim_ids


def _claim_keys(batch: ClaimBatch, numbers: list[str]) -> list[int]:
    """The keys of the batch's claims just inserted, in the order of their numbers (in plain
    SQL: the ORM spends longer preparing 500 parameters than the database finding them)."""
    table = connection.ops.quote_name(Claim._meta.db_table)
    marks = ", ".join(["%s"] * len(numbers))
    sql = f"SELECT claim_number, id FROM {table} WHERE batch_id = %s AND claim_number IN ({marks})"  # noqa: S608 - model name and placeholders
    with connection.cursor() as cursor:
        cursor.execute(sql, [batch.pk, *numbers])
        keys = dict(cursor.fetchall())
    return [keys[number] for number in numbers]


def _lines(claim_id: int, draft: ClaimDraft) -> Iterator[tuple[Any, ...]]:
    position = 0
    for row, pointers in zip(draft.rows, draft.pointers, strict=True):
        visit = row.visit
        time_from = [[pk, minutes, day.isoformat()] for pk, minutes, day in row.time_from]
        for line, charge in zip(row.outcome.lines, row.charges, strict=True):
            position += 1
            yield (
                claim_id,
                row.encounter_pk,
                visit.person,
                position,
                line.code,
                list(line.modifiers),
                line.units,
                visit.minutes,
                charge,
                visit.place_of_service,
                row.line_day or visit.day,
                row.outcome.family,
                True,
                [],
                pointers,
                time_from,
                row.outcome.authorization,
            )
            time_from = []  # on the first line only: the month's time is counted once


def _check_year(start: datetime.date, end: datetime.date) -> None:
    """Billing periods (batches, grant charging) span at most a year."""
    if end < start or (end - start).days > 366:
        raise invalid({"end": [_("Choose a period of at most a year, ending after it starts.")]})


def _check_period(start: datetime.date, end: datetime.date) -> None:
    """A batch's period: at most a year, and over (services not yet delivered are not billed)."""
    _check_year(start, end)
    if end > timezone.localdate():
        raise invalid({"end": [_("The period cannot end in the future.")]})


@transaction.atomic
def batch_generate(
    *, actor: Actor, payer_id: uuid.UUID | str, start: datetime.date, end: datetime.date
) -> ClaimBatch:
    """Claims for every encounter of the period ready to bill to the payer, generated now
    (pages and the API queue the work with batch_request instead). Two people generating at
    once wait for each other (the payer row is locked), and the claim lines' unique index
    refuses a second claim of the same service whatever happens."""
    actor.require("billing.manage")
    batch = _new_batch(actor, payer_id, start, end, BatchStatus.GENERATED)
    count = _fill(batch, batch.payer)
    audit_record(actor=actor, action="batch.generate", obj=batch, detail={"claims": count})
    return batch


def _new_batch(
    actor: Actor, payer_id: uuid.UUID | str, start: datetime.date, end: datetime.date, status: str
) -> ClaimBatch:
    """The batch row, once the payer (locked), the period and the billing set-up pass; a
    payer has one queued batch at a time."""
    payer = lock_for_update(Payer, selectors.payer_get(actor=actor, public_id=payer_id).pk)
    _check_period(start, end)
    _claim_readiness(actor)
    if (
        status == BatchStatus.QUEUED
        and ClaimBatch.objects.filter(payer=payer, status=BatchStatus.QUEUED).exists()
    ):
        raise DomainError(
            "conflict",
            _("A batch for %(payer)s is being generated: wait for it to finish.")
            % {"payer": payer.name},
        )
    return ClaimBatch.objects.create(
        organization=actor.organization,
        payer=payer,
        period_start=start,
        period_end=end,
        created_by=actor.user,
        status=status,
    )


def _fill(
    batch: ClaimBatch, payer: Payer, progress: Callable[[str, int, int], None] | None = None
) -> int:
    """Write the batch's claims (the payer row is locked by the caller); return how many.
    Nothing to bill, or a service claimed meanwhile by another batch, is refused."""
    count = 0
    pending: list[ClaimDraft] = []
    try:
        with transaction.atomic(), collector_paused():
            billable = (
                row
                for row in evaluate_period(
                    batch.organization,
                    batch.period_start,
                    batch.period_end,
                    payer=payer,
                    progress=progress,
                    explain=False,  # only billable rows become claims
                )
                if row.billable
            )
            for draft in claim_drafts(billable):
                pending.append(draft)
                if len(pending) == CLAIMS_PER_WRITE:
                    _save_claims(batch, pending, first_number=count + 1)
                    count, pending = count + len(pending), []
            if pending:
                _save_claims(batch, pending, first_number=count + 1)
                count += len(pending)
    except IntegrityError:
        raise DomainError(
            "conflict",
            _("Some of these encounters were just claimed in another batch. Generate again."),
        ) from None
    if not count:
        raise DomainError(
            "invalid",
            _("Nothing in this period is ready to bill to %(payer)s.") % {"payer": payer.name},
        )
    return count


def batch_request(
    *, actor: Actor, payer_id: uuid.UUID | str, start: datetime.date, end: datetime.date
) -> ClaimBatch:
    """Queue a batch: everything that can be checked at once is (the payer, the period, the
    billing set-up), then a background task generates it — a year of a large program's
    work takes minutes. The batch says "being generated" until the task is done."""
    actor.require("billing.manage")
    jobs_reap()  # a batch whose worker died must not hold the payer's next one
    with transaction.atomic():
        batch = _new_batch(actor, payer_id, start, end, BatchStatus.QUEUED)
        audit_record(actor=actor, action="batch.request", obj=batch)
        transaction.on_commit(lambda: _enqueue_generation(batch.pk))
    return batch


def _enqueue_generation(batch_pk: int) -> None:
    from puentes.billing.tasks import generate_batch

    generate_batch.enqueue(batch_pk)


def _batch_language(batch: ClaimBatch) -> str:
    creator = batch.created_by
    return creator.language if creator else settings.LANGUAGE_CODE


BATCH_JOB = JobKind(
    name="claim batch",
    model=ClaimBatch,
    waiting=(BatchStatus.QUEUED,),
    failed=BatchStatus.FAILED,
    reason_field="status_reason",
    enqueue=lambda pk: _enqueue_generation(pk),
    language=_batch_language,
)


def batch_generate_run(batch_pk: int) -> ClaimBatch:
    """The background task's work: lease the queued batch and generate it, all or nothing.
    When nothing is ready to bill (or another batch claimed it first) the batch ends as not
    generated, saying why in its creator's language; a crash or a dead worker ends it
    through core.jobs, so it never stays queued and holds the payer's next batch."""
    job_run(BATCH_JOB, batch_pk, lambda owner: _generate(batch_pk, owner))
    return ClaimBatch.objects.get(pk=batch_pk)


def _generate(batch_pk: int, owner: str) -> None:
    batch = ClaimBatch.objects.select_related("organization", "payer", "created_by").get(
        pk=batch_pk
    )
    progress = Progress(selectors.batch_progress_key(batch))
    with translation.override(_batch_language(batch)):
        try:
            with transaction.atomic():
                lock_for_update(Payer, batch.payer_id)
                count = _fill(batch, batch.payer, progress)
                _finish_batch(batch, owner, BatchStatus.GENERATED, "")
        except DomainError as refusal:
            count = 0
            with transaction.atomic():
                _finish_batch(batch, owner, BatchStatus.FAILED, str(refusal.message))
        finally:
            progress.clear()
    actor = Actor(organization=batch.organization, role="billing", user=batch.created_by)
    audit_record(actor=actor, action="batch.generate", obj=batch, detail={"claims": count})


def _finish_batch(batch: ClaimBatch, owner: str, status: str, reason: str) -> None:
    """The batch's last write, only while this worker holds its lease (JobLost otherwise:
    the batch was cancelled or given up on meanwhile, and its claims roll back)."""
    job_finish(
        BATCH_JOB,
        batch.pk,
        owner,
        status=status,
        status_reason=reason[:500],
        version=F("version") + 1,
        updated_at=timezone.now(),
    )
    batch.status, batch.status_reason = status, reason[:500]


def batch_settle(batch: ClaimBatch) -> ClaimBatch:
    """The batch as its page should show it: if its worker died, ended now (core.jobs)."""
    return cast("ClaimBatch", job_settle(BATCH_JOB, batch))


def batch_cancel(*, actor: Actor, batch_id: uuid.UUID | str) -> ClaimBatch:
    """End a batch still being generated (its worker stuck or gone): it becomes not
    generated, saying who cancelled it, and the payer's next batch can be requested."""
    actor.require("billing.manage")
    batch = selectors.batch_get(actor=actor, public_id=batch_id)
    ended = _("This batch is not being generated any more.")
    return cast(
        "ClaimBatch",
        job_cancel_by(BATCH_JOB, batch, actor=actor, ended=ended, action="batch.cancel"),
    )


def _move_claims(batch: ClaimBatch, to_status: str, user: Any, reason: str = "") -> None:
    """Every standing claim of the batch moves, each with a history entry: two set-based
    statements, since a batch may hold a hundred thousand claims."""
    standing = batch.claims.exclude(status__in=[ClaimStatus.REPLACED, ClaimStatus.VOIDED])
    now = timezone.now()
    events, claims = ClaimEvent._meta.db_table, Claim._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {events} (claim_id, occurred_at, user_id, from_status, to_status, "  # noqa: S608 - model names
            f"reason) SELECT id, %s, %s, status, %s, %s FROM {claims} "
            "WHERE batch_id = %s AND status NOT IN (%s, %s)",
            [
                now,
                user.pk if user else None,
                to_status,
                reason,
                batch.pk,
                ClaimStatus.REPLACED,
                ClaimStatus.VOIDED,
            ],
        )
    standing.update(
        status=to_status, status_reason=reason, version=F("version") + 1, updated_at=now
    )


BATCH_MOVES: dict[str, set[str]] = {
    BatchStatus.APPROVED: {BatchStatus.GENERATED},
    BatchStatus.SUBMITTED: {BatchStatus.APPROVED},
    BatchStatus.ACCEPTED: {BatchStatus.SUBMITTED},
    BatchStatus.REJECTED: {BatchStatus.SUBMITTED},
}


@transaction.atomic
def batch_move(
    *, actor: Actor, batch_id: uuid.UUID | str, version: int | None, status: str, reason: str = ""
) -> ClaimBatch:
    """generated → approved → submitted → accepted or rejected (by the clearinghouse, with a
    reason). Approving twice, or any other move out of turn, is refused. A rejected batch's
    claims no longer stand: their encounters can be billed again."""
    actor.require("billing.manage")
    batch = lock_for_update(ClaimBatch, selectors.batch_get(actor=actor, public_id=batch_id).pk)
    check_version(batch, version)
    if status not in BATCH_MOVES:
        raise invalid({"status": [_("Choose approved, submitted, accepted or rejected.")]})
    if batch.status not in BATCH_MOVES[status]:
        raise DomainError(
            "conflict",
            _("This batch is %(current)s: it cannot become %(status)s.")
            % {"current": batch.get_status_display(), "status": BatchStatus(status).label},
        )
    reason = (reason or "").strip()[:500]
    if status == BatchStatus.REJECTED and not reason:
        raise invalid({"reason": [_("Say why the batch was rejected.")]})
    batch.status, batch.status_reason = status, reason
    if status == BatchStatus.APPROVED:
        batch.approved_by, batch.approved_at = actor.user, timezone.now()
    if status == BatchStatus.SUBMITTED:
        batch.submitted_at = timezone.now()
        batch.control_number = (
            ClaimBatch.objects.for_actor(actor).aggregate(n=Max("control_number"))["n"] or 0
        ) + 1
    claim_status = {
        "submitted": ClaimStatus.SUBMITTED,
        "accepted": ClaimStatus.ACCEPTED,
        "rejected": ClaimStatus.REJECTED,
    }.get(status)
    if claim_status:
        _move_claims(batch, claim_status, actor.user, reason)
    if status == BatchStatus.REJECTED:
        ClaimLine.objects.filter(claim__batch=batch).update(is_current=False)
    bump_version(batch)
    batch.save()
    audit_record(actor=actor, action="batch.status", obj=batch, detail={"status": status})
    return batch


def _standing(claim: Claim) -> None:
    """Refuse, saying why, to correct or void a claim that is not correctable."""
    if claim.correctable:
        return
    if claim.status in (ClaimStatus.REPLACED, ClaimStatus.VOIDED, ClaimStatus.REJECTED):
        raise DomainError(
            "conflict",
            _("This claim no longer stands (it is %(status)s).")
            % {"status": claim.get_status_display()},
        )
    if claim.frequency == Frequency.VOID:
        raise DomainError("conflict", _("A void cannot be corrected or voided."))
    if claim.status == ClaimStatus.GENERATED:
        raise DomainError(
            "invalid",
            _("This claim has not been submitted: reject its batch or wait until it is sent."),
        )


def _follow_up_batch(actor: Actor, claim: Claim) -> ClaimBatch:
    days = list(claim.lines.values_list("date_of_service", flat=True))
    return ClaimBatch.objects.create(
        organization=actor.organization,
        payer=claim.payer,
        period_start=min(days),
        period_end=max(days),
        created_by=actor.user,
    )


def _close_claim(claim: Claim, status: str, user: Any, reason: str) -> None:
    ClaimEvent.objects.create(
        claim=claim, user=user, from_status=claim.status, to_status=status, reason=reason
    )
    claim.status, claim.status_reason = status, reason
    bump_version(claim)
    claim.save()
    claim.lines.update(is_current=False)


@transaction.atomic
def claim_void(
    *, actor: Actor, claim_id: uuid.UUID | str, version: int | None, reason: str
) -> Claim:
    """Send a void (frequency 8) of a submitted claim, in a new batch. Its encounters can
    then be billed again."""
    actor.require("billing.manage")
    claim = lock_for_update(Claim, selectors.claim_get(actor=actor, public_id=claim_id).pk)
    check_version(claim, version)
    _standing(claim)
    if not (reason or "").strip():
        raise invalid({"reason": [_("Say why the claim is voided.")]})
    batch = _follow_up_batch(actor, claim)
    void = Claim.objects.create(
        organization=claim.organization,
        batch=batch,
        payer=claim.payer,
        person=claim.person,
        coverage=claim.coverage,
        claim_number=f"V{claim.claim_number}",
        frequency=Frequency.VOID,
        replaces=claim,
        rule_set_id=claim.rule_set_id,
        rule_set_version=claim.rule_set_version,
        diagnoses=claim.diagnoses,
        total_charge=claim.total_charge,
    )
    for line in claim.lines.all():
        line.pk, line.claim, line.is_current = None, void, False
        line.save()
    ClaimEvent.objects.create(claim=void, user=actor.user, to_status=void.status, reason=reason)
    _close_claim(claim, ClaimStatus.VOIDED, actor.user, reason.strip())
    audit_record(actor=actor, action="claim.void", obj=claim, person_id=claim.person.public_id)
    return void


@transaction.atomic
def claim_correct(
    *, actor: Actor, claim_id: uuid.UUID | str, version: int | None, reason: str
) -> Claim:
    """A corrected claim (frequency 7) replacing a submitted one, from the encounters as
    they are documented now (an amended encounter's amendment), in a new batch."""
    actor.require("billing.manage")
    claim = lock_for_update(Claim, selectors.claim_get(actor=actor, public_id=claim_id).pk)
    check_version(claim, version)
    _standing(claim)
    if not (reason or "").strip():
        raise invalid({"reason": [_("Say what the correction changes.")]})
    encounters: set[int] = set()
    for encounter, time_from in claim.lines.values_list("encounter_id", "time_from"):
        encounters.add(encounter)
        encounters.update(earlier for earlier, _minutes, _day in time_from)
    amended = dict(
        Encounter.objects.filter(amends_id__in=encounters).values_list("amends_id", "pk")
    )
    wanted = {amended.get(pk, pk) for pk in encounters}
    _close_claim(claim, ClaimStatus.REPLACED, actor.user, reason.strip())
    days = list(Encounter.objects.filter(pk__in=wanted).values_list("occurred_on", flat=True))
    rows = [
        row
        for row in evaluate_period(
            actor.organization, min(days), max(days), payer=claim.payer, people=[claim.person_id]
        )
        if row.encounter_pk in wanted and not row.waiting
    ]
    problems = [p.reason for row in rows for p in row.outcome.problems]
    if not rows or problems:
        raise DomainError(
            "invalid",
            _("The corrected claim would not be billable: %(why)s")
            % {"why": " ".join(problems) or _("nothing to bill")},
        )
    batch = _follow_up_batch(actor, claim)
    drafts = list(claim_drafts(rows))
    first = _save_claims(
        batch, drafts, first_number=1, frequency=Frequency.CORRECTED, replaces=claim
    )[0]
    corrected = Claim.objects.get(pk=first)
    audit_record(actor=actor, action="claim.correct", obj=claim, person_id=claim.person.public_id)
    return corrected


# Remittances ----------------------------------------------------------------------------


REMITTANCE_MAX_BYTES = 20 * 1024 * 1024


@transaction.atomic
def remittance_import(*, actor: Actor, file_name: str, content: bytes) -> Remittance:
    """Post an X12 835: payments, adjustments and denials to claims and lines. A file that is
    malformed, or names a claim this organization did not send, is refused whole."""
    actor.require("billing.manage")
    if len(content) > REMITTANCE_MAX_BYTES:
        raise invalid({"file": [_("The file is larger than 20 MB.")]})
    try:
        doc = read_835(content.decode("ascii"))
    except UnicodeDecodeError:
        raise invalid({"file": [_("An 835 file is plain ASCII text.")]}) from None
    except RemittanceFormatError as error:
        raise invalid(
            {"file": [_("This is not a readable 835 remittance: %(why)s") % {"why": error}]}
        ) from None
    numbers = [c.claim_number for c in doc.claims]
    claims = {
        c.claim_number: c for c in Claim.objects.for_actor(actor).filter(claim_number__in=numbers)
    }
    unknown = sorted(set(numbers) - set(claims))
    if unknown:
        raise invalid(
            {
                "file": [
                    _("These claims are not yours or do not exist: %(list)s.")
                    % {"list": ", ".join(unknown[:20])}
                ]
            }
        )
    if not doc.claims:
        raise invalid({"file": [_("The remittance holds no claims.")]})
    remittance = Remittance.objects.create(
        organization=actor.organization,
        payer=next(iter(claims.values())).payer,
        file_name=file_name[:200],
        trace_number=doc.trace_number[:50],
        payment_date=doc.payment_date,
        total_paid=doc.total_paid,
        claims_posted=len(doc.claims),
        uploaded_by=actor.user,
    )
    for payment in doc.claims:
        _post(claims[payment.claim_number], payment, actor.user, remittance)
    audit_record(
        actor=actor, action="remittance.import", obj=remittance, detail={"claims": len(doc.claims)}
    )
    return remittance


def _post(claim: Claim, payment: Any, user: Any, remittance: Remittance) -> None:
    status = ClaimStatus.DENIED if payment.denied else ClaimStatus.PAID
    if payment.reversal:
        status = ClaimStatus.ACCEPTED
    reasons = ", ".join(f"{a['group']}-{a['reason']}" for a in payment.adjustments)
    ClaimEvent.objects.create(
        claim=claim,
        user=user,
        from_status=claim.status,
        to_status=status,
        reason=_("Remittance %(trace)s: paid %(paid)s")
        % {"trace": remittance.trace_number, "paid": payment.paid}
        + (f" ({reasons})" if reasons else ""),
    )
    claim.status = status
    claim.paid_amount = Decimal(0) if payment.reversal else payment.paid
    claim.payer_claim_number = payment.payer_claim_number[:50]
    bump_version(claim)
    claim.save()
    unposted = list(claim.lines.order_by("line_number"))
    for service in payment.services:
        line = _line_paid_by(unposted, service)
        if line is None:
            continue
        unposted.remove(line)
        line.paid_amount = service.paid
        line.adjustments = service.adjustments
        line.save(update_fields=["paid_amount", "adjustments"])


def _line_paid_by(lines: list[ClaimLine], service: Any) -> ClaimLine | None:
    """The claim's line an 835 service payment (SVC) speaks of: the same code, on the same
    date when the payer gives it, in line order (payers may reorder or leave out lines)."""
    return next(
        (
            line
            for line in lines
            if line.code == service.code
            and (service.day is None or line.date_of_service == service.day)
        ),
        None,
    )


# Grants ------------------------------------------------------------------------------------


def _fits(
    funding: FundingSource, program_ids: set[int], row: Evaluated, program_id: int | None
) -> bool:
    """Whether a funding source may pay for the row's work: in its period, in a program it
    pays for (if it names any; ``program_id`` is the encounter's), for a service it pays for."""
    day = row.visit.day
    if not funding.start_date <= day <= funding.end_date:
        return False
    if program_ids and program_id not in program_ids:
        return False
    return not funding.services or not row.visit.services.isdisjoint(funding.services)


GRANT_ROWS_AT_ONCE = 2000


@transaction.atomic
def grants_charge(*, actor: Actor, start: datetime.date, end: datetime.date) -> dict[str, int]:
    """Charge the period's work that no payer will pay (not billable, or denied) to a grant
    that allows it and has money left; say how much was charged and what found no grant.
    The work is streamed a few thousand rows at a time and the charges written in bulk, so
    a year of a large program's work fits in memory."""
    actor.require("billing.manage")
    _check_year(start, end)
    fundings = list(
        FundingSource.objects.for_actor(actor)
        .filter(start_date__lte=end, end_date__gte=start)
        .order_by("end_date", "id")
    )
    programs = {f.pk: set(f.programs.values_list("pk", flat=True)) for f in fundings}
    used = {f.pk: (f.charges.aggregate(s=Sum("amount"))["s"] or Decimal(0)) for f in fundings}
    counts = {"charged": 0, "no_grant": 0}
    unpaid = itertools.chain(
        (r for r in evaluate_period(actor.organization, start, end) if not r.billable),
        _denied_rows(actor, start, end),
    )
    while rows := list(itertools.islice(unpaid, GRANT_ROWS_AT_ONCE)):
        program_of = dict(
            Encounter.objects.filter(pk__in={r.encounter_pk for r in rows}).values_list(
                "pk", "enrollment__program_id"
            )
        )
        charges = []
        for row in rows:
            funding = next(
                (
                    f
                    for f in fundings
                    if _fits(f, programs[f.pk], row, program_of.get(row.encounter_pk))
                    and used[f.pk] + _cost(row.visit.minutes, f) <= f.amount
                ),
                None,
            )
            if funding is None:
                counts["no_grant"] += 1
                continue
            charge = _cost(row.visit.minutes, funding)
            reason = (
                row.outcome.problems[0].reason if row.outcome.problems else _("Denied by the payer")
            )
            charges.append(
                GrantCharge(
                    funding_source=funding,
                    encounter_id=row.encounter_pk,
                    person_id=row.visit.person,
                    minutes=row.visit.minutes,
                    amount=charge,
                    reason=reason[:500],
                )
            )
            used[funding.pk] += charge
        GrantCharge.objects.bulk_create(charges, batch_size=500)
        counts["charged"] += len(charges)
    audit_record(actor=actor, action="grants.charge", obj=None, detail=counts)
    return counts


def _cost(minutes: int, funding: FundingSource) -> Decimal:
    return (Decimal(minutes) / 60 * funding.hourly_rate).quantize(Decimal("0.01"))


def _denied_rows(actor: Actor, start: datetime.date, end: datetime.date) -> Iterable[Evaluated]:
    """Denied claim lines of the period not yet charged, as rows a grant can take."""
    lines = (
        ClaimLine.objects.for_actor(actor)
        .filter(
            claim__status=ClaimStatus.DENIED,
            is_current=True,
            date_of_service__gte=start,
            date_of_service__lte=end,
        )
        .exclude(  # charged already: this person's share (each participant has their own)
            Exists(
                GrantCharge.objects.filter(
                    encounter_id=OuterRef("encounter_id"), person_id=OuterRef("person_id")
                )
            )
        )
        .select_related("encounter")
    )
    seen = set()
    for line in lines.iterator(chunk_size=GRANT_ROWS_AT_ONCE):
        if (line.encounter_id, line.person_id) in seen:
            continue
        seen.add((line.encounter_id, line.person_id))
        encounter = line.encounter
        visit = Visit(
            key=line.encounter_id,
            person=line.person_id,
            day=line.date_of_service,
            minutes=line.minutes,
            participants=encounter.group_size,
            services=frozenset(encounter.services),
            place_of_service=line.place_of_service,
            worker_type="",
            diagnoses=(),
        )
        outcome = Outcome(problems=[Problem(_("Denied by the payer"), "")])
        yield Evaluated(visit, line.encounter_id, None, None, None, outcome, [])
