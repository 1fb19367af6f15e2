"""Whether a worker qualifies under a definition on a day — or every reason not, each with
its fix. Pure: it reads the worker's facts (selectors.worker_facts) and a definition, and
knows no state. The billing engine asks it through selectors.Qualifications.

A worker qualifies when their worker type is one the definition names and one of its
pathways is met on the day (a certificate held; hours accumulated; a window still open),
and, where the definition asks for continuing education, enough hours were recorded in the
window before the day once the worker has qualified that long.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from puentes.core.dates import add_months
from puentes.network.models import WorkerType
from puentes.workforce.definitions import (
    Definition,
    Hours,
    Pathway,
    definition_for,
    programme_title,
)


@dataclass(frozen=True)
class Held:
    programme: str
    issued_on: datetime.date
    expires_on: datetime.date | None

    def current(self, day: datetime.date) -> bool:
        return self.issued_on <= day and (self.expires_on is None or day <= self.expires_on)


@dataclass
class WorkerFacts:
    worker_types: frozenset[str] = frozenset()
    held: list[Held] = field(default_factory=list)
    # (definition id, pathway id) -> the day the worker started on it
    pathways: dict[tuple[str, str], datetime.date] = field(default_factory=dict)
    # (completed on, hours, of which supervised fieldwork)
    trainings: list[tuple[datetime.date, Decimal, Decimal]] = field(default_factory=list)
    # (from, until, hours)
    experience: list[tuple[datetime.date, datetime.date, Decimal]] = field(default_factory=list)
    # (day, minutes)
    supervision: list[tuple[datetime.date, int]] = field(default_factory=list)

    def training_hours(self, year: int, until: datetime.date) -> Decimal:
        """Hours of training completed in ``year`` up to ``until``."""
        return sum(
            (hours for done, hours, _f in self.trainings if done.year == year and done <= until),
            Decimal(0),
        )

    def supervision_hours(self, year: int, until: datetime.date) -> Decimal:
        minutes = sum(m for held, m in self.supervision if held.year == year and held <= until)
        return (Decimal(minutes) / 60).quantize(Decimal("0.01"))


@dataclass(frozen=True)
class Reason:
    reason: str
    fix: str


@dataclass
class Qualification:
    qualified: bool
    pathway: str = ""  # the title of the pathway met
    reasons: list[Reason] = field(default_factory=list)
    # Figures the check relied on that the sources do not confirm.
    unconfirmed: list[str] = field(default_factory=list)
    # False when the requirement is not for the worker's type (a doula under a CHW benefit).
    applies: bool = True


def _day(day: datetime.date) -> str:
    return date_format(day, "SHORT_DATE_FORMAT")


def _hours(value: Decimal | float) -> str:
    number = Decimal(str(value)).quantize(Decimal("0.01")).normalize()
    return f"{number:,f}"


def _language() -> str:
    return get_language() or "en"


def qualify(definition_id: str, facts: WorkerFacts, day: datetime.date) -> Qualification:
    """The worker's standing under the definition's version in effect on ``day``."""
    definition = definition_for(definition_id, day)
    if definition is None:
        return Qualification(
            False,
            reasons=[
                Reason(
                    _("No qualification rules for %(id)s on %(day)s.")
                    % {"id": definition_id, "day": _day(day)},
                    _("Check the payer's rule set."),
                )
            ],
        )
    title = definition.title.in_language(_language())
    if facts.worker_types.isdisjoint(definition.worker_types):
        types = ", ".join(str(dict(WorkerType.choices).get(t, t)) for t in definition.worker_types)
        return Qualification(
            False,
            applies=False,
            reasons=[
                Reason(
                    _("Not a worker type %(title)s accepts.") % {"title": title},
                    _("Accepted: %(types)s. Set the worker's types on their profile.")
                    % {"types": types},
                )
            ],
        )
    failed: list[Reason] = []
    for pathway in definition.pathways:
        unmet = _pathway_unmet(definition, pathway, facts, day)
        if not unmet:
            met = Qualification(True, pathway=pathway.title.in_language(_language()))
            met.unconfirmed = _unconfirmed(definition, pathway)
            return _with_continuing_education(definition, met, facts, day)
        name = pathway.title.in_language(_language())
        failed.extend(Reason(f"{name}: {r.reason}", r.fix) for r in unmet)
    return Qualification(False, reasons=failed)


def _unconfirmed(definition: Definition, pathway: Pathway) -> list[str]:
    notes = []
    figures = (
        pathway.training_hours,
        pathway.fieldwork_hours,
        pathway.experience_hours,
        pathway.experience_years,
        pathway.supervision_hours,
    )
    figure_unconfirmed = any(f is not None and not f.confirmed for f in figures)
    if not definition.confirmed or not pathway.confirmed or figure_unconfirmed:
        notes.append(
            _("%(pathway)s of %(title)s: figures not confirmed at the source.")
            % {
                "pathway": pathway.title.in_language(_language()),
                "title": definition.title.in_language(_language()),
            }
        )
    ce = definition.continuing_education
    if ce is not None and not (ce.confirmed and ce.window_confirmed):
        notes.append(
            ce.note.in_language(_language())
            if ce.note
            else _("Continuing education figures not confirmed at the source.")
        )
    return notes


def _pathway_unmet(
    definition: Definition, pathway: Pathway, facts: WorkerFacts, day: datetime.date
) -> list[Reason]:
    unmet: list[Reason] = []
    started = facts.pathways.get((definition.id, pathway.id))
    if pathway.certificate_within_months:
        unmet.extend(_window(pathway, started, day))
    if pathway.open_until and (started or day) > pathway.open_until:
        unmet.append(
            Reason(
                _("closed to new starts after %(day)s.") % {"day": _day(pathway.open_until)},
                _("Use another pathway."),
            )
        )
    if pathway.certificates:
        unmet.extend(_holds_one(pathway.certificates, facts, day))
    for credential in pathway.credentials:
        unmet.extend(_holds_one([credential], facts, day))
    for what, have, needed in _hours_counted(pathway, facts, day):
        if have < Decimal(str(needed.hours)):
            unmet.append(_short(needed, have, what))
    if pathway.experience_hours is not None:
        unmet.extend(_experience_hours(pathway.experience_hours, facts, started or day))
    if pathway.experience_years is not None:
        unmet.extend(_experience_years(pathway, facts, started or day))
    return unmet


def _hours_counted(
    pathway: Pathway, facts: WorkerFacts, day: datetime.date
) -> list[tuple[str, Decimal, Hours]]:
    """(what, hours recorded by ``day``, hours the pathway asks) for the training,
    fieldwork and supervision it asks for."""
    trained = sum((hours for done, hours, _f in facts.trainings if done <= day), Decimal(0))
    fieldwork = sum((f for done, _h, f in facts.trainings if done <= day), Decimal(0))
    supervised = Decimal(sum(m for held, m in facts.supervision if held <= day)) / 60
    counted = (
        (_("training"), trained, pathway.training_hours),
        (_("supervised fieldwork"), fieldwork, pathway.fieldwork_hours),
        (_("supervision"), supervised, pathway.supervision_hours),
    )
    return [(what, have, needed) for what, have, needed in counted if needed is not None]


@dataclass(frozen=True)
class Progress:
    """Hours toward one of a pathway's figures."""

    what: str
    have: Decimal
    needed: Decimal


