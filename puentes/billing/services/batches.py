"""Claim batches: generation (queued, leased, bulk-written), cancelling and moves. A claim's
own corrections and voids are in claims.py."""

import datetime
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, cast

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.db.models import F, Max
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from puentes.billing import selectors
from puentes.billing.models import (
    BatchStatus,
    BillingProfile,
    Claim,
    ClaimBatch,
    ClaimEvent,
    ClaimLine,
    ClaimStatus,
    Payer,
)
from puentes.billing.rulesets import RuleSet
from puentes.billing.runs import CoverageFacts, Evaluated, evaluate_period
from puentes.core.actor import Actor
from puentes.core.audit import audit_record
from puentes.core.bulk import BulkInserter
from puentes.core.collection import collector_paused
from puentes.core.concurrency import bump_version, check_version, lock_for_update
from puentes.core.errors import DomainError, invalid
from puentes.core.inputs import Errors, model_text, raise_if
from puentes.core.jobs import JobKind, job_cancel_by, job_finish, job_run, job_settle, jobs_reap
from puentes.core.progress import Progress


def _claim_readiness(actor: Actor) -> BillingProfile:
    """What every claim needs from the organization, checked before anything is written."""
    organization = actor.organization
    profile = BillingProfile.objects.for_organization(organization).first()
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


def _check_reason(reason: str) -> None:
    """A reason someone typed is kept whole or refused, never cut short."""
    errors: Errors = {}
    model_text(ClaimEvent, {"reason": reason}, "reason", errors)
    raise_if(errors)


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
    reason = (reason or "").strip()
    _check_reason(reason)
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
