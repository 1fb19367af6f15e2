"""An enrollment's states and the moves between them, as data (the way referrals/workflow.py
holds the referral Task's): which status may follow which, which moves need a reason, and
the statuses an enrollment may start in."""

from puentes.care.models import EnrollmentStatus as S

MOVES: dict[str, set[str]] = {
    S.REFERRED: {S.ENROLLED, S.ACTIVE, S.DISENROLLED},
    S.ENROLLED: {S.ACTIVE, S.PAUSED, S.COMPLETED, S.DISENROLLED},
    S.ACTIVE: {S.PAUSED, S.COMPLETED, S.DISENROLLED},
    S.PAUSED: {S.ACTIVE, S.COMPLETED, S.DISENROLLED},
    S.COMPLETED: set(),
    S.DISENROLLED: set(),
}
REASON_REQUIRED = {S.DISENROLLED, S.PAUSED}
STARTING_STATUSES = (S.REFERRED, S.ENROLLED, S.ACTIVE)


def moves_from(status: str) -> set[str]:
    """The statuses an enrollment in ``status`` may move to."""
    return MOVES.get(status, set())