def pathway_progress(
    definition: Definition, pathway: Pathway, facts: WorkerFacts, day: datetime.date
) -> list[Progress]:
    """How far the worker is toward each hour figure of a pathway they started."""
    started = facts.pathways.get((definition.id, pathway.id))
    found = [
        Progress(what, have, Decimal(str(needed.hours)))
        for what, have, needed in _hours_counted(pathway, facts, day)
    ]
    if pathway.experience_hours is not None:
        have, _begin = _experience_in_window(pathway.experience_hours, facts, started or day)
        found.append(Progress(_("experience"), have, Decimal(str(pathway.experience_hours.hours))))
    return found


def _short(needed: Hours, have: Decimal, what: str) -> Reason:
    return Reason(
        _("%(needed)s h of %(what)s needed; %(have)s h recorded.")
        % {"needed": _hours(needed.hours), "what": what, "have": _hours(have)},
        _("Record the %(what)s completed (%(missing)s h more).")
        % {"what": what, "missing": _hours(Decimal(str(needed.hours)) - have)},
    )


def _window(pathway: Pathway, started: datetime.date | None, day: datetime.date) -> list[Reason]:
    """A pathway one works under until a certificate is due."""
    name = pathway.title.in_language(_language())
    if started is None:
        return [
            Reason(
                _("no start on this pathway recorded."),
                _("Record the day the worker started on the %(pathway)s.") % {"pathway": name},
            )
        ]
    if day < started:
        return [
            Reason(
                _("started only on %(day)s.") % {"day": _day(started)},
                _("Work before the start is not covered by this pathway."),
            )
        ]
    deadline = pathway.certify_by(started)
    if deadline is not None and day > deadline:
        titles = ", ".join(programme_title(c, _language()) for c in pathway.then_certificates)
        return [
            Reason(
                _("the %(months)s months to certify ended on %(day)s.")
                % {"months": pathway.certificate_within_months, "day": _day(deadline)},
                _("Record the worker's certificate (%(titles)s).") % {"titles": titles},
            )
        ]
    return []


