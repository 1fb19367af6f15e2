"""Uploads are limited while they stream in, not after they have filled the disk."""

from typing import Any

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.core.files.uploadhandler import FileUploadHandler


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
