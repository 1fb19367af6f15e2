"""Pages: follow-ups and My day."""

import datetime
import uuid
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from puentes.care import forms, selectors, services
from puentes.care.models import (
    FollowUpStatus,
)
from puentes.care.views._common import _workers
from puentes.core.actor import Actor
from puentes.core.audit import people_seen_in
from puentes.core.pages import act, actor_page, page_of, submit
from puentes.people.selectors import person_get

FOLLOW_UPS_PAGE = 50
FOLLOW_UP_TABS = {
    "today": _("Today and overdue"),
    "upcoming": _("Upcoming"),
    "done": _("Done"),
}


@actor_page("care.view")
def follow_up_list(request: HttpRequest, actor: Actor) -> HttpResponse:
    tab = request.GET.get("tab", "today")
    if tab not in FOLLOW_UP_TABS:
        tab = "today"
    mine = actor.membership
    done = tab == "done"
    follow_ups = selectors.follow_up_list(
        actor=actor, assignee=mine, when="all" if done else tab, open_only=not done, links=False
    )
    if done:
        follow_ups = follow_ups.filter(status=FollowUpStatus.DONE).order_by("-completed_at", "-id")
    else:
        follow_ups = follow_ups.order_by("due_on", "id")
    if mine is None:  # an API key or a member without a caseload has no day of their own
        follow_ups = follow_ups.none()
    # A page at a time: a caseload of a thousand can have hundreds due.
    page = page_of(request, follow_ups, FOLLOW_UPS_PAGE)
    rows = list(page.object_list)
    people_seen_in(actor, rows)
    return render(
        request,
        "care/follow_ups.html",
        {
            "tab": tab,
            "tabs": FOLLOW_UP_TABS,
            "follow_ups": rows,
            "page": page,
            "today": timezone.localdate(),
            "can_manage": actor.can("care.manage"),
        },
    )


@actor_page("care.manage")
def follow_up_new(request: HttpRequest, actor: Actor, person_id: uuid.UUID) -> HttpResponse:
    person = person_get(actor=actor, public_id=person_id)
    initial = {
        "due_on": timezone.localdate() + datetime.timedelta(days=7),
        "assignee_id": str(actor.membership.public_id) if actor.membership else "",
    }
    form = forms.FollowUpForm(request.POST or None, initial=initial, workers=_workers(actor))

    def write(data: dict[str, Any]) -> object:
        fields = {**data, "assignee_id": data["assignee_id"] or None}
        for link in ("goal_id", "need_id", "referral_id"):
            if request.GET.get(link.removesuffix("_id")):
                fields[link] = request.GET[link.removesuffix("_id")]
        return services.follow_up_create(actor=actor, person_id=person.public_id, fields=fields)

    then = reverse("people:detail", args=[person.public_id]) + "#h-care"
    done = submit(request, form, write, success=_("Follow-up added."), then=then)
    context = {"form": form, "person": person, "title": _("Add a follow-up")}
    return done or render(request, "care/form.html", context)


@actor_page("care.view")
def follow_up_detail(request: HttpRequest, actor: Actor, follow_up_id: uuid.UUID) -> HttpResponse:
    follow_up = selectors.follow_up_get(actor=actor, public_id=follow_up_id)
    form = forms.FollowUpEditForm(
        request.POST or None,
        initial={
            "version": follow_up.version,
            "title": follow_up.title,
            "due_on": follow_up.due_on,
            "note": follow_up.note,
            "assignee_id": str(follow_up.assignee.public_id) if follow_up.assignee else "",
        },
        workers=_workers(actor),
    )
    if request.method == "POST":
        actor.require("care.manage")

        def write(data: dict[str, Any]) -> object:
            fields = {k: v for k, v in data.items() if k != "version"}
            fields["assignee_id"] = fields["assignee_id"] or None
            return services.follow_up_update(
                actor=actor,
                follow_up_id=follow_up.public_id,
                version=data["version"],
                fields=fields,
            )

        then = reverse("care:follow_up", args=[follow_up.public_id])
        done = submit(request, form, write, success=_("Follow-up updated."), then=then)
        if done:
            return done
    return render(
        request,
        "care/follow_up.html",
        {"follow_up": follow_up, "form": form, "can_manage": actor.can("care.manage")},
    )


def _posted_version(request: HttpRequest) -> int | None:
    """The version a one-tap form carries; anything but a number is missing (and refused)."""
    value = request.POST.get("version", "")
    return int(value) if value.isdigit() else None


@require_POST
@actor_page("care.manage")
def follow_up_close(request: HttpRequest, actor: Actor, follow_up_id: uuid.UUID) -> HttpResponse:
    follow_up = selectors.follow_up_get(actor=actor, public_id=follow_up_id)
    status = request.POST.get("status", "done")
    back = request.POST.get("next", "")
    then = back if back.startswith("/") and not back.startswith("//") else "/"
    return act(
        request,
        lambda: services.follow_up_close(
            actor=actor,
            follow_up_id=follow_up.public_id,
            version=_posted_version(request),
            status=status,
        ),
        success=_("Follow-up done.") if status == "done" else _("Follow-up cancelled."),
        then=then,
    )
