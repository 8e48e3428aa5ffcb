"""Number expressions and qualifier bounds."""

from __future__ import annotations

import pytest

from processors.numbers import find_numbers, parse_number


@pytest.mark.parametrize(
    ("text", "value"),
    [("11,000", 11000), ("50k", 50000), ("1.5 million", 1_500_000), ("twenty-three", 23),
     ("a dozen", 12), ("five thousand", 5000), ("2bn", 2_000_000_000)],
)
def test_parse_number(text: str, value: float) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("over 10,000 soldiers", 10000, None),
        ("more than 300 people", 300, None),
        ("at least 6 soldiers", 6, None),
        ("up to 5,000 troops", None, 5000),
        ("nearly 12 people", 10.8, 12),
        ("an estimated 50,000 troops", 45000, 55000),
        ("about 200 tanks", 180, 220),
        ("around 12,000 troops", 10800, 13200),  # exactly: no 13200.000000000002 on the wire
        ("tens of thousands of troops", 20000, 99999),
        ("thousands of troops", 2000, 9999),
        ("between 3,000 and 5,000 troops", 3000, 5000),
        ("3,000-5,000 troops", 3000, 5000),
        ("3 to 5 million people", 3_000_000, 5_000_000),
        ("twenty-three soldiers", 23, 23),
        ("half a million refugees", 500_000, 500_000),
        ("roughly half a million soldiers", 450_000, 550_000),
        ("several thousand troops", 2000, 9999),
        ("a few hundred protesters", 200, 999),
        ("several hundred thousand people", 200_000, 999_999),
    ],
)
def test_bounds(text: str, low: float | None, high: float | None) -> None:
    (match,) = find_numbers(text)
    assert match.low == pytest.approx(low) if low is not None else match.low is None
    assert match.high == pytest.approx(high) if high is not None else match.high is None


def test_percent_is_flagged() -> None:
    assert [m.percent for m in find_numbers("40% of voters and 12 per cent of the rest")] == [True, True]


@pytest.mark.parametrize("text", ["$50 million", "at 10:30", "on 5/6", "the 2nd round", "the F-16 fighter", "COVID-19", "mid-2014"])
def test_not_a_count(text: str) -> None:
    assert find_numbers(text) == []


def test_offsets_point_into_the_text() -> None:
    text = "Russia had 11,000 troops."
    (match,) = find_numbers(text)
    assert text[match.start : match.end] == "11,000"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # thousands grouped by a space, a no-break or a thin space
        ("12 000 troops", [("12 000", 12000, 12000)]),
        ("about 1\u202f500 people", [("about 1\u202f500", 1350, 1650)]),
        ("between 10\u00a0000 and 12\u00a0000 troops", [("between 10\u00a0000 and 12\u00a0000", 10000, 12000)]),
        # a day of a month and a count after it are two numbers; a year is no group of three
        ("On May 12 200 people marched", [("12", 12, 12), ("200", 200, 200)]),
        ("in 2014 300 people", [("2014", 2014, 2014), ("300", 300, 300)]),
    ],
)
def test_thousands_grouped_by_spaces(text: str, expected: list) -> None:
    found = [(m.text, m.low, m.high) for m in find_numbers(text)]
    assert [(t, pytest.approx(lo), pytest.approx(hi)) for t, lo, hi in expected] == found
