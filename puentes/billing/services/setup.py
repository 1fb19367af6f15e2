"""Billing set-up: payers, coverage and the prerequisites payers name, providers, the fee
schedule, funding sources."""

import datetime
import re
import uuid
from decimal import Decimal
from typing import Any, cast

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from puentes.billing import selectors, visit_codes
from puentes.billing.models import (
    AuthorizationStatus,
    BillingProfile,
    ConsentMethod,
    Coverage,
    CoveragePriority,
    FeeScheduleEntry,
    FilingIndicator,
    FundingKind,
    FundingSource,
    InitiatingVisit,
    Payer,
    PriorAuthorization,
    Provider,
    ProviderRole,
    SeriousCondition,
    ServiceConsent,
    SubAward,
)
from puentes.billing.rulesets import rule_set_ids, rule_sets
from puentes.billing.services._common import _date, _money, _npi, _period
from puentes.care.models import EncounterService
from puentes.care.selectors import program_list
from puentes.core import icd10cm
from puentes.core.actor import Actor
from puentes.core.audit import audit_record
from puentes.core.concurrency import bump_version, check_version, lock_for_update
from puentes.core.errors import DomainError, invalid
from puentes.core.inputs import Errors, Fields, is_uuid, model_text, raise_if
from puentes.network.models import User
from puentes.people.selectors import person_get


@transaction.atomic
def payer_create(*, actor: Actor, fields: Fields) -> Payer:
    actor.require("billing.manage")
    errors: Errors = {}
    name = model_text(Payer, fields, "name", errors, required=True)
    identifier = model_text(Payer, fields, "payer_identifier", errors, required=True)
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
    member_id = model_text(Coverage, fields, "member_id", errors, required=True)
    plan = model_text(Coverage, fields, "plan_name", errors)
    start, end = _period(fields, errors, end_required=False)
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
    name = model_text(ServiceConsent, fields, "practitioner_name", errors, required=True)
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
    code = model_text(SeriousCondition, fields, "diagnosis_code", errors, required=True).upper()
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
    name = model_text(SeriousCondition, fields, "practitioner_name", errors, required=True)
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
    number = model_text(
        PriorAuthorization,
        fields,
        "number",
        errors,
        required=status == AuthorizationStatus.APPROVED,
    )
    if number and not re.fullmatch(r"[A-Za-z0-9-]+", number):
        errors["number"] = [_("Use only letters, digits and hyphens, as the payer wrote it.")]
    codes = _authorization_codes(fields.get("codes"), errors)
    units = _whole(fields, "units", errors)
    minutes = _whole(fields, "minutes", errors)
    if units is None and minutes is None and "units" not in errors and "minutes" not in errors:
        errors["units"] = [_("Say how many units or minutes the payer authorized.")]
    start, end = _period(fields, errors)
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
    code = model_text(InitiatingVisit, fields, "code", errors, required=True).upper()
    if code and code not in visit_codes.known():
        errors["code"] = [
            _(
                "%(code)s is not an evaluation and management, wellness or behavioral health "
                "visit code (such as 99214 or G0438)."
            )
            % {"code": code}
        ]
    name = model_text(InitiatingVisit, fields, "practitioner_name", errors, required=True)
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
    first = model_text(Provider, fields, "first_name", errors, required=True)
    last = model_text(Provider, fields, "last_name", errors, required=True)
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
    texts = {
        name: model_text(
            BillingProfile, {name: fields.get(name, getattr(profile, name))}, name, errors
        )
        for name in ("submitter_id", "contact_name")
    }
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
    profile.submitter_id, profile.contact_name = texts["submitter_id"], texts["contact_name"]
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
    name = model_text(FundingSource, fields, "name", errors, required=True)
    funder = model_text(FundingSource, fields, "funder", errors, required=True)
    if fields.get("kind") not in FundingKind.values:
        errors["kind"] = [_("Choose grant, contract, pass-through grant or ACO agreement.")]
    start, end = _period(fields, errors)
    amount = _money(fields.get("amount"), "amount", errors)
    rate = _money(fields.get("hourly_rate"), "hourly_rate", errors)
    services = [str(s) for s in fields.get("services") or []]
    if set(services) - set(EncounterService.values):
        errors["services"] = [_("Choose services from the list.")]
    program_ids = [str(p) for p in fields.get("program_ids") or []]
    programs = list(
        program_list(actor=actor).filter(public_id__in=[p for p in program_ids if is_uuid(p)])
    )
    if len(programs) != len(set(program_ids)):
        errors["program_ids"] = [_("Choose programs your organization runs.")]
    reporting = model_text(FundingSource, fields, "reporting", errors)
    sub_award = _sub_award(actor, fields, start, end, amount, errors)
    raise_if(errors)
    funding = FundingSource.objects.create(
        sub_award=sub_award,
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


def _sub_award(
    actor: Actor, fields: Fields, start: Any, end: Any, amount: Decimal, errors: Errors
) -> SubAward | None:
    """The intermediary's sub-award a member's funding draws on (its own, within its
    period and amount), when the funding names one."""
    wanted = fields.get("sub_award_id")
    if not wanted:
        return None
    received = selectors.sub_awards_received(actor=actor)
    sub_award = received.filter(public_id=wanted).first() if is_uuid(wanted) else None
    if sub_award is None:
        errors["sub_award_id"] = [_("Choose a sub-award made to your organization.")]
        return None
    if amount > sub_award.amount:
        errors["amount"] = [
            _("More than the sub-award's %(amount)s.") % {"amount": sub_award.amount}
        ]
    if start and end and (start < sub_award.start_date or end > sub_award.end_date):
        errors["end_date"] = [
            _("Within the sub-award's period, %(start)s to %(end)s.")
            % {"start": sub_award.start_date.isoformat(), "end": sub_award.end_date.isoformat()}
        ]
    return sub_award
