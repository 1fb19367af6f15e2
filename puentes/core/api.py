"""The API's one error shape: every failure is {"error": {"code", "message", "fields"}}."""

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, AuthorizationError, HttpError, ValidationError
from ninja.parser import Parser

from puentes.core.errors import DomainError, csrf_refusal, invalid, refusal_for_status
from puentes.core.inputs import unsafe_text

# Where pydantic reports a location, the first parts name the parameter source, not a field.
_LOCATION_PREFIXES = {"body", "query", "path", "form", "header", "cookie", "payload", "data"}


class SafeParser(Parser):
    """ninja's query and form parsing, refusing text no database can store (a NUL, a lone
    surrogate) with a 400 that names the field. JSON bodies are checked by
    core.http_errors.ApiErrorShapeMiddleware (ninja reports any body parser error as
    "not JSON")."""

    def parse_querydict(
        self, data: MultiValueDict[str, Any], list_fields: list[str], request: HttpRequest
    ) -> dict[str, Any]:
        parsed = super().parse_querydict(data, list_fields, request)
        if errors := unsafe_text(parsed):
            raise invalid(errors)
        return parsed


def _field_name(location: list[Any]) -> str:
    parts = [str(p) for p in location]
    while len(parts) > 1 and parts[0] in _LOCATION_PREFIXES:
        parts.pop(0)
    return ".".join(parts) or "__all__"


def _validation_fields(error: ValidationError) -> dict[str, list[str]]:
    fields: dict[str, list[str]] = {}
    for item in error.errors:
        name = _field_name(list(item.get("loc", [])))
        message = item.get("msg", "invalid")
        if item.get("type") == "missing":
            message = _("This field is required.")
        fields.setdefault(name, []).append(str(message))
    return fields


def error_response(api: NinjaAPI, request: HttpRequest, error: DomainError) -> HttpResponse:
    return api.create_response(request, error.as_dict(), status=error.status)


def install_error_handlers(api: NinjaAPI) -> None:
    @api.exception_handler(DomainError)
    def domain_error(request: HttpRequest, exc: DomainError) -> HttpResponse:
        return error_response(api, request, exc)

    @api.exception_handler(ValidationError)
    def validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        fields = _validation_fields(exc)
        return error_response(
            api, request, DomainError("invalid", _("Please correct the fields shown."), fields)
        )

    @api.exception_handler(AuthenticationError)
    def unauthenticated(request: HttpRequest, exc: Exception) -> HttpResponse:
        message = _("Sign in, or send an API key as 'Authorization: Bearer <key>'.")
        return error_response(api, request, DomainError("unauthenticated", message))

    @api.exception_handler(AuthorizationError)
    def forbidden(request: HttpRequest, exc: Exception) -> HttpResponse:
        message = _("Your role does not allow this.")
        return error_response(api, request, DomainError("forbidden", message))

    @api.exception_handler(Http404)
    def not_found(request: HttpRequest, exc: Exception) -> HttpResponse:
        return error_response(api, request, DomainError("not_found", _("Not found.")))

    @api.exception_handler(HttpError)
    def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        if exc.status_code == 400:
            # Raised by ninja for a body that is not JSON at all.
            fields = {"__all__": [_("The request body is not valid JSON.")]}
            error = DomainError("invalid", _("Malformed request body."), fields)
        elif exc.status_code == 403:  # ninja's CSRF check of a session-authenticated write
            error = csrf_refusal()
        else:
            error = refusal_for_status(exc.status_code)
        return error_response(api, request, error)
