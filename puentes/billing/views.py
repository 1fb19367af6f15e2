"""Pages: the billing work queue, batches and claims, remittance import, funding and grant
reports, the billing set-up, and a person's coverage."""

import uuid
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from puentes.billing import exports, forms, selectors, services
from puentes.billing.models import BatchStatus, FundingKind
from puentes.billing.presenters import rule_set_out
from puentes.care.selectors import program_list
from puentes.core.actor import Actor
from puentes.core.audit import people_seen_in
from puentes.core.errors import DomainError
from puentes.core.http import attachment
from puentes.core.pages import (
    act,
    actor_page,
    form_errors_from,
    query_without,
    refusal_text,
    submit,
)
from puentes.people.selectors import person_get

# Encounters on one page of the queue (a person's visits are never split, so a page can
# hold a few more): the month is evaluated a page at a time, and the page stays light
# (500 rows with their reasons were 357 KB, 100 were 74 KB). A batch takes the whole period.
QUEUE_PAGE = 50


@actor_page("billing.view")
def queue(request: HttpRequest, actor: Actor) -> HttpResponse:
    period = forms.PeriodForm(request.GET or None)
    start, end = period.period()
    after = request.GET.get("after") or None
    # The next page starts after a person of this organization (404 for anyone else's).
    after_person = person_get(actor=actor, public_id=after).pk if after else None
    page = None
    try:
        page = selectors.work_queue_page(
            actor=actor, start=start, end=end, limit=QUEUE_PAGE, after_person=after_person
        )
    except DomainError as error:
        form_errors_from(period, error)
    return render(
        request,
        "billing/queue.html",
        {
            "period": period,
            "start": start,
            "end": end,
            "queues": page.queues if page else [],
            "page": page,
            "after": after,
            "keep": query_without(request, "after"),
            "can_manage": actor.can("billing.manage"),
        },
    )


@require_POST
@actor_page("billing.manage")
def batch_generate(request: HttpRequest, actor: Actor) -> HttpResponse:
    period = forms.PeriodForm(request.POST)
    start, end = period.period()
    try:
        batch = services.batch_request(
            actor=actor, payer_id=request.POST.get("payer", ""), start=start, end=end
        )
    except DomainError as error:
        if error.code == "not_found":
            raise
        messages.error(request, refusal_text(error))
        return redirect(f"{reverse('billing:queue')}?start={start}&end={end}")
    return redirect("billing:batch", batch_id=batch.public_id)


@actor_page("billing.view")
def batch_list(request: HttpRequest, actor: Actor) -> HttpResponse:
    batches = selectors.batch_list(actor=actor)[:200]
    return render(request, "billing/batches.html", {"batches": batches})


# The batch page lists this many claims (the files hold them all).
BATCH_PAGE_CLAIMS = 200

BATCH_ACTIONS = {
    BatchStatus.GENERATED: [("approved", _("Approve"))],
    BatchStatus.APPROVED: [("submitted", _("Mark submitted"))],
    BatchStatus.SUBMITTED: [
        ("accepted", _("Accepted by the clearinghouse")),
        ("rejected", _("Rejected")),
    ],
}


@actor_page("billing.view")
def batch_detail(request: HttpRequest, actor: Actor, batch_id: uuid.UUID) -> HttpResponse:
    batch = selectors.batch_get(actor=actor, public_id=batch_id)
    batch = services.batch_settle(batch)  # a dead worker's batch says so, not "being generated"
    claims = list(
        selectors.claim_list(actor=actor, batch=batch).prefetch_related("lines")[:BATCH_PAGE_CLAIMS]
    )
    people_seen_in(actor, claims)
    summary = selectors.batch_summary(batch)
    return render(
        request,
        "billing/batch.html",
        {
            "batch": batch,
            "claims": claims,
            "can_cancel": actor.can("billing.manage") and batch.status == BatchStatus.QUEUED,
            "claim_count": summary["claims"],
            "total": summary["total"],
            "progress": selectors.batch_progress(batch),
            "actions": BATCH_ACTIONS.get(BatchStatus(batch.status), [])
            if actor.can("billing.manage")
            else [],
        },
    )


