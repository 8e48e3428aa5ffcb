"""Resolution of date expressions ("early August", "on Thursday", "last week") to intervals.

Every interval is inclusive and made of whole UTC days: ``start`` is 00:00:00 of its first
day and ``end`` 23:59:59 of its last. Expressions without a year point to the most recent
matching period that does not start after the article's publication time.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, time, timedelta, timezone

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
_WEEKDAYS.update({name.lower(): i for i, name in enumerate(calendar.day_abbr)})
_NUMBER_WORDS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten".split())}
_FILLER = re.compile(r"^(?:on|in|at|during|since|by|from|of|the|over|within|"
                     r"(?:early |small )?hours of|(?:night|morning|afternoon|evening) of)\s+", re.IGNORECASE)

_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_PART_RE = r"early|mid|middle of|late|the end of|end of|the beginning of|beginning of|the start of|start of"
#: The end of a run of days: "17-18", "17 and 18", "17 to 19".
_DAYS_TO = r"(?:\s*(?:-|–|and|to)\s*(?P<{}>\d{{1,2}})(?:st|nd|rd|th)?)?"
_MONTH_PHRASE = re.compile(
    rf"^(?:(?P<part>{_PART_RE})[\s-]+)?(?:(?P<day1>\d{{1,2}})(?:st|nd|rd|th)?{_DAYS_TO.format('to1')}\s+(?:of\s+)?)?"
    rf"(?P<month>{_MONTH_RE})\.?(?:\s+(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?{_DAYS_TO.format('to2')})?"
    rf"(?:,?\s+(?P<year>(?:19|20)\d\d))?$",
    re.IGNORECASE,
)
_AGO = re.compile(r"^(?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
                  r"(?P<unit>day|week|month|year)s?\s+ago$", re.IGNORECASE)
_LAST_N = re.compile(r"^(?:past|last|previous)\s+(?P<n>\d+|two|three|four|five|six|seven|eight|nine|ten|few)\s+"
                     r"(?P<unit>hour|day|week|month)s?$", re.IGNORECASE)
#: "in recent days", "recent weeks": about as far back as the unit again.
_RECENT = {"recent days": 7, "recent weeks": 30, "recent months": 180, "recent years": 3 * 365}
_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
_YEAR_RE = r"(?:19|20)\d\d|last year|this year"
#: Quarters and halves: "the third quarter", "Q3 2024", "the first half of 2023".
_SHARE_PHRASE = re.compile(
    rf"^(?:(?P<ord>first|1st|second|2nd|third|3rd|fourth|4th)\s+(?P<unit>quarter|half)|q(?P<q>[1-4]))"
    rf"(?:,?\s+(?:of\s+)?(?P<year>{_YEAR_RE}))?$", re.IGNORECASE)
#: Seasons, as in the northern hemisphere, by their first and last month (winter runs into the next year).
_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}
_SEASON_PHRASE = re.compile(
    rf"^(?:(?P<which>last|this|past|previous)\s+)?(?P<season>{'|'.join(_SEASONS)})"
    rf"(?:,?\s+(?:of\s+)?(?P<year>(?:19|20)\d\d))?$", re.IGNORECASE)
_PART_OF_MONTH = re.compile(rf"^(?P<part>{_PART_RE})[\s-]+(?P<which>last|this|earlier this) month$", re.IGNORECASE)
_DECADE = re.compile(r"^(?P<decade>(?:19|20)\d0)'?s$")
_YEAR_PHRASE = re.compile(rf"^(?:(?P<part>{_PART_RE})[\s-]+)?(?P<year>{_YEAR_RE})$",
                          re.IGNORECASE)
_RELATIVE_PERIOD = re.compile(r"^(?:(?P<which>last|this|past|earlier this|previous)\s+)"
                              r"(?P<unit>week|month|year)$", re.IGNORECASE)


def day_range(first: date, last: date) -> tuple[datetime, datetime]:
    """The inclusive UTC interval covering whole days ``first``..``last``."""
    return (
        datetime.combine(first, time.min, tzinfo=timezone.utc),
        datetime.combine(last, time(23, 59, 59), tzinfo=timezone.utc),
    )


def default_range(published_at: datetime) -> tuple[datetime, datetime]:
    """The reference period of a claim without a date: the day before publication."""
    return published_at - timedelta(days=1), published_at


#: Two dates that bound a period: "between August 12 and August 18", "from Monday to Wednesday".
_BOUNDED = re.compile(r"^(?:between|from) (?P<first>.+?) (?:and|to|until|till|through) (?P<last>.+)$")


def resolve(text: str, published_at: datetime) -> tuple[datetime, datetime] | None:
    """The interval ``text`` denotes relative to ``published_at``, or None if not understood."""
    phrase = re.sub(r"\s+", " ", text.strip().strip(".,")).lower()
    today = published_at.astimezone(timezone.utc).date()
    interval = _days(phrase.removeprefix("between "), today)  # "between August 12 and 18" as "August 12 and 18"
    if interval is None and (bounded := _BOUNDED.match(phrase)) is not None:
        first, last = _days(bounded.group("first"), today), _days(bounded.group("last"), today)
        interval = (first[0], last[1]) if first is not None and last is not None and first[0] <= last[1] else None
    return day_range(*interval) if interval is not None else None


def _days(phrase: str, today: date) -> tuple[date, date] | None:
    """The first and last day of a lower-cased ``phrase`` as of ``today``, or None."""
    while _FILLER.match(phrase):
        phrase = _FILLER.sub("", phrase, count=1)
    for resolver in (_deictic, _weekday, _relative_period, _last_n, _ago, _month_phrase, _part_of_month, _year,
                     _share, _season, _decade):
        interval = resolver(phrase, today)
        if interval is not None:
            return interval
    return None


def _deictic(phrase: str, today: date) -> tuple[date, date] | None:
    if phrase in ("today", "tonight", "this morning", "this afternoon", "this evening", "earlier today"):
        return today, today
    if phrase in ("yesterday", "last night", "yesterday morning", "yesterday afternoon", "yesterday evening"):
        day = today - timedelta(days=1)
        return day, day
    if phrase == "overnight":  # the night that ended on the day of publication
        return today - timedelta(days=1), today
    if phrase in ("weekend", "last weekend", "this weekend", "over the weekend", "over weekend"):
        # the latest Saturday-Sunday begun by today; "last weekend" said during one is the one
        # before, "this weekend" said on a weekday is yet to come
        in_weekend = today.weekday() >= 5
        if phrase == "this weekend" and not in_weekend:
            return None
        back = (today.weekday() - 5) % 7 + (7 if phrase == "last weekend" and in_weekend else 0)
        saturday = today - timedelta(days=back)
        return saturday, min(saturday + timedelta(days=1), today)
    return None


def _weekday(phrase: str, today: date) -> tuple[date, date] | None:
    words = phrase.split()
    if len(words) > 1 and words[0] in ("early", "late"):  # "late Thursday", "early on Friday morning"
        words = words[2:] if words[1] == "on" else words[1:]
    strict = words[0] in ("last", "past", "previous") if len(words) == 2 else False
    if len(words) == 2 and words[0] in ("last", "past", "previous", "this"):
        words = words[1:]
    if len(words) == 2 and words[1] in ("morning", "afternoon", "evening", "night"):
        words = words[:1]
    if len(words) != 1 or words[0].rstrip(".") not in _WEEKDAYS:
        return None
    back = (today.weekday() - _WEEKDAYS[words[0].rstrip(".")]) % 7
    if strict and back == 0:
        back = 7
    day = today - timedelta(days=back)
    return day, day


def _relative_period(phrase: str, today: date) -> tuple[date, date] | None:
    match = _RELATIVE_PERIOD.match(phrase)
    if not match:
        return None
    which, unit = match.group("which"), match.group("unit")
    current = which in ("this", "earlier this")
    if which == "past":
        span = {"week": 7, "month": 30, "year": 365}[unit]
        return today - timedelta(days=span), today
    if unit == "week":
        monday = today - timedelta(days=today.weekday())
        return (monday, today) if current else (monday - timedelta(days=7), monday - timedelta(days=1))
    if unit == "month":
        first = today.replace(day=1)
        if current:
            return first, today
        last = first - timedelta(days=1)
        return last.replace(day=1), last
    first = today.replace(month=1, day=1)
    return (first, today) if current else (date(today.year - 1, 1, 1), date(today.year - 1, 12, 31))


def _last_n(phrase: str, today: date) -> tuple[date, date] | None:
    """ "the past 24 hours", "the last three days", "in recent days": a span ending today."""
    if phrase in _RECENT:
        return today - timedelta(days=_RECENT[phrase]), today
    match = _LAST_N.match(phrase)
    if not match:
        return None
    raw, unit = match.group("n"), match.group("unit")
    n = int(raw) if raw.isdigit() else _NUMBER_WORDS.get(raw, 3)  # "the past few days"
    days = -(-n // 24) if unit == "hour" else n * _UNIT_DAYS[unit]
    return today - timedelta(days=days), today


def _ago(phrase: str, today: date) -> tuple[date, date] | None:
    match = _AGO.match(phrase)
    if not match:
        return None
    raw = match.group("n")
    n = int(raw) if raw.isdigit() else _NUMBER_WORDS.get(raw, 1)
    unit = match.group("unit")
    day = today - timedelta(days=n * _UNIT_DAYS[unit])
    slack = timedelta(days=_UNIT_DAYS[unit] // 2)  # "two weeks ago" is not a precise day
    return day - slack, min(day + slack, today)


_UNIT_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365}


def _month_phrase(phrase: str, today: date) -> tuple[date, date] | None:
    match = _MONTH_PHRASE.match(phrase)
    if not match:
        return None
    month = _MONTHS[match.group("month").lower()]
    year = int(match.group("year")) if match.group("year") else None
    day_text = match.group("day1") or match.group("day2")
    if year is None:
        year = today.year if (month, int(day_text or 1)) <= (today.month, today.day) else today.year - 1
    last_day = calendar.monthrange(year, month)[1]
    if day_text:
        day = int(day_text)
        until = int(match.group("to1") or match.group("to2") or day)  # "August 17-18": both days
        return (date(year, month, day), date(year, month, until)) if 1 <= day <= until <= last_day else None
    return _third_of_month(year, month, match.group("part"))


#: Which third of a month or a year a part names: "early", "mid" or "late" (and their longer forms).
_THIRDS = {"early": 0, "beginning of": 0, "start of": 0, "mid": 1, "middle of": 1, "late": 2, "end of": 2}


def _third(part: str | None) -> int | None:
    return _THIRDS.get((part or "").lower().replace("the ", ""))


def _third_of_month(year: int, month: int, part: str | None) -> tuple[date, date]:
    """ "early" (1st-10th), "mid" (11th-20th) or "late" (21st on) ``month``, or all of it."""
    last_day = calendar.monthrange(year, month)[1]
    third = _third(part)
    if third is None:
        return date(year, month, 1), date(year, month, last_day)
    return date(year, month, 1 + 10 * third), date(year, month, last_day if third == 2 else 10 * (third + 1))


def _part_of_month(phrase: str, today: date) -> tuple[date, date] | None:
    """ "late last month", "early this month"."""
    match = _PART_OF_MONTH.match(phrase)
    if not match:
        return None
    month_day = today.replace(day=1) - timedelta(days=1) if match.group("which").lower() == "last" else today
    start, end = _third_of_month(month_day.year, month_day.month, match.group("part"))
    return (start, min(end, today)) if start <= today else None


def _year(phrase: str, today: date) -> tuple[date, date] | None:
    """ "2022", "late 2022", "mid-2023", "the end of last year", "early this year"."""
    match = _YEAR_PHRASE.match(phrase)
    if not match:
        return None
    named, third = match.group("year"), _third(match.group("part"))
    year = _named_year(named, today)
    if year > today.year or third is None and not named[0].isdigit():
        return None  # a year to come; "last year" alone is ``_relative_period``'s
    # "early 2023" is January to April, "late last year" September on
    first, last = (1, 12) if third is None else (1 + 4 * third, 4 + 4 * third)
    start, end = date(year, first, 1), date(year, last, calendar.monthrange(year, last)[1])
    return (start, min(end, today)) if start <= today else None


def _named_year(named: str, today: date) -> int:
    """The year "2023", "last year" or "this year" names."""
    return today.year - 1 if named.lower() == "last year" else today.year if named.lower() == "this year" else int(named)


def _share(phrase: str, today: date) -> tuple[date, date] | None:
    """ "the third quarter (of 2023)", "Q1 2024", "the second half of last year"; without a year
    the latest such part begun by today."""
    match = _SHARE_PHRASE.match(phrase)
    if not match:
        return None
    if match.group("q"):
        size, index = 3, int(match.group("q"))
    else:
        size, index = (3 if match.group("unit").lower() == "quarter" else 6), _ORDINALS[match.group("ord").lower()]
        if size == 6 and index > 2:
            return None
    first_month = (index - 1) * size + 1
    year = _named_year(match.group("year"), today) if match.group("year") else \
        today.year if first_month <= today.month else today.year - 1
    last_month = first_month + size - 1
    start, end = date(year, first_month, 1), date(year, last_month, calendar.monthrange(year, last_month)[1])
    return (start, min(end, today)) if start <= today else None


def _season(phrase: str, today: date) -> tuple[date, date] | None:
    """ "the summer", "last winter", "spring 2023": a season begun by today ("last" one over
    before today), in the northern hemisphere's months."""
    match = _SEASON_PHRASE.match(phrase)
    if not match:
        return None
    first, last = _SEASONS[match.group("season").lower()]

    def season_of(year: int) -> tuple[date, date]:  # the season that starts in ``year``
        end_year = year + 1 if last < first else year
        return date(year, first, 1), date(end_year, last, calendar.monthrange(end_year, last)[1])

    if match.group("year"):
        start, end = season_of(int(match.group("year")) - (1 if last < first else 0))  # "winter 2023": Dec 2022 on
    else:
        start, end = season_of(today.year)
        if start > today or (match.group("which") or "").lower() in ("last", "past", "previous") and end >= today:
            start, end = season_of(today.year - 1)
    return (start, min(end, today)) if start <= today else None


def _decade(phrase: str, today: date) -> tuple[date, date] | None:
    """ "the 1990s"."""
    match = _DECADE.match(phrase)
    if not match or int(match.group("decade")) > today.year:
        return None
    first = int(match.group("decade"))
    return date(first, 1, 1), min(date(first + 9, 12, 31), today)
