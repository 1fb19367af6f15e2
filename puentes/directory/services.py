"""Writes to the directory."""

from collections.abc import Callable
from pathlib import Path

from puentes.directory import search_index
from puentes.directory.importing.loader import ImportReport, load
from puentes.directory.importing.readers import read
from puentes.directory.models import Organization as DirectoryOrganization
from puentes.network.models import Organization as NetworkOrganization


def directory_import(
    *,
    path: Path,
    source: str,
    skip_invalid: bool = False,
    full: bool = True,
    updated_by: str = "",
    progress: Callable[[str, int, int], None] | None = None,
) -> ImportReport:
    """Import an HSDS 3.0 JSON file or tabular package, or a legacy 1.x/2.x package.

    Raises ImportFailed (listing every problem) and writes nothing, unless ``skip_invalid``.
    The search rows are rebuilt afterwards.
    """
    report = load(
        read(path),
        source=source,
        skip_invalid=skip_invalid,
        full=full,
        updated_by=updated_by,
        progress=progress,
    )
    search_index.rebuild()
    return report


def directory_search_index_rebuild() -> int:
    """Rebuild the search rows after the directory changed (an import, an edit)."""
    return search_index.rebuild()


def directory_organization_link(
    *, listing: DirectoryOrganization, organization: NetworkOrganization | None
) -> DirectoryOrganization:
    """Say which network organization maintains a directory organization's listings (and,
    with referrals, receives referrals for them); None unlinks it."""
    listing.network_organization = organization
    listing.save(update_fields=["network_organization", "updated_at"])
    return listing
