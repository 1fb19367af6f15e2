"""Uploaded directory files: unpacking them safely, and the progress a page can read."""

import zipfile
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _

MB = 1024 * 1024
COPY_CHUNK = MB


class UploadUnreadable(Exception):
    """The upload is not a JSON file or a ZIP holding a data package."""


def unpack_upload(upload: Path, folder: Path) -> Path:
    """The path the importer reads: the JSON file itself, or the folder of the package
    inside a ZIP (the folder holding datapackage.json, else the first one with CSV files)."""
    if upload.suffix.lower() in {".json", ".ndjson"}:
        return upload
    try:
        with zipfile.ZipFile(upload) as archive:
            _extract_safely(archive, folder)
    except zipfile.BadZipFile:
        raise UploadUnreadable(_("The file is not a readable ZIP archive.")) from None
    for marker in ("datapackage.json", "*.csv"):
        found = sorted(folder.rglob(marker), key=lambda p: (len(p.parts), str(p)))
        if found:
            return found[0].parent
    json_files = sorted(folder.rglob("*.json"))
    if json_files:
        return json_files[0]
    raise UploadUnreadable(_("The ZIP holds no CSV or JSON files."))


def _extract_safely(archive: zipfile.ZipFile, folder: Path) -> None:
    """Extract without letting a member escape the folder or fill the disk: the sizes the
    archive declares are checked first (total and compression ratio), then the bytes
    actually written are counted, since a crafted archive can declare anything."""
    members = [info for info in archive.infolist() if not info.is_dir()]
    limit = settings.DIRECTORY_UNPACKED_MAX_MB * MB
    declared = sum(info.file_size for info in members)
    compressed = sum(info.compress_size for info in members)
    if declared > limit:
        raise UploadUnreadable(_too_big())
    if declared > MB and declared > compressed * settings.DIRECTORY_ZIP_RATIO_MAX:
        raise UploadUnreadable(
            _(
                "The ZIP unpacks to %(ratio)s times its size (at most %(most)s): it is not "
                "an export we can read safely."
            )
            % {"ratio": declared // max(compressed, 1), "most": settings.DIRECTORY_ZIP_RATIO_MAX}
        )
    root, written = folder.resolve(), 0
    for info in members:
        target = (folder / info.filename).resolve()
        if not target.is_relative_to(root) or "__MACOSX" in target.parts:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        with archive.open(info) as source, target.open("wb") as destination:
            while chunk := source.read(COPY_CHUNK):
                written += len(chunk)
                if written > limit:
                    raise UploadUnreadable(_too_big())
                destination.write(chunk)


def _too_big() -> str:
    return _("The ZIP unpacks to more than %(mb)s MB.") % {"mb": settings.DIRECTORY_UNPACKED_MAX_MB}


def progress_key(import_pk: int) -> str:
    return f"directory-import-{import_pk}"
