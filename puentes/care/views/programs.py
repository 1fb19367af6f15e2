"""Pages: programs."""

import uuid
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from puentes.care import forms, selectors, services
from puentes.core.actor import Actor
from puentes.core.pages import actor_page, submit


@actor_page("care.view")
def program_list(request: HttpRequest, actor: Actor) -> HttpResponse:
    programs = selectors.program_list(actor=actor)
    return render(
        request,
        "care/programs.html",
        {"programs": programs, "can_manage": actor.can("program.manage")},
    )


@actor_page("program.manage")
def program_edit(
    request: HttpRequest, actor: Actor, program_id: uuid.UUID | None = None
) -> HttpResponse:
    program = selectors.program_get(actor=actor, public_id=program_id) if program_id else None
    initial: dict[str, Any] = {"follow_up_days": 14, "is_active": True}
    if program is not None:
        initial = {
            name: getattr(program, name)
            for name in (
                "name",
                "kind",
                "description",
                "target_population",
                "worker_types",
                "follow_up_days",
                "caseload_limit",
                "is_active",
            )
        }
        initial["version"] = program.version
    form = forms.ProgramForm(request.POST or None, initial=initial)

    def write(data: dict[str, Any]) -> object:
        if program is None:
            return services.program_create(actor=actor, fields=form.service_fields())
        return services.program_update(
            actor=actor,
            program_id=program.public_id,
            version=data["version"],
            fields=form.service_fields(),
        )

    done = submit(request, form, write, success=_("Program saved."), then=reverse("care:programs"))
    title = _("Edit the program") if program else _("Add a program")
    context = {
        "form": form,
        "title": title,
        "back": reverse("care:programs"),
        "back_label": _("Programs"),
    }
    return done or render(request, "care/form.html", context)
