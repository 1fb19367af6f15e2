"""Pages: refer a person, a referral (each side with its own actions), the receiving
organization's inbox, and the referrals an organization sent."""

import uuid
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext
from django.views.decorators.http import require_POST

from puentes.core.actor import Actor
from puentes.core.errors import DomainError
from puentes.core.pages import act, actor_page, form_errors_from, page_of
from puentes.directory import selectors as directory_selectors
from puentes.people.models import Person
from puentes.people.selectors import person_get, person_list
from puentes.referrals import selectors, services
from puentes.referrals.forms import ReferralForm, TransitionForm
from puentes.referrals.models import ReferralStatus
from puentes.referrals.presenters import light_summary, referral_out, referrals_out
from puentes.screening.selectors import need_list

# The label of the button for each move, and whether it asks for a reason or an outcome.
ACTION_LABELS = {
    ReferralStatus.REQUESTED: gettext_lazy("Send"),
    ReferralStatus.ACCEPTED: gettext_lazy("Accept"),
    ReferralStatus.REJECTED: gettext_lazy("Reject"),
    ReferralStatus.IN_PROGRESS: gettext_lazy("Start"),
    ReferralStatus.ON_HOLD: gettext_lazy("Put on hold"),
    ReferralStatus.COMPLETED: gettext_lazy("Complete"),
    ReferralStatus.FAILED: gettext_lazy("Could not be done"),
    ReferralStatus.CANCELLED: gettext_lazy("Cancel the referral"),
    ReferralStatus.ENTERED_IN_ERROR: gettext_lazy("Entered in error"),
}


@actor_page("referral.send")
def referral_new(request: HttpRequest, actor: Actor) -> HttpResponse:
    try:
        service_id = uuid.UUID(request.GET.get("service", ""))
    except ValueError:
        raise Http404 from None
    sal = directory_selectors.service_at_location_get(service_id)
    person_id = request.GET.get("person", "")
    if not person_id:
        query = request.GET.get("q", "")
        people = person_list(actor=actor, query=query)[:20] if query else []
        return render(
            request, "referrals/choose_person.html", {"sal": sal, "people": people, "query": query}
        )
    person = person_get(actor=actor, public_id=person_id)
    open_needs = need_list(actor=actor, person=person, open_only=True)
    choices = [(str(n.public_id), n.get_category_display()) for n in open_needs]
    preselected = [n for n in request.GET.getlist("need") if n in dict(choices)]
    form = ReferralForm(
        request.POST or None, needs=choices, initial={"needs": preselected, "priority": "routine"}
    )
    warning: dict[str, Any] | None = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            referral = services.referral_create(
                actor=actor,
                person_id=person.public_id,
                service_at_location_id=sal.pk,
                need_ids=data["needs"],
                note=data["note"],
                priority=data["priority"],
                requested_by=data["requested_by"],
                send="save_draft" not in request.POST,
                confirm_capacity=data["confirm_capacity"],
            )
        except DomainError as error:
            if error.code == "confirm":
                warning = {"message": error.message, **error.extra}
            else:
                form_errors_from(form, error)
        else:
            messages.success(
                request,
                _("Referral saved as a draft.")
                if referral.status == ReferralStatus.DRAFT
                else _("Referral sent."),
            )
            return redirect("referrals:detail", referral_id=referral.public_id)
    return render(
        request,
        "referrals/new.html",
        {"form": form, "sal": sal, "person": person, "warning": warning},
    )


@actor_page("referral.view")
def referral_detail(request: HttpRequest, actor: Actor, referral_id: uuid.UUID) -> HttpResponse:
    referral = selectors.referral_read(actor=actor, public_id=referral_id)
    data = referral_out(actor, referral)
    actions = [
        {
            "status": status,
            "label": ACTION_LABELS[ReferralStatus(status)],
            "form": TransitionForm(initial={"version": referral.version, "status": status}),
            "needs_reason": status in ("rejected", "cancelled", "on-hold", "failed"),
            "needs_outcome": status == "completed",
        }
        for status in data["actions"]
    ]
    summary = None
    if referral.is_light and selectors.sides_of(actor, referral):
        with translation.override(referral.person.preferred_language or "en"):
            summary = light_summary(referral)
    return render(
        request,
        "referrals/detail.html",
        {
            "referral": referral,
            "data": data,
            "actions": actions,
            "events": selectors.referral_history(actor=actor, referral=referral),
            "summary": summary,
        },
    )


