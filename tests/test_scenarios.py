"""The labelled scenario suite (tests/scenarios/*.cases.jsonl) through ``evaluate``, the code
path ``claimwatch eval`` and the stream share: every ``conflict`` case must raise an alert
between two of its articles, every ``consistent`` or ``neutral`` case none."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import orjson
import pytest

from processors.contradictions import DetectionPolicy
from processors.enrichment import Enricher
from processors.evaluation import CaseResult, evaluate

SCENARIOS = sorted((Path(__file__).parent / "scenarios").glob("*.cases.jsonl"))
CASES = [orjson.loads(line) for path in SCENARIOS for line in path.read_bytes().splitlines() if line.strip()]


@pytest.fixture(scope="module")
def results(nlp) -> dict[str, CaseResult]:  # type: ignore[no-untyped-def]
    run = evaluate(CASES, Enricher(nlp), DetectionPolicy(), now=datetime.now(timezone.utc))
    return {r.id: r for r in run}


def test_the_suite_is_large_and_labelled() -> None:
    assert len(CASES) >= 60
    assert len({c["id"] for c in CASES}) == len(CASES)
    assert {c["label"] for c in CASES} == {"conflict", "consistent", "neutral"}


@pytest.mark.parametrize(
    "case",
    CASES,
    ids=[c["id"] for c in CASES],
)
def test_case(case: dict[str, Any], results: dict[str, CaseResult]) -> None:
    result = results[case["id"]]
    explanations = [a.explanation for a in result.alerts]
    if case["label"] == "conflict":
        assert result.alerts, "no alert raised"
        # across outlets; an article may also contradict itself ("..., a claim the Kremlin denied")
        assert any(a.claim_a.article_id != a.claim_b.article_id for a in result.alerts), explanations
    else:
        assert not result.alerts, explanations
