"""Number expressions in text: digits, number words, vague amounts, ranges and qualifiers.

``find_numbers`` returns every number expression with its bounds already widened by its
qualifier: "over 10,000" → [10000, None], "up to 5,000" → [None, 5000], "nearly 12" →
[10.8, 12], "about 50,000" → [45000, 55000], "tens of thousands" → [20000, 99999],
"several thousand" → [2000, 9999], "half a million" → [500000, 500000],
"between 3,000 and 5,000" → [3000, 5000]. ``None`` stands for an open end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Relative half-width of the band around an approximate number ("about 50,000").
APPROX_BAND = 0.1

_UNITS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen "
        "fourteen fifteen sixteen seventeen eighteen nineteen".split()
    )
}
_TENS = {w: 10 * i for i, w in enumerate("_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()) if i >= 2}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
           "dozen": 12, "k": 1_000, "m": 1_000_000, "bn": 1_000_000_000}
#: Vague amounts, as the interval they are read as.
_VAGUE = {
    "dozens": (24, 99), "scores": (40, 99), "hundreds": (200, 999), "thousands": (2_000, 9_999),
    "tens of thousands": (20_000, 99_999), "hundreds of thousands": (200_000, 999_999),
    "millions": (2_000_000, 9_999_999), "tens of millions": (20_000_000, 99_999_999),
    "hundreds of millions": (200_000_000, 999_999_999),
    **{f"{few} {scale}": bounds for few in ("several", "a few")
       for scale, bounds in (("dozen", (24, 99)), ("hundred", (200, 999)), ("thousand", (2_000, 9_999)),
                             ("hundred thousand", (200_000, 999_999)), ("million", (2_000_000, 9_999_999)))},
}
_LOWER = ("more than", "over", "at least", "above", "in excess of", "upwards of", "exceeding",
          "no fewer than", "no less than", "a minimum of", "north of", "just over")
_UPPER = ("up to", "at most", "as many as", "no more than", "less than", "fewer than", "under",
          "below", "a maximum of", "just under")
_NEARLY = ("nearly", "almost", "close to", "just shy of")
_ABOUT = ("about", "around", "approximately", "roughly", "some", "an estimated", "estimated",
          "circa", "an approximate", "approx.")

_WORD = (
    rf"(?:(?:{'|'.join(_TENS)})(?:[- ](?:{'|'.join(k for k in _UNITS if _UNITS[k] < 10)}))?"
    rf"|{'|'.join(sorted(_UNITS, key=len, reverse=True))})"
)
#: Thousands grouped by a comma ("11,000") or by a space, as many outlets outside the US write them ("11 000").
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?![\d,.])|\d+(?:\.\d+)?"
_GROUP_SPACE = re.compile(r"(?<=\d)[ \u00a0\u202f\u2009](?=\d{3}(?!\d))")
#: A day of a month before a number ("on May 12 200 people ..."): the two are not one number.
_MONTH_BEFORE = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+$", re.IGNORECASE)
_SCALE = r"(?:\s*(?:k|bn|m)\b|\s+(?:hundred|thousand|million|billion|dozen)s?\b(?!\s+of\b))"
_NUMBER = rf"(?:(?:{_DIGITS}|\b{_WORD}\b){_SCALE}*|\b(?:half\s+)?an?\s+(?:hundred|thousand|million|billion|dozen)\b)"
_QUALIFIER = "|".join(re.escape(q) for q in sorted(_LOWER + _UPPER + _NEARLY + _ABOUT, key=len, reverse=True))
_VAGUE_RE = "|".join(re.escape(v) for v in sorted(_VAGUE, key=len, reverse=True))
_EXPRESSION = re.compile(
    rf"(?<![\w$€£¥.,:/])(?:(?P<qual>{_QUALIFIER})\s+)?"
    rf"(?:between\s+(?P<a>{_NUMBER})\s+and\s+(?P<b>{_NUMBER})"
    rf"|(?P<c>{_NUMBER})(?:\s*[-–]\s*(?=\d)|\s+to\s+)(?P<d>{_NUMBER})"
    rf"|(?P<n>{_NUMBER})"
    rf"|(?P<v>{_VAGUE_RE}))"
    rf"(?P<pct>\s*%|\s+per\s?cent\b)?(?![\w:/]|[.,]\d)",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class NumberMatch:
    """One number expression: char offsets relative to the searched text, and bounds."""

    start: int
    end: int
    text: str
    low: float | None
    high: float | None
    percent: bool
    vague: bool


def parse_number(text: str) -> float | None:
    """The value of one number ("11,000", "50k", "1.5 million", "twenty-three", "a dozen")."""
    words = _GROUP_SPACE.sub("", text).lower().replace(",", "").replace("-", " ").split()
    words = [w for part in words for w in _split_suffix(part)]
    if not words:
        return None
    value: float | None = None
    for word in words:
        if word == "half" and value is None:
            value = 0.5  # "half a million"
        elif word in ("a", "an"):
            value = 1.0 if value is None else value
        elif word.rstrip("s") in _SCALES and value is not None:
            value *= _SCALES[word.rstrip("s")]
        elif word in _SCALES and value is None and word == "dozen":
            value = 12.0
        elif _is_float(word):
            value = float(word) if value is None else value + float(word)
        elif word in _UNITS or word in _TENS:
            amount = _UNITS.get(word, _TENS.get(word, 0))
            value = float(amount) if value is None else value + amount
        else:
            return None
    return value


def _split_suffix(word: str) -> list[str]:
    """ "50k" → ["50", "k"], "2bn" → ["2", "bn"]; other words unchanged."""
    match = re.fullmatch(r"(\d+(?:\.\d+)?)(k|m|bn)", word)
    return [match.group(1), match.group(2)] if match else [word]


def _is_float(word: str) -> bool:
    try:
        float(word)
    except ValueError:
        return False
    return True


def qualify(low: float, high: float, qualifier: str | None) -> tuple[float | None, float | None]:
    """Widen [low, high] by a qualifier ("over", "up to", "about", "nearly", ...)."""
    q = (qualifier or "").lower()
    if q in _LOWER:
        return low, None
    if q in _UPPER:
        return None, high
    # rounded, so "about 12,000" is up to 13,200 on the wire, not 13200.000000000002
    if q in _NEARLY:
        return round(low * (1 - APPROX_BAND), 6), high
    if q in _ABOUT:
        return round(low * (1 - APPROX_BAND), 6), round(high * (1 + APPROX_BAND), 6)
    return low, high


def find_numbers(text: str) -> list[NumberMatch]:
    """Every number expression in ``text`` with qualifier-widened bounds."""
    matches = []
    position = 0
    while (m := _EXPRESSION.search(text, position)) is not None:
        position = m.end()
        if (space := _GROUP_SPACE.search(m.group(0))) is not None and _MONTH_BEFORE.search(text, 0, m.start()):
            position = m.start() + space.start()  # "May 12" is a date: read on from the space after it
            m = _EXPRESSION.match(text, m.start(), position)
            if m is None:
                continue
        if _designation(text, m.start()):
            continue
        bounds = _bounds(m)
        if bounds is None:
            continue
        low, high = qualify(*bounds, m.group("qual"))
        matches.append(
            NumberMatch(m.start(), m.end(), m.group(0), low, high, bool(m.group("pct")), bool(m.group("v")))
        )
    return matches


def _designation(text: str, start: int) -> bool:
    """ "F-16", "MiG-29", "COVID-19", "mid-2014": digits hyphenated to a word name a thing or
    a time, not a count."""
    return start >= 2 and text[start - 1] == "-" and text[start - 2].isalpha()


def _bounds(m: re.Match[str]) -> tuple[float, float] | None:
    if m.group("v"):
        low, high = _VAGUE[re.sub(r"\s+", " ", m.group("v").lower())]
        return float(low), float(high)
    if m.group("n"):
        value = parse_number(m.group("n"))
        return None if value is None else (value, value)
    first, second = (m.group("a"), m.group("b")) if m.group("a") else (m.group("c"), m.group("d"))
    low, high = parse_number(first), parse_number(second)
    if low is None or high is None:
        return None
    scale = _trailing_scale(second)
    if _trailing_scale(first) == 1 and low * scale <= high:
        low *= scale  # "3 to 5 million": the scale written once applies to both ends
    return (low, high) if low < high else None


def _trailing_scale(text: str) -> float:
    match = re.search(r"(k|m|bn|hundred|thousand|million|billion)s?$", text.strip(), re.IGNORECASE)
    return float(_SCALES[match.group(1).lower()]) if match else 1.0
