"""Screening pages: one question per screen, review, and needs. Writes go through services."""

import uuid
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from puentes.core.actor import Actor
from puentes.core.errors import DomainError
from puentes.core.pages import actor_page, form_errors_from, submit
from puentes.people.models import Person
from puentes.people.selectors import person_get
from puentes.screening import selectors, services
from puentes.screening.categories import CATEGORIES
from puentes.screening.definitions import Instrument, Item, instruments_current
from puentes.screening.forms import InstrumentChoiceForm, NeedForm, NeedStatusForm, StartForm
from puentes.screening.models import Screening, ScreeningStatus
from puentes.screening.scoring import enabled_items, score


def _ui_language() -> str:
    return "es" if (get_language() or "en").startswith("es") else "en"


@actor_page("screening.perform")
def screening_start(request: HttpRequest, actor: Actor, person_id: uuid.UUID) -> HttpResponse:
    person = person_get(actor=actor, public_id=person_id)
    instruments = selectors.instrument_list_for(actor=actor)
    default_language = (
        person.preferred_language if person.preferred_language in ("en", "es") else "en"
    )
    form = StartForm(
        request.POST or None,
        instruments=instruments,
        language=_ui_language(),
        initial={"language": default_language},
    )
    if request.method == "POST" and form.is_valid():
        try:
            screening = services.screening_start(
                actor=actor,
                person_id=person_id,
                instrument_id=form.cleaned_data["instrument"],
                language=form.cleaned_data["language"],
            )
        except DomainError as error:
            form_errors_from(form, error)
        else:
            return redirect("screening:question", screening_id=screening.public_id, number=1)
    return render(request, "screening/start.html", {"person": person, "form": form})


def _open_screening(actor: Actor, screening_id: uuid.UUID) -> tuple[Screening, Instrument]:
    screening = selectors.screening_get(actor=actor, public_id=screening_id)
    return screening, selectors.instrument_get(
        screening.instrument_id, screening.instrument_version
    )


def _answer_from_post(item: Item, request: HttpRequest) -> dict[str, Any] | None:
    """The answer a question form posted, or None when nothing was chosen."""
    if "decline" in request.POST:
        return {"declined": True}
    if item.type == "multiple":
        codes = request.POST.getlist("answer")
        return {"codes": codes} if codes else None
    raw = request.POST.get("answer", "").strip()
    if not raw:
        return None
    if item.type == "integer":
        try:
            return {"value": int(raw.replace(",", "").replace("$", ""))}
        except ValueError:
            return {"value": raw}  # the service answers with a clear error
    return {"code": raw}


@actor_page("screening.perform")
def screening_question(
    request: HttpRequest, actor: Actor, screening_id: uuid.UUID, number: int
) -> HttpResponse:
    screening, instrument = _open_screening(actor, screening_id)
    if screening.status != ScreeningStatus.IN_PROGRESS:
        return redirect("screening:detail", screening_id=screening_id)
    items = enabled_items(instrument, screening.answers)
    if number < 1 or number > len(items):
        return redirect("screening:review", screening_id=screening_id)
    item = items[number - 1]
    error = ""
    if request.method == "POST":
        outcome = _save_answer(request, actor, screening, item, number)
        if isinstance(outcome, HttpResponse):
            return outcome
        error = outcome
        screening.refresh_from_db()
    return render(
        request,
        "screening/question.html",
        {
            "screening": screening,
            "instrument": instrument,
            "item": item,
            "number": number,
            "count": len(items),
            "current": screening.answers.get(item.id, {}),
            "error": error,
            "language": screening.language,
            "other_language": "en" if screening.language == "es" else "es",
        },
    )


def _save_answer(
    request: HttpRequest, actor: Actor, screening: Screening, item: Item, number: int
) -> HttpResponse | str:
    """Save the posted answer and move on; returns an error message to show instead."""
    target = request.POST.get("go", "next")
    language = request.POST.get("language") or None
    answer = _answer_from_post(item, request)
    if answer is None and target == "next" and "decline" not in request.POST and not language:
        return _("Choose an answer, or choose “Decline to answer”.")
    try:
        services.screening_answer(
            actor=actor,
            screening_id=screening.public_id,
            version=int(request.POST.get("version", "0")),
            answers={item.id: answer} if answer is not None else {},
            language=language,
        )
    except DomainError as error:
        messages_for_item = error.fields.get(f"answers.{item.id}") or [error.message]
        return " ".join(messages_for_item)
    if language:
        return redirect("screening:question", screening_id=screening.public_id, number=number)
    if target == "later":
        messages.info(
            request, _("The screening is saved. You can finish it later from the person's page.")
        )
        return redirect("people:detail", person_id=screening.person.public_id)
    if target == "back":
        return redirect(
            "screening:question", screening_id=screening.public_id, number=max(1, number - 1)
        )
    return redirect("screening:question", screening_id=screening.public_id, number=number + 1)


def _answer_text(item: Item, answer: dict[str, Any], language: str) -> str:
    if not answer:
        return ""
    if answer.get("declined"):
        return _("Declined to answer")
    if "value" in answer:
        return str(answer["value"])
    codes = answer.get("codes") or [answer.get("code")]
    return "; ".join(item.answer(c).text.in_language(language) for c in codes if item.answer(c))  # type: ignore[union-attr]


