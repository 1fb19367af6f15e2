"""What every page view shares: the actor, its permission check, and service errors."""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Page, Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render

from puentes.core.actor import Actor
from puentes.core.errors import DomainError

# Who is acting on a page request: network registers it (from its AppConfig.ready), so the
# page contract lives in core, below every app, and imports none of them.
_ACTOR_OF: list[Callable[[HttpRequest], Actor | None]] = []


def actor_source_register(source: Callable[[HttpRequest], Actor | None]) -> None:
    _ACTOR_OF[:] = [source]


def request_actor(request: HttpRequest) -> Actor | None:
    return _ACTOR_OF[0](request) if _ACTOR_OF else None


# A view may answer with a page or a download (a streaming response).
View = Callable[..., HttpResponseBase]


def actor_page(action: str | None = None) -> Callable[[View], View]:
    """Require sign-in and an organization; pass the actor as the view's second argument.

    A record outside the actor's reach (DomainError not_found) becomes Django's 404 page;
    a role that may not do ``action`` gets the 403 page.
    """

    def decorator(view: View) -> View:
        @login_required
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            actor = request_actor(request)
            if actor is None:
                return render(request, "web/no_organization.html", status=403)
            try:
                if action is not None:
                    actor.require(action)
                return view(request, actor, *args, **kwargs)
            except DomainError as error:
                if error.code == "not_found":
                    raise Http404(error.message) from None
                if error.code == "forbidden":
                    return render(
                        request, "web/forbidden.html", {"message": error.message}, status=403
                    )
                raise

        return wrapper

    return decorator


def form_errors_from(form: forms.BaseForm, error: DomainError) -> None:
    """Show a service's field errors beside the form's fields (others at the top)."""
    if not error.fields:
        form.add_error(None, error.message)
        return
    for name, field_messages in error.fields.items():
        field = form.fields.get(name)
        # A hidden field (the record's version) cannot show an error; say it at the top.
        target = name if field is not None and not field.widget.is_hidden else None
        for message in field_messages:
            form.add_error(target, message if target else f"{error.message} {message}")


def submit(
    request: HttpRequest,
    form: forms.BaseForm,
    write: Callable[[dict[str, Any]], object],
    *,
    success: str,
    then: str,
) -> HttpResponse | None:
    """The pattern of every page that writes: when a valid form was posted, run the service
    write; on success say so and go to ``then``; on a DomainError show it beside the fields.

    Returns the redirect, or None when the page should be shown (again).
    """
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        write(form.cleaned_data)
    except DomainError as error:
        form_errors_from(form, error)
        return None
    messages.success(request, success)
    return redirect(then)


def act(
    request: HttpRequest, write: Callable[[], object], *, success: str, then: str
) -> HttpResponse:
    """The pattern of a one-tap button (a small POST form beside a record): run the service
    write and go back to ``then`` saying how it went. A record out of reach or a refused role
    still becomes the 404 or 403 page; any other refusal is said at the top, with its
    field messages."""
    try:
        write()
    except DomainError as error:
        if error.code in ("forbidden", "not_found"):
            raise
        messages.error(request, refusal_text(error))
    else:
        messages.success(request, success)
    return redirect(then)


def query_without(request: HttpRequest, name: str) -> str:
    """The request's query string without ``name``: what a pager's links keep (the
    filters) when they set their own ``name``."""
    keep = request.GET.copy()
    keep.pop(name, None)
    return keep.urlencode()


def page_of(request: HttpRequest, items: Any, per_page: int) -> Page[Any]:
    """One page of ``items`` (the request's ``page``), carrying in ``keep`` the request's
    other query parameters, which the pager's links keep (web/_pager.html)."""
    page = Paginator(items, per_page).get_page(request.GET.get("page"))
    page.keep = query_without(request, "page")  # type: ignore[attr-defined]
    return page


def refusal_text(error: DomainError) -> str:
    """A refusal as one sentence for the top of a page: the message and each field's."""
    details = [message for field in error.fields.values() for message in field]
    return " ".join([error.message, *details])
