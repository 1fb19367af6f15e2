"""The referral Task's states and who may move it, exactly as the Gravity IG's workflow
(../shared/docs/domain/referrals.md). The receiving side of a "light" referral (a service
not on the network) is played by the referring organization, which records the outcome."""

from puentes.referrals.models import ReferralStatus as S

REFERRING, RECEIVING, EITHER = "referring", "receiving", "either"

TRANSITIONS: dict[tuple[str, str], str] = {
    (S.DRAFT, S.REQUESTED): REFERRING,
    (S.REQUESTED, S.ACCEPTED): RECEIVING,
    (S.REQUESTED, S.REJECTED): RECEIVING,
    (S.REQUESTED, S.CANCELLED): EITHER,
    (S.ACCEPTED, S.IN_PROGRESS): RECEIVING,
    (S.ACCEPTED, S.ON_HOLD): RECEIVING,
    (S.ACCEPTED, S.COMPLETED): RECEIVING,
    (S.ACCEPTED, S.FAILED): RECEIVING,
    (S.ACCEPTED, S.CANCELLED): EITHER,
    (S.IN_PROGRESS, S.COMPLETED): RECEIVING,
    (S.IN_PROGRESS, S.FAILED): RECEIVING,
    (S.IN_PROGRESS, S.ON_HOLD): RECEIVING,
    (S.IN_PROGRESS, S.CANCELLED): EITHER,
    (S.ON_HOLD, S.IN_PROGRESS): RECEIVING,
    (S.ON_HOLD, S.COMPLETED): RECEIVING,
    (S.ON_HOLD, S.FAILED): RECEIVING,
    (S.ON_HOLD, S.CANCELLED): EITHER,
}
# Any state may be marked entered-in-error, by the referring side.
ANY_TO_ERROR_SIDE = REFERRING

REASON_REQUIRED = {S.REJECTED, S.CANCELLED, S.ON_HOLD, S.FAILED}


def side_allowed(from_status: str, to_status: str) -> str | None:
    """Which side may make this move, or None when the move does not exist."""
    if to_status == S.ENTERED_IN_ERROR and from_status != S.ENTERED_IN_ERROR:
        return ANY_TO_ERROR_SIDE
    return TRANSITIONS.get((from_status, to_status))


def moves_for(status: str, sides: set[str]) -> list[str]:
    """The statuses an actor playing ``sides`` may move a referral in ``status`` to."""
    found = []
    for (start, end), side in TRANSITIONS.items():
        if start == status and (side in sides or (side == EITHER and sides)):
            found.append(end)
    if REFERRING in sides and status not in (S.ENTERED_IN_ERROR,):
        found.append(S.ENTERED_IN_ERROR)
    return found