@require_POST
@actor_page("referral.view")
def referral_act(request: HttpRequest, actor: Actor, referral_id: uuid.UUID) -> HttpResponse:
    form = TransitionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Please correct the fields shown."))
        return redirect("referrals:detail", referral_id=referral_id)
    data = form.cleaned_data

    def write() -> object:
        if data["status"] == ReferralStatus.REQUESTED:
            return services.referral_send(
                actor=actor,
                referral_id=referral_id,
                version=data["version"],
                confirm_capacity=request.POST.get("confirm_capacity") == "on",
            )
        return services.referral_transition(actor=actor, referral_id=referral_id, **data)

    return act(
        request,
        write,
        success=_("Referral updated."),
        then=reverse("referrals:detail", args=[referral_id]),
    )


INBOX_TABS: dict[str, dict[str, Any]] = {
    "new": {"status": ReferralStatus.REQUESTED},
    "overdue": {"overdue": True},
    "in-progress": {"stage": "working"},
    "all": {},
}


@actor_page("referral.view")
def inbox(request: HttpRequest, actor: Actor) -> HttpResponse:
    tab = request.GET.get("tab", "new")
    if tab not in INBOX_TABS:
        tab = "new"
    status = request.GET.get("status", "")
    service = request.GET.get("service", "")
    try:
        referrals = selectors.referral_list(
            actor=actor,
            box="inbox",
            **({"status": status} if status else INBOX_TABS[tab]),
            service_id=uuid.UUID(service) if service else None,
        )
    except (DomainError, ValueError):
        referrals = selectors.referral_list(actor=actor, box="inbox").none()
    services_offered = (
        selectors.referral_list(actor=actor, box="inbox")
        .values_list("service_at_location__service_id", "service_at_location__service__name")
        .distinct()
        .order_by("service_at_location__service__name")
    )
    return render(
        request,
        "referrals/inbox.html",
        {
            **_page_of(request, actor, referrals),
            "tab": tab,
            "tabs": [
                ("new", _("New")),
                ("overdue", _("Overdue")),
                ("in-progress", _("In progress")),
                ("all", _("All")),
            ],
            "status": status,
            "statuses": ReferralStatus.choices,
            "service": service,
            "services": list(dict.fromkeys(services_offered)),
        },
    )


# A referral row carries its person, service, place and both organizations: 25 a page, as the
# people list, keeps a page light on a phone and quick to build.
REFERRALS_A_PAGE = 25


def _page_of(request: HttpRequest, actor: Actor, referrals: Any) -> dict[str, Any]:
    """One page of a list of referrals (an organization may have sent twenty thousand)."""
    page = page_of(request, referrals, REFERRALS_A_PAGE)
    return {"rows": referrals_out(actor, list(page.object_list)), "page": page}


@actor_page("referral.view")
def sent(request: HttpRequest, actor: Actor) -> HttpResponse:
    tab = request.GET.get("tab", "open")
    referrals = selectors.referral_list(
        actor=actor,
        box="sent",
        stage=tab if tab in ("open", "closed") else "",
        follow_up=tab == "follow-up",
    )
    return render(
        request,
        "referrals/sent.html",
        {
            **_page_of(request, actor, referrals),
            "tab": tab,
            "tabs": [
                # Tabs of a list of referrals (Spanish agrees with "referrals": plural).
                ("open", pgettext("referrals tab", "Open")),
                ("follow-up", _("Follow up")),
                ("closed", pgettext("referrals tab", "Closed")),
            ],
        },
    )


def person_panel(actor: Actor, person: Person) -> Any:
    """The person page's referrals (registered in apps.py), for roles that see them."""
    if not actor.can("referral.view"):
        return None
    # The panel shows each referral's service, status and date: none of the rest a list
    # of referrals joins and prefetches.
    referrals = selectors.referral_list(actor=actor, box="sent", person_id=person.public_id)
    return (
        referrals.select_related(None)
        .prefetch_related(None)
        .select_related("service_at_location__service")[:50]
    )
