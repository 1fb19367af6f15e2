"""Writes to the directory."""

import tempfile
import uuid
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, cast

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from puentes.core.actor import Actor
from puentes.core.audit import audit_record
from puentes.core.concurrency import bump_version, check_version, lock_for_update
from puentes.core.errors import DomainError, invalid
from puentes.core.inputs import Errors, max_length, model_text, raise_if
from puentes.core.jobs import JobKind, job_cancel_by, job_finish, job_run, job_settle
from puentes.core.progress import Progress
from puentes.core.services import apply_fields, validate
from puentes.directory import models as m
from puentes.directory import search_index, selectors
from puentes.directory.importing.loader import (
    ImportFailed,
    ImportReport,
    TooManyDeactivated,
    load,
)
from puentes.directory.importing.readers import read
from puentes.directory.importing.rows import Rejection
from puentes.directory.importing.uploads import UploadUnreadable, progress_key, unpack_upload
from puentes.directory.models import Organization as DirectoryOrganization
from puentes.network.models import Organization as NetworkOrganization


def directory_import(
    *,
    path: Path,
    source: str,
    skip_invalid: bool = False,
    full: bool = True,
    updated_by: str = "",
    progress: Callable[[str, int, int], None] | None = None,
    allow_deactivate: bool = False,
    dry_run: bool = False,
) -> ImportReport:
    """Import an HSDS 3.0 JSON file or tabular package, or a legacy 1.x/2.x package.

    Raises ImportFailed (listing every problem, or saying no rows were found) and writes
    nothing, unless ``skip_invalid``; TooManyDeactivated when a full import would mark too
    much of the source inactive, unless ``allow_deactivate``. ``dry_run`` reports what would
    happen and writes nothing. The search rows are rebuilt afterwards.
    """
    report = load(
        read(path),
        source=source,
        skip_invalid=skip_invalid,
        full=full,
        updated_by=updated_by,
        progress=progress,
        allow_deactivate=allow_deactivate,
        dry_run=dry_run,
    )
    if not dry_run:
        search_index.rebuild(progress=progress)
    return report


def directory_search_index_rebuild() -> int:
    """Rebuild the search rows after the directory changed (an import, an edit)."""
    return search_index.rebuild()


def directory_organization_link(
    *, listing: DirectoryOrganization, organization: NetworkOrganization | None
) -> DirectoryOrganization:
    """Say which network organization maintains a directory organization's listings (and,
    with referrals, receives referrals for them); None unlinks it."""
    listing.network_organization = organization
    listing.save(update_fields=["network_organization", "updated_at"])
    return listing


# Listing maintenance ------------------------------------------------------------------


def _change_log(
    actor: Actor, record: Any, table: str, changes: dict[str, tuple[Any, Any]], action: str
) -> None:
    """Record each changed field in HSDS metadata (which the HSDS API and export publish)."""
    now = timezone.now()
    m.Metadata.objects.bulk_create(
        m.Metadata(
            id=uuid.uuid4(),
            resource_id=record.pk,
            resource_type=table,
            last_action_date=now.date().isoformat(),
            last_action_type=action,
            field_name=name,
            previous_value="" if before is None else str(before)[:2000],
            replacement_value="" if after is None else str(after)[:2000],
            updated_by=actor.label[:200],
            source="puentes",
        )
        for name, (before, after) in changes.items()
    )


def _listing_ids(service: m.Service) -> list[Any]:
    return list(service.service_at_locations.values_list("id", flat=True))


@transaction.atomic
def service_update(
    *, actor: Actor, service_id: uuid.UUID, version: int | None, fields: Mapping[str, Any]
) -> m.Service:
    """Edit a service's own HSDS fields (and its first phone number)."""
    service = lock_for_update(m.Service, selectors.service_get(service_id).pk)
    selectors.maintainer_check(actor, service)
    check_version(service, version)
    fields = dict(fields)
    phone = fields.pop("phone", None)
    before = {name: getattr(service, name) for name in fields}
    changed = apply_fields(service, fields, m.SERVICE_EDITABLE)
    validate(service, exclude=["organization", "program", "verified_by"])
    changes = {name: (before[name], getattr(service, name)) for name in changed}
    if phone is not None:
        changes.update(_set_first_phone(service, phone.strip()))
    if changes:
        bump_version(service)
        service.last_modified = timezone.now()
        service.save()
        _change_log(actor, service, "service", changes, "update")
        audit_record(
            actor=actor, action="directory.service.update", obj=service,
            detail={"fields": sorted(changes)},
        )  # fmt: skip
        search_index.refresh(_listing_ids(service))
    return service