@require_POST
@actor_page("billing.manage")
def batch_move(request: HttpRequest, actor: Actor, batch_id: uuid.UUID) -> HttpResponse:
    selectors.batch_get(actor=actor, public_id=batch_id)
    form = forms.ReasonForm(request.POST)
    data = form.cleaned_data if form.is_valid() else {}
    return act(
        request,
        lambda: services.batch_move(
            actor=actor,
            batch_id=batch_id,
            version=data.get("version"),
            status=request.POST.get("status", ""),
            reason=data.get("reason", ""),
        ),
        success=_("Batch updated."),
        then=reverse("billing:batch", args=[batch_id]),
    )


@require_POST
@actor_page("billing.manage")
def batch_cancel(request: HttpRequest, actor: Actor, batch_id: uuid.UUID) -> HttpResponse:
    return act(
        request,
        lambda: services.batch_cancel(actor=actor, batch_id=batch_id),
        success=_("Batch cancelled."),
        then=reverse("billing:batch", args=[batch_id]),
    )


@actor_page("billing.view")
def batch_file(request: HttpRequest, actor: Actor, batch_id: uuid.UUID, kind: str) -> Any:
    batch = selectors.batch_get(actor=actor, public_id=batch_id)
    return exports.batch_download(actor=actor, batch=batch, kind=kind)


@actor_page("billing.view")
def claim_detail(request: HttpRequest, actor: Actor, claim_id: uuid.UUID) -> HttpResponse:
    claim = selectors.claim_get(actor=actor, public_id=claim_id)
    form = forms.ReasonForm(initial={"version": claim.version})
    return render(
        request,
        "billing/claim.html",
        {
            "claim": claim,
            "lines": claim.lines.select_related("encounter"),
            "events": claim.events.select_related("user"),
            "form": form,
            "can_change": actor.can("billing.manage") and claim.correctable,
        },
    )


@require_POST
@actor_page("billing.manage")
def claim_change(
    request: HttpRequest, actor: Actor, claim_id: uuid.UUID, kind: str
) -> HttpResponse:
    selectors.claim_get(actor=actor, public_id=claim_id)
    form = forms.ReasonForm(request.POST)
    data = form.cleaned_data if form.is_valid() else {}
    change = services.claim_correct if kind == "correct" else services.claim_void
    try:
        claim = change(
            actor=actor,
            claim_id=claim_id,
            version=data.get("version"),
            reason=data.get("reason", ""),
        )
    except DomainError as error:
        if error.code in ("forbidden", "not_found"):
            raise
        messages.error(request, refusal_text(error))
        return redirect("billing:claim", claim_id=claim_id)
    messages.success(
        request, _("Corrected claim created.") if kind == "correct" else _("Void created.")
    )
    return redirect("billing:claim", claim_id=claim.public_id)


@actor_page("billing.view")
def remittances(request: HttpRequest, actor: Actor) -> HttpResponse:
    form = forms.RemittanceForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        actor.require("billing.manage")

        def write(data: dict[str, Any]) -> object:
            upload = data["file"]
            return services.remittance_import(
                actor=actor, file_name=upload.name, content=upload.read()
            )

        done = submit(
            request,
            form,
            write,
            success=_("Remittance posted."),
            then=reverse("billing:remittances"),
        )
        if done:
            return done
    return render(
        request,
        "billing/remittances.html",
        {
            "form": form,
            "remittances": selectors.remittance_list(actor=actor)[:100],
            "can_manage": actor.can("billing.manage"),
        },
    )


@actor_page("billing.view")
def funding(request: HttpRequest, actor: Actor) -> HttpResponse:
    programs = [(str(p.public_id), p.name) for p in program_list(actor=actor)]
    form = forms.FundingForm(request.POST or None, programs=programs)
    period = forms.PeriodForm(request.GET or None)
    if request.method == "POST":
        actor.require("billing.manage")
        done = submit(
            request,
            form,
            lambda data: services.funding_source_create(actor=actor, fields=data),
            success=_("Funding source added."),
            then=reverse("billing:funding"),
        )
        if done:
            return done
    return render(
        request,
        "billing/funding.html",
        {
            "form": form,
            "period": period,
            "sources": selectors.funding_list(actor=actor),
            "can_manage": actor.can("billing.manage"),
        },
    )


@require_POST
@actor_page("billing.manage")
def grants_charge(request: HttpRequest, actor: Actor) -> HttpResponse:
    start, end = forms.PeriodForm(request.POST).period()
    try:
        counts = services.grants_charge(actor=actor, start=start, end=end)
    except DomainError as error:
        messages.error(request, refusal_text(error))
    else:
        messages.success(
            request,
            _("%(charged)s encounters charged to grants; %(none)s found no grant that allows them.")
            % {"charged": counts["charged"], "none": counts["no_grant"]},
        )
    return redirect("billing:funding")


