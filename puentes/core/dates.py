"""Calendar helpers."""

import datetime


def add_business_days(start: datetime.date, days: int) -> datetime.date:
    """The date ``days`` working days (Monday to Friday) after ``start``. Public holidays are
    not counted out: they differ by state and organization."""
    day = start
    remaining = days
    while remaining > 0:
        day += datetime.timedelta(days=1)
        if day.weekday() < 5:
            remaining -= 1
    return day


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day ``months`` later (or earlier), or the month's last day where it has no
    such day (31 August + 18 months = 28 February)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    following = datetime.date(year + (month + 1) // 12, (month + 1) % 12 + 1, 1)
    last = (following - datetime.timedelta(days=1)).day
    return datetime.date(year, month + 1, min(day.day, last))