def _set_first_phone(service: m.Service, number: str) -> dict[str, tuple[Any, Any]]:
    errors: Errors = {}
    model_text(m.Phone, {"phone": number}, "phone", errors, field="number")
    raise_if(errors)
    current = selectors.first_phone(service)
    previous = current.number if current else ""
    if number == previous:
        return {}
    if current is None:
        m.Phone.objects.create(id=uuid.uuid4(), service=service, number=number, source="puentes")
    elif number:
        current.number = number
        current.save(update_fields=["number", "updated_at"])
    else:
        current.is_active = False
        current.save(update_fields=["is_active", "updated_at"])
    return {"phone": (previous, number)}


@transaction.atomic
def capacity_update(
    *,
    actor: Actor,
    service_at_location_id: uuid.UUID,
    version: int | None,
    status: str,
    note: str = "",
) -> m.ServiceAtLocation:
    """Say whether a service at a location can take people now (referrals read this)."""
    sal = lock_for_update(
        m.ServiceAtLocation, selectors.service_at_location_get(service_at_location_id).pk
    )
    selectors.maintainer_check(actor, sal.service)
    check_version(sal, version)
    if status and status not in m.Capacity.values:
        raise invalid({"capacity_status": [_("Choose a valid capacity.")]})
    errors: Errors = {}
    note = model_text(m.ServiceAtLocation, {"capacity_note": note}, "capacity_note", errors)
    raise_if(errors)
    changes = {
        name: (getattr(sal, name), value)
        for name, value in (("capacity_status", status), ("capacity_note", note))
        if getattr(sal, name) != value
    }
    sal.capacity_status, sal.capacity_note = status, note
    sal.capacity_updated_at = timezone.now()
    bump_version(sal)
    sal.save()
    _change_log(actor, sal, "service_at_location", changes, "update")
    audit_record(
        actor=actor, action="directory.capacity.update", obj=sal,
        detail={"capacity_status": status},
    )  # fmt: skip
    search_index.refresh([sal.pk])
    return sal


@transaction.atomic
def listing_verify(
    *, actor: Actor, service_at_location_id: uuid.UUID, version: int | None
) -> m.ServiceAtLocation:
    """Record that someone checked the listing with the provider today."""
    sal = lock_for_update(
        m.ServiceAtLocation, selectors.service_at_location_get(service_at_location_id).pk
    )
    selectors.maintainer_check(actor, sal.service)
    check_version(sal, version)
    today = timezone.localdate()
    changes = {"last_verified_on": (sal.last_verified_on, today)}
    sal.last_verified_on, sal.verified_by = today, actor.user
    bump_version(sal)
    sal.save()
    m.Service.objects.filter(pk=sal.service_id).update(
        last_verified_on=today, verified_by=actor.user
    )
    _change_log(actor, sal, "service_at_location", changes, "verify")
    audit_record(actor=actor, action="directory.verify", obj=sal)
    return sal


# Corrections ("report a problem") -----------------------------------------------------


def correction_report(
    *, actor: Actor, service_at_location_id: uuid.UUID, kind: str, description: str
) -> m.Correction:
    actor.require("directory.report")
    sal = selectors.service_at_location_get(service_at_location_id)
    description = description.strip()
    errors: dict[str, list[Any]] = {}
    if kind not in m.CorrectionKind.values:
        errors["kind"] = [_("Choose what is wrong.")]
    if not description:
        errors["description"] = [_("Say what is wrong, so it can be fixed.")]
    else:
        model_text(m.Correction, {"description": description}, "description", errors)
    if errors:
        raise invalid(errors)
    with transaction.atomic():
        correction = m.Correction.objects.create(
            service_at_location=sal,
            kind=kind,
            description=description,
            reported_by=actor.user,
            reported_by_organization=actor.organization,
        )
        audit_record(actor=actor, action="directory.correction.report", obj=correction)
    return correction


@transaction.atomic
def correction_resolve(
    *,
    actor: Actor,
    correction_id: uuid.UUID,
    version: int | None,
    status: str,
    note: str = "",
) -> m.Correction:
    """Close a reported problem as fixed or dismissed (a dismissal needs a reason)."""
    correction = lock_for_update(
        m.Correction, selectors.correction_get(actor=actor, public_id=correction_id).pk
    )
    selectors.maintainer_check(actor, correction.service_at_location.service)
    check_version(correction, version)
    if correction.status != m.CorrectionStatus.OPEN:
        raise DomainError("conflict", _("This report was already closed."))
    note = note.strip()
    if status not in (m.CorrectionStatus.RESOLVED, m.CorrectionStatus.DISMISSED):
        raise invalid({"status": [_("Choose fixed or dismissed.")]})
    if status == m.CorrectionStatus.DISMISSED and not note:
        raise invalid({"note": [_("Say why the report is dismissed.")]})
    errors: Errors = {}
    model_text(m.Correction, {"note": note}, "note", errors, field="resolution_note")
    raise_if(errors)
    correction.status, correction.resolution_note = status, note
    correction.resolved_by, correction.resolved_at = actor.user, timezone.now()
    bump_version(correction)
    correction.save()
    audit_record(
        actor=actor, action="directory.correction.resolve", obj=correction,
        detail={"status": status},
    )  # fmt: skip
    return correction