@actor_page("billing.view")
def grant_report(request: HttpRequest, actor: Actor, funding_id: uuid.UUID) -> HttpResponseBase:
    source = selectors.funding_get(actor=actor, public_id=funding_id)
    period = forms.PeriodForm(request.GET or None)
    start, end = period.period()
    report = selectors.grant_report(actor=actor, funding=source, start=start, end=end)
    wanted = request.GET.get("format", "")
    if wanted in exports.GRANT_REPORT_FILES:
        write, content_type = exports.GRANT_REPORT_FILES[wanted]
        return attachment(write(report), f"grant-report.{wanted}", content_type)
    sub_awards = (
        selectors.sub_award_report(actor=actor, funding=source)
        if source.kind == FundingKind.PASS_THROUGH
        else None
    )
    return render(
        request,
        "billing/grant_report.html",
        {"report": report, "period": period, "source": source, "sub_awards": sub_awards},
    )


@actor_page("billing.view")
def setup(request: HttpRequest, actor: Actor) -> HttpResponse:
    """Payers, providers, the billing profile and the fee schedule, each with its form."""
    language = get_language() or "en"
    sets = [
        (r.id, f"{r.title.in_language(language)} ({r.jurisdiction})")
        for r in selectors.rule_set_list(actor=actor)
    ]
    providers = [
        (str(p.public_id), str(p))
        for p in selectors.provider_list(actor=actor).filter(role="supervising")
    ]
    which = request.POST.get("form", "")
    post = request.POST if request.method == "POST" else None
    payer_form = forms.PayerForm(
        post if which == "payer" else None, rule_sets=list(dict(sets).items())
    )
    provider_form = forms.ProviderForm(post if which == "provider" else None)
    profile_form = forms.ProfileForm(
        post if which == "profile" else None, providers=providers, initial=_profile_initial(actor)
    )
    fee_form = forms.FeeForm(post if which == "fee" else None)
    if request.method == "POST":
        actor.require("billing.manage")
        then = reverse("billing:setup")
        writes = {
            "payer": (payer_form, lambda d: services.payer_create(actor=actor, fields=d)),
            "provider": (provider_form, lambda d: services.provider_add(actor=actor, fields=d)),
            "profile": (
                profile_form,
                lambda d: services.billing_profile_set(
                    actor=actor,
                    fields={**d, "supervising_provider_id": d["supervising_provider_id"] or None},
                ),
            ),
            "fee": (
                fee_form,
                lambda d: services.fee_set(actor=actor, code=d["code"], charge=d["charge"]),
            ),
        }
        if which in writes:
            form, write = writes[which]
            done = submit(request, form, write, success=_("Saved."), then=then)
            if done:
                return done
    return render(
        request,
        "billing/setup.html",
        {
            "payer_form": payer_form,
            "provider_form": provider_form,
            "profile_form": profile_form,
            "fee_form": fee_form,
            "payers": selectors.payer_list(actor=actor),
            "providers": selectors.provider_list(actor=actor),
            "fees": selectors.fee_list(actor=actor),
            "rule_sets": [rule_set_out(r, language) for r in selectors.rule_set_list(actor=actor)],
            "can_manage": actor.can("billing.manage"),
        },
    )


def _profile_initial(actor: Actor) -> dict[str, Any]:
    profile = selectors.billing_profile(actor=actor)
    if profile is None:
        return {}
    return {
        "taxonomy_code": profile.taxonomy_code,
        "postal_code_9": profile.postal_code_9,
        "submitter_id": profile.submitter_id,
        "contact_name": profile.contact_name,
        "contact_phone": profile.contact_phone,
        "fqhc_or_rhc": profile.fqhc_or_rhc,
        "supervising_provider_id": str(profile.supervising_provider.public_id)
        if profile.supervising_provider
        else "",
    }


def _person_form(
    request: HttpRequest,
    person: Any,
    form: Any,
    save: Any,
    *,
    success: str,
    title: str,
    intro: str = "",
) -> HttpResponse:
    """A form about a person's coverage or the prerequisites payers name, back to their
    coverage when saved."""
    then = reverse("people:detail", args=[person.public_id]) + "#h-coverage"
    done = submit(request, form, save, success=success, then=then)
    return done or render(
        request,
        "care/form.html",
        {"form": form, "person": person, "title": title, "intro": intro},
    )


