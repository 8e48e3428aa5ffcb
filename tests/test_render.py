"""The terminal view of a claim's value: open bounds are shown as bounds."""

from __future__ import annotations

import pytest

from streams.render import stance


@pytest.mark.parametrize("low, high, shown", [
    (11000.0, 11000.0, "11,000 troops"),
    (45000.0, 55000.0, "45,000–55,000 troops"),
    (10000.0, None, "≥10,000 troops"),
    (None, 20000.0, "≤20,000 troops"),
])
def test_value_ranges(low, high, shown):
    claim = {"kind": "quantity", "value_low": low, "value_high": high, "unit": None, "predicate": "troops"}
    assert stance(claim) == shown


def test_a_disputed_figure_says_so():
    claim = {"kind": "quantity", "value_low": 90.0, "value_high": 90.0, "unit": "count", "predicate": "killed",
             "polarity": "denied"}
    assert stance(claim) == "disputes 90 killed"
