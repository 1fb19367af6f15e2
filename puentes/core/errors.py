"""The one error type every service raises, and how it maps to HTTP."""

from collections.abc import Mapping, Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# code -> HTTP status. Codes are stable API contract; messages are translated.
STATUS_BY_CODE = {
    "invalid": 400,
    "unauthenticated": 401,
    "forbidden": 403,
    "not_found": 404,
    "conflict": 409,
    "duplicate": 409,
    # The request is allowed but needs the person to confirm a warning (e.g. a full service).
    "confirm": 409,
    "locked": 423,
    "throttled": 429,
    # Refusals made before the request reaches a service (core.http_errors).
    "method_not_allowed": 405,
    "too_large": 413,
    "server_error": 500,
}


class DomainError(Exception):
    """A request that the rules refuse. Nothing has been written when this is raised."""

    def __init__(
        self,
        code: str,
        message: str | Any,
        fields: Mapping[str, Sequence[str | Any]] | None = None,
        extra: Mapping[str, Any] | None = None,
    ) -> None:
        if code not in STATUS_BY_CODE:
            raise ValueError(f"unknown error code {code!r}")
        self.code = code
        self.message = str(message)
        self.fields = {name: [str(m) for m in msgs] for name, msgs in (fields or {}).items()}
        self.extra = dict(extra or {})
        super().__init__(f"{code}: {self.message}")

    @property
    def status(self) -> int:
        return STATUS_BY_CODE[self.code]

    def as_dict(self) -> dict[str, Any]:
        body: dict[str, Any] = {"code": self.code, "message": self.message, "fields": self.fields}
        body.update(self.extra)
        return {"error": body}


def invalid(fields: Mapping[str, Sequence[str | Any]]) -> DomainError:
    return DomainError("invalid", _("Please correct the fields shown."), fields)


def not_found() -> DomainError:
    return DomainError("not_found", _("Not found."))


CSRF_MESSAGE = _(
    "Signed-in requests that change something need the CSRF token (the X-CSRFToken "
    "header); programs should send an API key instead."
)


def csrf_refusal() -> DomainError:
    return DomainError("forbidden", CSRF_MESSAGE)


def refusal_for_status(status: int, allowed: str = "") -> DomainError:
    """The one error shape for a refusal Django or ninja made with only a status code (an
    unknown route, a wrong method, a body too large or unreadable, a CSRF failure, a crash).
    ``allowed``: the methods a 405 route takes."""
    if status == 403:
        return DomainError("forbidden", _("Your role does not allow this."))
    if status == 404:
        return not_found()
    if status == 405:
        methods = {"methods": allowed or "—"}
        return DomainError(
            "method_not_allowed",
            _("This method is not allowed here. Allowed: %(methods)s.") % methods,
        )
    if status == 413:
        return DomainError("too_large", _("The request is too large."))
    if status >= 500:
        return DomainError(
            "server_error",
            _("Something went wrong on our side; nothing was saved. Try again later."),
        )
    unreadable = _("The request could not be read (its body or form data is malformed).")
    return DomainError("invalid", unreadable, {"__all__": [unreadable]})


def from_validation_error(error: ValidationError) -> DomainError:
    """Turn a model's full_clean() error into a DomainError with field messages."""
    if hasattr(error, "error_dict"):
        fields = {
            ("__all__" if name == "__all__" else name): [str(m) for e in errs for m in e.messages]
            for name, errs in error.error_dict.items()
        }
    else:
        fields = {"__all__": [str(m) for m in error.messages]}
    return invalid(fields)