@actor_page("coverage.manage")
def coverage_new(request: HttpRequest, actor: Actor, person_id: uuid.UUID) -> HttpResponse:
    person = person_get(actor=actor, public_id=person_id)
    payers = [(str(p.public_id), p.name) for p in selectors.payer_choices(actor=actor)]
    return _person_form(
        request,
        person,
        forms.CoverageForm(request.POST or None, payers=payers),
        lambda d: services.coverage_add(actor=actor, person_id=person.public_id, fields=d),
        success=_("Coverage recorded."),
        title=_("Record coverage"),
        intro=""
        if payers
        else _("Your organization has no payers yet: billing staff add them under Billing set-up."),
    )


@actor_page("coverage.manage")
def prior_authorization_new(
    request: HttpRequest, actor: Actor, person_id: uuid.UUID
) -> HttpResponse:
    person = person_get(actor=actor, public_id=person_id)
    coverages = [
        (str(c.public_id), f"{c.payer.name} · {c.member_id}")
        for c in selectors.coverage_list(actor=actor, person=person)
    ]
    return _person_form(
        request,
        person,
        forms.PriorAuthorizationForm(request.POST or None, coverages=coverages),
        lambda d: services.prior_authorization_record(
            actor=actor, person_id=person.public_id, fields=d
        ),
        success=_("Prior authorization recorded."),
        title=_("Record a prior authorization"),
        intro=_(
            "A payer's approval for work past a limit (hours a day, visits a month): the "
            "work it covers is billed with its number."
        )
        if coverages
        else _("Record the person's coverage first: an authorization belongs to one."),
    )


@actor_page("coverage.manage")
def service_consent_new(request: HttpRequest, actor: Actor, person_id: uuid.UUID) -> HttpResponse:
    person = person_get(actor=actor, public_id=person_id)
    return _person_form(
        request,
        person,
        forms.ServiceConsentForm(request.POST or None),
        lambda d: services.service_consent_record(
            actor=actor, person_id=person.public_id, fields=d
        ),
        success=_("Consent recorded."),
        title=_("Record consent to a monthly service"),
        intro=_(
            "Medicare's community health integration and principal illness navigation need "
            "the person's consent, with the billing practitioner named. A new consent is "
            "needed when the billing practitioner changes."
        ),
    )


@actor_page("coverage.manage")
def serious_condition_new(request: HttpRequest, actor: Actor, person_id: uuid.UUID) -> HttpResponse:
    person = person_get(actor=actor, public_id=person_id)
    return _person_form(
        request,
        person,
        forms.SeriousConditionForm(request.POST or None),
        lambda d: services.serious_condition_record(
            actor=actor, person_id=person.public_id, fields=d
        ),
        success=_("Condition recorded."),
        title=_("Record a serious condition"),
        intro=_(
            "Principal illness navigation is for a serious, high-risk condition expected to "
            "last 3 months or more (such as cancer, heart failure or a substance use "
            "disorder). Its code goes on the claim."
        ),
    )


@actor_page("coverage.manage")
def initiating_visit_new(request: HttpRequest, actor: Actor, person_id: uuid.UUID) -> HttpResponse:
    person = person_get(actor=actor, public_id=person_id)
    return _person_form(
        request,
        person,
        forms.InitiatingVisitForm(request.POST or None),
        lambda d: services.initiating_visit_record(
            actor=actor, person_id=person.public_id, fields=d
        ),
        success=_("Initiating visit recorded."),
        title=_("Record an initiating visit"),
        intro=_(
            "The billing practitioner's visit (an E/M or annual wellness visit) that the "
            "monthly G-codes need first."
        ),
    )


def person_panel(actor: Actor, person: Any) -> dict[str, Any] | None:
    """The person page's coverage and the prerequisites payers name (registered in
    apps.py), for the roles that see care records."""
    if not actor.can("care.view"):
        return None
    return {
        "coverages": selectors.coverage_list(actor=actor, person=person),
        "initiating_visits": selectors.initiating_visit_list(actor=actor, person=person)[:10],
        "prior_authorizations": selectors.prior_authorization_list(actor=actor, person=person)[:10],
        "service_consents": selectors.service_consent_list(actor=actor, person=person)[:10],
        "serious_conditions": selectors.serious_condition_list(actor=actor, person=person)[:10],
        "can_cover": actor.can("coverage.manage"),
    }