def _holds_one(accepted: list[str], facts: WorkerFacts, day: datetime.date) -> list[Reason]:
    titles = " / ".join(programme_title(c, _language()) for c in accepted)
    mine = [h for h in facts.held if h.programme in accepted]
    if any(h.current(day) for h in mine):
        return []
    lapsed = [h for h in mine if h.expires_on is not None and h.expires_on < day]
    if lapsed:
        latest = max(h.expires_on for h in lapsed if h.expires_on)
        return [
            Reason(
                _("%(title)s expired on %(day)s.") % {"title": titles, "day": _day(latest)},
                _("Record the renewed certificate."),
            )
        ]
    return [
        Reason(
            _("no current %(title)s.") % {"title": titles},
            _("Record it on the worker's record (number, dates and a scan)."),
        )
    ]


def _experience_in_window(
    needed: Hours, facts: WorkerFacts, end: datetime.date
) -> tuple[Decimal, datetime.date | None]:
    """Hours of experience recorded in the window ending ``end`` (spans dated by their
    last day), and the window's first day (None: no window)."""
    begin = add_months(end, -12 * needed.within_years) if needed.within_years else None
    have = sum(
        (
            hours
            for _from, until, hours in facts.experience
            if until <= end and (begin is None or until >= begin)
        ),
        Decimal(0),
    )
    return have, begin


def _experience_hours(needed: Hours, facts: WorkerFacts, end: datetime.date) -> list[Reason]:
    have, begin = _experience_in_window(needed, facts, end)
    if have >= Decimal(str(needed.hours)):
        return []
    if begin is None:
        return [_short(needed, have, _("experience"))]
    return [
        Reason(
            _(
                "%(needed)s h of experience needed between %(begin)s and %(end)s; "
                "%(have)s h recorded."
            )
            % {
                "needed": _hours(needed.hours),
                "begin": _day(begin),
                "end": _day(end),
                "have": _hours(have),
            },
            _("Record the worker's experience (dates and hours)."),
        )
    ]


def _experience_years(pathway: Pathway, facts: WorkerFacts, end: datetime.date) -> list[Reason]:
    needed = pathway.experience_years
    if needed is None:
        return []
    begin = add_months(end, -12 * needed.within_years)
    covered: set[datetime.date] = set()
    for start, until, _hours_worked in facts.experience:
        first, last = max(start, begin), min(until, end)
        covered.update(first + datetime.timedelta(days=n) for n in range((last - first).days + 1))
    # A year of experience is 365 days worked in (a leap day is not asked for twice).
    years = Decimal(len(covered)) / Decimal(365)
    if years >= Decimal(str(needed.years)):
        return []
    return [
        Reason(
            _("%(needed)s years of experience needed within %(window)s years; %(have)s recorded.")
            % {
                "needed": _hours(needed.years),
                "window": needed.within_years,
                "have": _hours(years.quantize(Decimal("0.1"))),
            },
            _("Record the worker's experience (dates and hours)."),
        )
    ]


def _with_continuing_education(
    definition: Definition, met: Qualification, facts: WorkerFacts, day: datetime.date
) -> Qualification:
    """Continuing education by calendar year (DHCS: 6 hours "annually"): a visit in 2026
    needs the hours recorded in 2026 (in the last ``every_years`` years for a longer cycle),
    from the first full year after the worker qualified. Training recorded later in the year
    makes the year's visits billable."""
    ce = definition.continuing_education
    if ce is None:
        return met
    since = _qualified_since(definition, facts)
    if since is None or day.year <= since.year:
        return met
    first_year = day.year - ce.every_years + 1
    have = sum(
        (hours for done, hours, _f in facts.trainings if first_year <= done.year <= day.year),
        Decimal(0),
    )
    needed = Decimal(str(ce.hours))
    if have >= needed:
        return met
    years = str(day.year) if ce.every_years == 1 else f"{first_year}–{day.year}"
    return Qualification(
        False,
        reasons=[
            Reason(
                _("%(needed)s h of continuing training needed in %(years)s; %(have)s h recorded.")
                % {"needed": _hours(needed), "years": years, "have": _hours(have)},
                _("Record %(missing)s h more training.") % {"missing": _hours(needed - have)},
            )
        ],
        unconfirmed=met.unconfirmed,
    )


def _qualified_since(definition: Definition, facts: WorkerFacts) -> datetime.date | None:
    """The first day the worker stood on one of the definition's pathways: a pathway
    started, or a certificate it accepts issued."""
    days = [
        started
        for (definition_id, _p), started in facts.pathways.items()
        if definition_id == definition.id
    ]
    accepted = {c for p in definition.pathways for c in p.certificates}
    days += [h.issued_on for h in facts.held if h.programme in accepted]
    return min(days) if days else None