# Imports uploaded from the pages (run by a background task) ------------------------------

UPLOAD_SUFFIXES = (".json", ".ndjson", ".zip")


def directory_import_start(
    *,
    actor: Actor,
    upload: UploadedFile | None,
    source: str,
    skip_invalid: bool = False,
    full: bool = True,
    dry_run: bool = False,
    allow_deactivate: bool = False,
) -> m.DirectoryImport:
    """Keep the uploaded file and queue its import (or, with ``dry_run``, its preview);
    the returned row shows the progress."""
    actor.require("directory.manage")
    source = source.strip()
    errors = _upload_errors(upload, source)
    if upload is None or errors:
        raise invalid(errors)
    with transaction.atomic():
        imported = m.DirectoryImport(
            source=source,
            file_name=Path(upload.name or "upload").name[:255],
            skip_invalid=skip_invalid,
            full=full,
            dry_run=dry_run,
            allow_deactivate=allow_deactivate,
            started_by=actor.user,
            organization=actor.organization,
        )
        imported.upload.save(f"{uuid.uuid4()}{Path(upload.name or '').suffix.lower()}", upload)
        _queue(actor, imported)
    return imported


def directory_import_confirm(
    *, actor: Actor, import_id: uuid.UUID | str, allow_deactivate: bool = False
) -> m.DirectoryImport:
    """Import for real the file a finished preview checked, with the preview's choices
    (and, if the operator now allows it, marking more of the source inactive)."""
    preview = selectors.import_get(actor=actor, public_id=import_id)
    if not preview.dry_run or preview.status != m.ImportStatus.SUCCEEDED or not preview.upload:
        raise DomainError("conflict", _("Only a finished preview can be imported."))
    with transaction.atomic():
        imported = m.DirectoryImport.objects.create(
            source=preview.source,
            file_name=preview.file_name,
            upload=preview.upload.name,
            skip_invalid=preview.skip_invalid,
            full=preview.full,
            allow_deactivate=allow_deactivate,
            started_by=actor.user,
            organization=actor.organization,
        )
        _queue(actor, imported)
    return imported


def _queue(actor: Actor, imported: m.DirectoryImport) -> None:
    detail = {"source": imported.source, "preview": imported.dry_run}
    audit_record(actor=actor, action="directory.import", obj=imported, detail=detail)
    transaction.on_commit(lambda: _enqueue_import(imported.pk))


def _upload_errors(upload: UploadedFile | None, source: str) -> dict[str, list[Any]]:
    errors: dict[str, list[Any]] = {}
    if not source:
        errors["source"] = [_("Name the source (for example, the 211 it came from).")]
    elif (
        len(source) > max_length(m.DirectoryImport, "source")
        or not source.replace("-", "").replace("_", "").isalnum()
    ):
        errors["source"] = [_("Use up to 100 letters, digits, - or _.")]
    if upload is None:
        errors["upload"] = [_("Choose a file to import.")]
    elif not (upload.name or "").lower().endswith(UPLOAD_SUFFIXES):
        errors["upload"] = [
            _("Upload an HSDS JSON file, or a ZIP of a tabular data package (CSV files).")
        ]
    elif (upload.size or 0) > settings.DIRECTORY_UPLOAD_MAX_MB * 1024 * 1024:
        errors["upload"] = [
            _("The file is larger than %(mb)s MB.") % {"mb": settings.DIRECTORY_UPLOAD_MAX_MB}
        ]
    return errors


def _enqueue_import(import_pk: int) -> None:
    from puentes.directory.tasks import run_directory_import

    run_directory_import.enqueue(import_pk)


def _import_language(imported: m.DirectoryImport) -> str:
    return imported.started_by.language if imported.started_by else settings.LANGUAGE_CODE


IMPORT_JOB = JobKind(
    name="directory import",
    model=m.DirectoryImport,
    waiting=(m.ImportStatus.QUEUED, m.ImportStatus.RUNNING),
    running=m.ImportStatus.RUNNING,
    failed=m.ImportStatus.FAILED,
    reason_field="error",
    enqueue=lambda pk: _enqueue_import(pk),
    language=_import_language,
    ended=lambda pk: _upload_remove(pk),
)


