"""Pages: the team's qualifications per payer and what expires soon; a worker's record,
where a supervisor (or the worker) records a training and a supervisor a certification."""

import uuid
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from puentes.core.actor import Actor
from puentes.core.errors import not_found
from puentes.core.pages import actor_page, submit
from puentes.workforce import forms, selectors, services
from puentes.workforce.definitions import certificate_title, latest

DEADLINE_WINDOWS = (30, 60, 90)


def _window(request: HttpRequest) -> int:
    try:
        days = int(request.GET.get("within", 90))
    except ValueError:
        days = 90
    return days if days in DEADLINE_WINDOWS else 90


@actor_page("workforce.view")
def team(request: HttpRequest, actor: Actor) -> HttpResponse:
    today = timezone.localdate()
    within = _window(request)
    requirements, rows = selectors.team_for(actor, today)
    language = get_language() or "en"
    due = [
        {
            "deadline": d,
            "what": certificate_title(d.what, language)
            if d.kind == "expires"
            else _title(d.what, language),
        }
        for d in selectors.deadlines_for(actor, today, within)
    ]
    return render(
        request,
        "workforce/team.html",
        {
            "requirements": [(r.id, r.title.in_language(language)) for r in requirements],
            "rows": [
                {"row": row, "standing": [row.standing[r.id] for r in requirements]} for row in rows
            ],
            "deadlines": due,
            "within": within,
            "windows": DEADLINE_WINDOWS,
            "year": today.year,
        },
    )


def _title(definition_id: str, language: str) -> str:
    definition = latest(definition_id)
    return definition.title.in_language(language) if definition else definition_id


@actor_page()
def worker(request: HttpRequest, actor: Actor, worker_id: uuid.UUID) -> HttpResponse:
    if not (actor.can("workforce.view") or actor.can("workforce.own")):
        raise not_found()
    member = selectors.worker_get(actor, str(worker_id))
    here = reverse("workforce:worker", args=[member.public_id])
    language = get_language() or "en"
    training_form = forms.TrainingForm(
        request.POST if request.POST.get("form") == "training" else None
    )
    may_manage = actor.can("workforce.manage")
    certification_form = forms.CertificationForm(
        request.POST if request.POST.get("form") == "certification" else None,
        request.FILES or None,
        language=language,
    )
    if request.POST.get("form") == "training":
        done = submit(
            request, training_form,
            lambda data: services.training_add(actor, member, _training_fields(data)),
            success=_("Training recorded."), then=here,
        )  # fmt: skip
        if done:
            return done
    elif request.POST.get("form") == "certification":
        done = submit(
            request, certification_form,
            lambda data: services.certification_add(
                actor, member, {k: v for k, v in data.items() if k != "evidence"},
                data.get("evidence"),
            ),
            success=_("Certification recorded."), then=here,
        )  # fmt: skip
        if done:
            return done
    record = selectors.worker_record(actor, member, timezone.localdate())
    return render(
        request,
        "workforce/worker.html",
        {
            "record": record,
            "standing": [
                (r.title.in_language(language), record.standing[r.id]) for r in record.requirements
            ],
            "certifications": [
                (c, certificate_title(c.programme, language)) for c in record.certifications
            ],
            "pathways": [(s, _title(s.definition, language)) for s in record.pathways],
            "training_form": training_form,
            "certification_form": certification_form if may_manage else None,
            "today": timezone.localdate(),
        },
    )


def _training_fields(data: dict[str, Any]) -> dict[str, Any]:
    return {k: data[k] for k in ("title", "provider", "completed_on", "hours", "fieldwork_hours")}
