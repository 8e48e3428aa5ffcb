"""``claimwatch run`` end to end: its own embedded broker, worker processes, alerts on stdout."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime, timezone

import orjson
import pytest

from processors.articles import Rejection, parse_article
from processors.enrichment import Enricher
from processors.evaluation import evaluate
from processors.nlp import load_nlp
from streams.cli import SAMPLE_CORPUS
from streams.inputs import expand, read_inputs
from streams.settings import Settings
from tests.harness import REPO

SEED = SAMPLE_CORPUS / "seed-kursk-newstrack.txt"


def claimwatch_run(*args: str, timeout: float = 300) -> list[dict]:
    """Run ``claimwatch run ... --json`` to completion; its stdout lines as alerts."""
    done = subprocess.run([sys.executable, "-m", "streams.cli", "run", *args, "--json", "--until-idle", "4"],
                          cwd=REPO, capture_output=True, timeout=timeout)
    assert done.returncode == 0, done.stderr.decode()[-3000:]
    return [orjson.loads(line) for line in done.stdout.splitlines() if line.strip()]


def involves(alert: dict, **fields: str) -> bool:
    return any(all(str(claim.get(k) or "").lower().find(v.lower()) >= 0 for k, v in fields.items())
               for claim in (alert["claim_a"], alert["claim_b"]))


@pytest.fixture(scope="module")
def seed_alerts() -> list[dict]:
    return claimwatch_run(str(SEED), "--workers", "1")


def test_seed_article_raises_the_kremlin_denial_against_the_washington_post(seed_alerts):
    polarity = [a for a in seed_alerts if a["type"] == "polarity"]
    assert any(involves(a, speaker="Washington Post", polarity="asserted")
               and involves(a, speaker="Kremlin", polarity="denied")
               and "call" in a["key"] and "putin" in a["key"] and "trump" in a["key"]
               for a in polarity), polarity


def test_seed_article_raises_nothing_for_updates_or_noncommittal_statements(seed_alerts):
    for alert in seed_alerts:
        values = {alert["claim_a"].get("value_low"), alert["claim_b"].get("value_low")}
        assert values != {11000.0, 50000.0}, "11,000 in early August vs 50,000 now is an update"
        assert not involves(alert, polarity="noncommittal")
        assert "north korea" not in alert["key"], alert["explanation"]


def test_stream_and_eval_raise_the_same_alerts_on_the_sample_corpus():
    streamed = {a["alert_id"] for a in claimwatch_run("--workers", "2")}
    now = datetime.now(timezone.utc)
    articles = []
    for path in expand([SAMPLE_CORPUS]):
        for item in read_inputs(path):
            parsed = parse_article(item.payload, fallback_time=now)
            assert not isinstance(parsed, Rejection)
            articles.append(parsed.to_wire())
    [result] = evaluate([{"id": "sample", "articles": articles}],
                        Enricher(load_nlp()), Settings().policy, now=now)
    assert streamed and streamed == {a.alert_id for a in result.alerts}
