"""The one error shape for everything under /api/ and /hsds/, including the failures Django
answers before (or instead of) the API: an unknown route, a wrong method, a body too large
or not parseable, a CSRF failure, a server error. Pages keep Django's own error pages."""

import json
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from django.views import defaults
from django.views.csrf import csrf_failure as django_csrf_failure

from puentes.core.errors import DomainError, csrf_refusal, not_found, refusal_for_status
from puentes.core.inputs import unsafe_text

API_PREFIXES = ("/api/", "/hsds/")


def is_api(request: HttpRequest) -> bool:
    return request.path.startswith(API_PREFIXES)


def error_json(error: DomainError) -> JsonResponse:
    return JsonResponse(error.as_dict(), status=error.status)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    too_large = isinstance(exception, (RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent))
    if not is_api(request):
        if too_large:
            message = _("The request is too large: files may be at most %(mb)s MB.") % {
                "mb": settings.UPLOAD_MAX_MB
            }
            return HttpResponse(message, status=413, content_type="text/plain; charset=utf-8")
        return defaults.bad_request(request, exception)  # type: ignore[arg-type]
    return error_json(refusal_for_status(413 if too_large else 400))


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    if not is_api(request):
        return defaults.permission_denied(request, exception)  # type: ignore[arg-type]
    return error_json(refusal_for_status(403))


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    if not is_api(request):
        return defaults.page_not_found(request, exception)
    return error_json(not_found())


def server_error(request: HttpRequest) -> HttpResponse:
    if not is_api(request):
        return defaults.server_error(request)
    return error_json(refusal_for_status(500))


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    if not is_api(request):
        return django_csrf_failure(request, reason)
    return error_json(csrf_refusal())


class ApiErrorShapeMiddleware:
    """Refuse unstorable text in query strings (and, under /api/ and /hsds/, JSON bodies)
    with a 400 naming the field; give Django's plain-text or HTML refusals under /api/ and
    /hsds/ (405, 404 from a resolver miss) the one JSON shape."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if errors := _unsafe_query(request) or _unsafe_body(request):
            refusal = DomainError("invalid", _("Please correct the fields shown."), errors)
            if is_api(request):
                return error_json(refusal)
            text = " ".join(f"{name}: {' '.join(why)}" for name, why in errors.items())
            return HttpResponse(text, status=400, content_type="text/plain; charset=utf-8")
        response = self.get_response(request)
        if is_api(request) and not _is_json(response):
            return _reshaped(response)
        return response


def _unsafe_body(request: HttpRequest) -> dict[str, list[str]]:
    """A JSON body's fields holding text no database can store. ninja parses the body again
    (its parser turns any exception into "not JSON", so the check cannot live there)."""
    if not is_api(request) or "json" not in (request.content_type or ""):
        return {}
    try:
        data = json.loads(request.body)
    except (ValueError, RequestDataTooBig):
        return {}  # ninja answers a body that is not JSON; Django one that is too large
    return unsafe_text(data)


def _unsafe_query(request: HttpRequest) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    for key, values in request.GET.lists():
        found = unsafe_text([key, *values])
        if found:
            errors[key] = next(iter(found.values()))
    return errors


def _is_json(response: HttpResponse) -> bool:
    kind = response.get("Content-Type", "")
    return "json" in kind or response.status_code < 400 or getattr(response, "streaming", False)


def _reshaped(response: Any) -> HttpResponse:
    allowed = response.get("Allow", "")
    shaped = error_json(refusal_for_status(response.status_code, allowed))
    if allowed:
        shaped["Allow"] = allowed
    return shaped
