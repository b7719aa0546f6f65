"""Legal deadlines counted in Indonesian working days.

UU 14/2008 counts its deadlines in working days (hari kerja): ten to send the
written notice, seven more for one extension, thirty to file an objection and
thirty for the atasan to answer it. A working day is Monday to Friday except
national public holidays; whether the government's collective leave days
(cuti bersama) count is not settled in law, so `settings.PPID_SKIP_CUTI_BERSAMA`
decides (default: skip them). Officers add local non-working days (a regional
holiday, an office closure) in the back office as `NonWorkingDay` rows.

Counting rule: the day something happens is day zero; day one is the next
working day. A request received on Thursday 27 March 2025 is therefore due on
the tenth working day after it.

`WorkingCalendar` answers "is this a working day, and if not why?" and
`Deadline` keeps the days it skipped so the tracking page can show how a due
date was reached. The periods themselves live in `ppid.periods`, which the
models read without importing this module (which reads the models).
"""

import datetime
from dataclasses import dataclass, field
from functools import lru_cache

import holidays
from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .models import NonWorkingDay
from .periods import (
    ANSWER_DAYS,
    DISPUTE_FILING_DAYS,
    MAX_EXTENSION_DAYS,
    OBJECTION_ANSWER_DAYS,
    OBJECTION_FILING_DAYS,
    OBLIGATION_DEFAULT_DAYS,
    REMINDER_HORIZON_DAYS,
)

# The statutory periods are named here too, for the code that counts them.
__all__ = [
    "ANSWER_DAYS",
    "DISPUTE_FILING_DAYS",
    "MAX_EXTENSION_DAYS",
    "OBJECTION_ANSWER_DAYS",
    "OBLIGATION_DEFAULT_DAYS",
    "OBJECTION_FILING_DAYS",
    "REMINDER_HORIZON_DAYS",
    "Deadline",
    "SkippedDay",
    "WorkingCalendar",
]

WEEKEND = {5, 6}
WEEKEND_LABEL = _("weekend")


@lru_cache(maxsize=64)
def _national_days(year, skip_cuti_bersama, language):
    categories = ("public", "government") if skip_cuti_bersama else ("public",)
    return dict(holidays.country_holidays("ID", years=year, categories=categories, language=language).items())


def _holiday_language():
    return "id" if (get_language() or "id").startswith("id") else "en_US"


@dataclass(frozen=True)
class SkippedDay:
    date: datetime.date
    reason: str
    # True when the day was skipped only for being a Saturday or Sunday.
    weekend: bool = False


@dataclass(frozen=True)
class Deadline:
    """A due date and how it was reached."""

    start: datetime.date
    days: int
    due: datetime.date
    skipped: list = field(default_factory=list)

    @property
    def skipped_holidays(self):
        """The skipped days other than plain weekends: holidays, leave and local days."""
        return [day for day in self.skipped if not day.weekend]

    @property
    def skipped_weekend_count(self):
        return sum(1 for day in self.skipped if day.weekend)


class WorkingCalendar:
    """Working days for one computation: national holidays plus the local days given."""

    def __init__(self, *, local_days=None, skip_cuti_bersama=None):
        # {date: description} of days officers closed locally.
        self.local_days = dict(local_days or {})
        if skip_cuti_bersama is None:
            skip_cuti_bersama = getattr(settings, "PPID_SKIP_CUTI_BERSAMA", True)
        self.skip_cuti_bersama = skip_cuti_bersama

    @classmethod
    def from_db(cls, **kwargs):
        """A calendar holding every local non-working day recorded in the back office."""
        local = dict(NonWorkingDay.objects.values_list("date", "description"))
        return cls(local_days=local, **kwargs)

    def reason(self, day):
        """Why a day is not a working day, or None when it is one."""
        national = _national_days(day.year, self.skip_cuti_bersama, _holiday_language())
        if day in national:
            return national[day]
        if day in self.local_days:
            return self.local_days[day] or str(_("local non-working day"))
        if day.weekday() in WEEKEND:
            return str(WEEKEND_LABEL)
        return None

    def is_working_day(self, day):
        return self.reason(day) is None

    def add_working_days(self, start, days):
        """The date `days` working days after `start`, with the days skipped on the way."""
        if days < 0:
            raise ValueError("days must not be negative")
        current, counted, skipped = start, 0, []
        while counted < days:
            current += datetime.timedelta(days=1)
            why = self.reason(current)
            if why is None:
                counted += 1
            else:
                skipped.append(SkippedDay(current, why, weekend=why == str(WEEKEND_LABEL)))
        return Deadline(start=start, days=days, due=current, skipped=skipped)

    def working_days_between(self, start, end):
        """Working days after `start` up to and including `end` (0 when end <= start)."""
        count, current = 0, start
        while current < end:
            current += datetime.timedelta(days=1)
            if self.reason(current) is None:
                count += 1
        return count

    def next_working_day(self, day):
        """`day` itself when it is a working day, otherwise the next one."""
        while self.reason(day) is not None:
            day += datetime.timedelta(days=1)
        return day
