"""Uploaded directory files: unpacking them safely, and the progress a page can read."""

import shutil
import zipfile
from pathlib import Path

from django.utils.translation import gettext as _

# An upload may be compressed; refuse archives that would unpack to more than this.
MAX_UNPACKED_BYTES = 4 * 1024**3


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
    """Extract without letting a member escape the folder or fill the disk."""
    members = [info for info in archive.infolist() if not info.is_dir()]
    if sum(info.file_size for info in members) > MAX_UNPACKED_BYTES:
        raise UploadUnreadable(_("The ZIP unpacks to more than 4 GB."))
    root = folder.resolve()
    for info in members:
        target = (folder / info.filename).resolve()
        if not target.is_relative_to(root) or "__MACOSX" in target.parts:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        with archive.open(info) as source, target.open("wb") as destination:
            shutil.copyfileobj(source, destination)


def progress_key(import_pk: int) -> str:
    return f"directory-import-{import_pk}"
