"""Uploads are limited while they stream in, not after they have filled the disk."""

from typing import Any

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.core.files.uploadedfile import UploadedFile
from django.core.files.uploadhandler import FileUploadHandler
from django.utils.translation import gettext as _


class UploadTooLarge(RequestDataTooBig):
    """A file bigger than any upload Puentes takes (answered as 413 / a page saying so)."""


class LimitedUploadHandler(FileUploadHandler):
    """Counts every uploaded file's bytes as they arrive and stops the request once one
    passes UPLOAD_MAX_MB (the largest upload any form takes; each form also checks its own,
    smaller limit). The other handlers keep the file on disk meanwhile, never in memory."""

    def new_file(self, *args: Any, **kwargs: Any) -> None:
        super().new_file(*args, **kwargs)
        self.received = 0

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes:
        self.received += len(raw_data)
        if self.received > settings.UPLOAD_MAX_MB * 1024 * 1024:
            raise UploadTooLarge(f"an uploaded file passed {settings.UPLOAD_MAX_MB} MB")
        return raw_data

    def file_complete(self, file_size: int) -> None:
        return None  # the next handler builds the file


# A scan of a paper document (a practitioner's recommendation, a certificate): a PDF or an
# image, by the file's suffix.
SCAN_TYPES = {"pdf", "png", "jpg", "jpeg", "heic", "tif", "tiff"}
SCAN_MAX_BYTES = 10 * 1024 * 1024


def scan_refusal(upload: UploadedFile) -> str | None:
    """Why an uploaded scan is refused (not a PDF or an image, or over 10 MB), or None."""
    name = upload.name or ""
    suffix = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if suffix not in SCAN_TYPES:
        return _("Attach a PDF or an image (PNG, JPEG, HEIC, TIFF).")
    if (upload.size or 0) > SCAN_MAX_BYTES:
        return _("Attach a file of at most 10 MB.")
    return None
