"""Relative date resolution against the publication time."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from processors.timeexpr import default_range, resolve

PUBLISHED = datetime(2024, 11, 9, 12, tzinfo=timezone.utc)  # a Saturday


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("early August", date(2024, 8, 1), date(2024, 8, 10)),
        # a run of days, and the part of a day before a date
        ("August 17-18", date(2024, 8, 17), date(2024, 8, 18)),
        ("on the night of August 17-18", date(2024, 8, 17), date(2024, 8, 18)),
        ("Oct. 3 and 4", date(2024, 10, 3), date(2024, 10, 4)),
        ("2-4 September 2023", date(2023, 9, 2), date(2023, 9, 4)),
        ("the early hours of Thursday", date(2024, 11, 7), date(2024, 11, 7)),
        ("the morning of August 3", date(2024, 8, 3), date(2024, 8, 3)),
        # two dates that bound a period
        ("between August 12 and August 18", date(2024, 8, 12), date(2024, 8, 18)),
        ("between August 12 and 18", date(2024, 8, 12), date(2024, 8, 18)),
        ("from Monday to Wednesday", date(2024, 11, 4), date(2024, 11, 6)),
        ("from October 1 to 5", date(2024, 10, 1), date(2024, 10, 5)),
        ("in early August", date(2024, 8, 1), date(2024, 8, 10)),
        ("late August", date(2024, 8, 21), date(2024, 8, 31)),
        ("on Thursday", date(2024, 11, 7), date(2024, 11, 7)),
        ("late Thursday", date(2024, 11, 7), date(2024, 11, 7)),
        ("early on Friday morning", date(2024, 11, 8), date(2024, 11, 8)),
        ("Saturday", date(2024, 11, 9), date(2024, 11, 9)),
        ("last Saturday", date(2024, 11, 2), date(2024, 11, 2)),
        ("yesterday", date(2024, 11, 8), date(2024, 11, 8)),
        ("last week", date(2024, 10, 28), date(2024, 11, 3)),
        ("in October", date(2024, 10, 1), date(2024, 10, 31)),
        ("December", date(2023, 12, 1), date(2023, 12, 31)),
        ("February 2022", date(2022, 2, 1), date(2022, 2, 28)),
        ("Sept. 11, 2001", date(2001, 9, 11), date(2001, 9, 11)),
        ("last month", date(2024, 10, 1), date(2024, 10, 31)),
        ("3 days ago", date(2024, 11, 6), date(2024, 11, 6)),
        ("2023", date(2023, 1, 1), date(2023, 12, 31)),
        # parts of a year: a third each, this year's up to the day of publication
        ("late 2022", date(2022, 9, 1), date(2022, 12, 31)),
        ("in early 2023", date(2023, 1, 1), date(2023, 4, 30)),
        ("mid-2023", date(2023, 5, 1), date(2023, 8, 31)),
        ("the end of last year", date(2023, 9, 1), date(2023, 12, 31)),
        ("late this year", date(2024, 9, 1), date(2024, 11, 9)),
        # quarters and halves, of a year or the latest begun; seasons; decades
        ("in the third quarter", date(2024, 7, 1), date(2024, 9, 30)),
        ("Q1 2024", date(2024, 1, 1), date(2024, 3, 31)),
        ("the fourth quarter of 2023", date(2023, 10, 1), date(2023, 12, 31)),
        ("the first half of last year", date(2023, 1, 1), date(2023, 6, 30)),
        ("the summer", date(2024, 6, 1), date(2024, 8, 31)),
        ("last autumn", date(2023, 9, 1), date(2023, 11, 30)),  # this one is not over
        ("in the spring of 2022", date(2022, 3, 1), date(2022, 5, 31)),
        ("last winter", date(2023, 12, 1), date(2024, 2, 29)),
        ("the 1990s", date(1990, 1, 1), date(1999, 12, 31)),
        ("late last month", date(2024, 10, 21), date(2024, 10, 31)),
        ("early this month", date(2024, 11, 1), date(2024, 11, 9)),
        ("in recent years", date(2021, 11, 10), date(2024, 11, 9)),
        # a Saturday: "this weekend" and "over the weekend" are this one so far, "last weekend" the one before
        ("this weekend", date(2024, 11, 9), date(2024, 11, 9)),
        ("over the weekend", date(2024, 11, 9), date(2024, 11, 9)),
        ("last weekend", date(2024, 11, 2), date(2024, 11, 3)),
        ("overnight", date(2024, 11, 8), date(2024, 11, 9)),
        # spans ending on the day of publication
        ("the past 24 hours", date(2024, 11, 8), date(2024, 11, 9)),
        ("over the past week", date(2024, 11, 2), date(2024, 11, 9)),
        ("the last three days", date(2024, 11, 6), date(2024, 11, 9)),
        ("in recent days", date(2024, 11, 2), date(2024, 11, 9)),
    ],
)
def test_resolve(text: str, first: date, last: date) -> None:
    start, end = resolve(text, PUBLISHED)  # type: ignore[misc]
    assert (start.date(), end.date()) == (first, last)
    assert start.tzinfo is not None and end.hour == 23


@pytest.mark.parametrize("text", ["August 18-17", "between August 18 and August 12", "between August 12 and", "daily", "the past five years", "recently", "2030", "late 2030", "early next year", "the third half", "the 2030s"])
def test_unresolvable(text: str) -> None:
    assert resolve(text, PUBLISHED) is None


def test_default_range_is_the_day_before_publication() -> None:
    assert default_range(PUBLISHED) == (PUBLISHED - timedelta(days=1), PUBLISHED)


def test_weekends_said_on_a_weekday() -> None:
    monday = datetime(2024, 11, 11, 9, tzinfo=timezone.utc)
    start, end = resolve("over the weekend", monday)  # type: ignore[misc]
    assert (start.date(), end.date()) == (date(2024, 11, 9), date(2024, 11, 10))
    assert resolve("last weekend", monday) == resolve("over the weekend", monday)
    assert resolve("this weekend", monday) is None  # the one to come