@actor_page("screening.perform")
def screening_review(request: HttpRequest, actor: Actor, screening_id: uuid.UUID) -> HttpResponse:
    screening, instrument = _open_screening(actor, screening_id)
    if screening.status != ScreeningStatus.IN_PROGRESS:
        return redirect("screening:detail", screening_id=screening_id)
    if request.method == "POST":
        try:
            services.screening_submit(
                actor=actor,
                screening_id=screening_id,
                idempotency_key=request.POST.get("idempotency_key", ""),
            )
        except DomainError as error:
            messages.error(request, error.message)
            return redirect("screening:review", screening_id=screening_id)
        messages.success(request, _("Screening saved."))
        return redirect("people:detail", person_id=screening.person.public_id)
    items = enabled_items(instrument, screening.answers)
    rows = [
        {
            "number": n,
            "text": item.text.in_language(screening.language),
            "answer": _answer_text(item, screening.answers.get(item.id, {}), screening.language),
        }
        for n, item in enumerate(items, start=1)
    ]
    results = score(instrument, screening.answers)
    positive = sorted({str(CATEGORIES[r.need]) for r in results if r.outcome == "positive"})
    undetermined = sorted(
        {str(CATEGORIES[r.need]) for r in results if r.outcome == "unknown"} - set(positive)
    )
    return render(
        request,
        "screening/review.html",
        {
            "screening": screening,
            "instrument": instrument,
            "rows": rows,
            "positive": positive,
            "undetermined": undetermined,
            "idempotency_key": uuid.uuid4(),
            "language": screening.language,
        },
    )


@actor_page("person.view")
def screening_detail(request: HttpRequest, actor: Actor, screening_id: uuid.UUID) -> HttpResponse:
    screening = selectors.screening_read(actor=actor, public_id=screening_id)
    instrument = selectors.instrument_get(screening.instrument_id, screening.instrument_version)
    answers = screening.answers
    rows = [
        {
            "text": item.text.in_language(screening.language),
            "answer": _answer_text(item, answers.get(item.id, {}), screening.language),
        }
        for item in instrument.items
        if item.id in answers
    ]
    findings = [
        {
            "label": CATEGORIES[f.category],
            "outcome": f.get_outcome_display(),
            "positive": f.outcome == "positive",
            "total": f.total,
            "z_code": f.z_code,
        }
        for f in screening.findings.all()
    ]
    return render(
        request,
        "screening/detail.html",
        {
            "screening": screening,
            "instrument": instrument,
            "rows": rows,
            "findings": findings,
            "language": screening.language,
        },
    )


@actor_page("need.manage")
def need_create(request: HttpRequest, actor: Actor, person_id: uuid.UUID) -> HttpResponse:
    person = person_get(actor=actor, public_id=person_id)
    form = NeedForm(request.POST or None)
    done = submit(
        request,
        form,
        lambda data: services.need_record(actor=actor, person_id=person_id, **data),
        success=_("Need recorded."),
        then=reverse("people:detail", args=[person_id]),
    )
    if done:
        return done
    return render(
        request,
        "people/simple_form.html",
        {"form": form, "person": person, "title": _("Record a need")},
    )


@actor_page("person.view")
def need_detail(request: HttpRequest, actor: Actor, need_id: uuid.UUID) -> HttpResponse:
    need = selectors.need_read(actor=actor, public_id=need_id)
    form = NeedStatusForm(request.POST or None, initial={"version": need.version})
    if request.method == "POST":
        actor.require("need.manage")
        if form.is_valid():
            try:
                services.need_set_status(actor=actor, need_id=need_id, **form.cleaned_data)
            except DomainError as error:
                form_errors_from(form, error)
            else:
                messages.success(request, _("Need updated."))
                return redirect("screening:need", need_id=need_id)
    return render(
        request,
        "screening/need.html",
        {
            "need": need,
            "label": CATEGORIES.get(need.category, need.category),
            "form": form,
            "history": selectors.need_history(actor=actor, need=need),
            "can_manage": actor.can("need.manage"),
        },
    )


@actor_page("screening.configure")
def instrument_settings(request: HttpRequest, actor: Actor) -> HttpResponse:
    instruments = instruments_current()
    current = [i.id for i in selectors.instrument_list_for(actor=actor)]
    form = InstrumentChoiceForm(
        request.POST or None,
        instruments=instruments,
        language=_ui_language(),
        initial={"instruments": current},
    )
    done = submit(
        request,
        form,
        lambda data: services.instrument_choices_set(
            actor=actor, instrument_ids=data["instruments"]
        ),
        success=_("Changes saved."),
        then=reverse("network:organization"),
    )
    if done:
        return done
    return render(
        request,
        "network/form.html",
        {
            "form": form,
            "title": _("Screening instruments"),
            "cancel_url": reverse("network:organization"),
            "instruments": instruments,
        },
    )


def person_panel(actor: Actor, person: Person) -> dict[str, Any] | None:
    """The person page's needs and screenings (registered in apps.py)."""
    return {
        "needs": selectors.need_list(actor=actor, person=person),
        "screenings": selectors.screening_list(actor=actor, person=person)[:20],
        "can_screen": actor.can("screening.perform"),
        "can_need": actor.can("need.manage"),
    }
