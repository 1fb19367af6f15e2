"""Request and response helpers."""

from typing import Any

from django.conf import settings
from django.http import FileResponse, HttpRequest, HttpResponse, StreamingHttpResponse
from django.http.response import HttpResponseBase

from puentes.core.errors import not_found


def client_ip(request: HttpRequest) -> str | None:
    """The caller's address; behind a trusted proxy, the first X-Forwarded-For hop."""
    if getattr(settings, "TRUST_X_FORWARDED_FOR", False):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.split(",")[0].strip() or None
    return request.META.get("REMOTE_ADDR") or None


def stored_file_download(stored: Any, filename: str) -> FileResponse:
    """A stored upload as a download — never shown inline, since it may be any file a user
    sent — or not found when nothing is stored."""
    if not stored:
        raise not_found()
    return FileResponse(stored.open("rb"), as_attachment=True, filename=filename)


def attachment(content: Any, filename: str, content_type: str) -> HttpResponseBase:
    """A download: bytes or text at once, or an iterator of chunks streamed."""
    response: HttpResponseBase
    if isinstance(content, str | bytes):
        response = HttpResponse(content, content_type=content_type)
    else:
        response = StreamingHttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