def _upload_remove(import_pk: int) -> None:
    """An ended import's upload is not kept: its records are in the directory (or it was
    refused, with every reason on the import's row), and an export can be large."""
    imported = m.DirectoryImport.objects.filter(pk=import_pk).first()
    if imported is None or not imported.upload or imported.dry_run:
        return  # a preview's upload waits for the import to be confirmed
    if not m.DirectoryImport.objects.filter(
        upload=imported.upload.name, status__in=IMPORT_JOB.waiting
    ).exists():
        imported.upload.delete(save=False)


def directory_import_run(import_pk: int) -> m.DirectoryImport:
    """The background task's work: lease the import, unpack the upload, import it and
    rebuild the search rows, and record the outcome — all in one transaction, so listings
    are never committed unsearchable and a dead worker leaves nothing half done (core.jobs
    retries the import or ends it as failed)."""
    job_run(IMPORT_JOB, import_pk, lambda owner: _import(import_pk, owner))
    return m.DirectoryImport.objects.get(pk=import_pk)


def _import(import_pk: int, owner: str) -> None:
    imported = m.DirectoryImport.objects.select_related("started_by").get(pk=import_pk)
    imported.started_at = imported.started_at or timezone.now()
    progress = Progress(progress_key(imported.pk))
    with translation.override(_import_language(imported)), tempfile.TemporaryDirectory() as folder:
        try:
            with transaction.atomic():
                path = unpack_upload(Path(imported.upload.path), Path(folder))
                report = directory_import(
                    path=path,
                    source=imported.source,
                    skip_invalid=imported.skip_invalid,
                    full=imported.full,
                    updated_by=imported.started_by.get_username() if imported.started_by else "",
                    progress=progress,
                    allow_deactivate=imported.allow_deactivate,
                    dry_run=imported.dry_run,
                )
                _finish(imported, owner, m.ImportStatus.SUCCEEDED, report=report)
        except TooManyDeactivated as refusal:
            _finish(imported, owner, m.ImportStatus.FAILED, error=refusal.message)
        except ImportFailed as failure:
            _finish(imported, owner, m.ImportStatus.FAILED, rejections=failure.rejections)
        except UploadUnreadable as error:
            _finish(imported, owner, m.ImportStatus.FAILED, error=str(error))
        finally:
            progress.clear()


def directory_import_settle(imported: m.DirectoryImport) -> m.DirectoryImport:
    """The import as its page should show it: if its worker died, ended now (core.jobs)."""
    return cast("m.DirectoryImport", job_settle(IMPORT_JOB, imported))


def directory_import_cancel(*, actor: Actor, import_id: uuid.UUID | str) -> m.DirectoryImport:
    """End an import that has not ended (its worker stuck or gone), saying who did."""
    imported = selectors.import_get(actor=actor, public_id=import_id)
    ended = _("This import has already ended.")
    return cast(
        "m.DirectoryImport",
        job_cancel_by(
            IMPORT_JOB, imported, actor=actor, ended=ended, action="directory.import.cancel"
        ),
    )


def _finish(
    imported: m.DirectoryImport,
    owner: str,
    status: str,
    *,
    report: ImportReport | None = None,
    rejections: list[Rejection] | None = None,
    error: str = "",
) -> None:
    """The import's last write, only while this worker holds its lease (core.jobs)."""
    counts = imported.counts
    notes = imported.notes
    samples = imported.samples
    repairs = imported.repairs
    if report is not None:
        rejections = report.rejections
        counts = {
            "created": report.created,
            "updated": report.updated,
            "unchanged": report.unchanged,
            "deactivated": report.deactivated,
        }
        notes = report.notes
        samples = report.samples
        repairs = [
            {"file": r.file, "line": r.line, "table": r.table, "field": r.field,
             "before": r.before[:200], "after": r.after[:200], "kind": r.kind}
            for r in report.repairs
        ]  # fmt: skip
    done = sum(sum(tables.values()) for kind, tables in counts.items() if kind != "deactivated")
    job_finish(
        IMPORT_JOB,
        imported.pk,
        owner,
        status=status,
        error=error,
        counts=counts,
        notes=notes,
        samples=samples,
        repairs=repairs,
        rejections=[
            {"file": r.file, "line": r.line, "table": r.table, "reason": r.reason}
            for r in rejections or []
        ],
        started_at=imported.started_at,
        finished_at=timezone.now(),
        done=done,
        total=done,
        updated_at=timezone.now(),
    )
