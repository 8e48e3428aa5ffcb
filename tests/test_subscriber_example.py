"""The README's *Subscribing to alerts*: its consumer example runs against the embedded broker,
and its example records match the schemas."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import orjson

from streams.app import ALERTS_TOPIC, RAW_TOPIC
from streams.embedded_broker import EmbeddedBroker
from tests.harness import REPO, produce, run
from tests.test_stream import validator
from tests.test_web import alert_items, call_claims, kursk_claims, new_prefix, quoted

README = REPO / "README.md"


def section(title: str) -> str:
    """The text of the README's ``## title`` section, up to the next ``## `` heading."""
    text = README.read_text(encoding="utf-8")
    start = text.index(f"\n## {title}\n")
    end = text.find("\n## ", start + 1)
    return text[start:end if end >= 0 else None]


def example_code() -> str:
    blocks = re.findall(r"```python\n(.*?)```", section("Subscribing to alerts"), re.S)
    assert blocks, "no python block in the README's 'Subscribing to alerts'"
    return blocks[0]


def test_readme_consumer_prints_every_alert_once(embedded_broker: EmbeddedBroker, tmp_path: Path) -> None:
    code = example_code()
    assert len(code.strip().splitlines()) <= 25, "keep the README example short"
    (tmp_path / "example.py").write_text(code, encoding="utf-8")
    prefix = new_prefix(embedded_broker)
    topic = prefix + ALERTS_TOPIC
    first = alert_items(kursk_claims() + call_claims())
    run(produce(embedded_broker.bootstrap, topic, first + first[:1]))  # one alert delivered twice
    out = tmp_path / "example.out"
    proc = subprocess.Popen(
        [sys.executable, "-c", "import asyncio, sys, example; asyncio.run(example.main(*sys.argv[1:]))",
         embedded_broker.bootstrap, topic],
        cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(tmp_path)},
        stdout=out.open("wb"), stderr=(tmp_path / "example.err").open("wb"))
    try:
        later = alert_items([quoted("late-a", "AP", "Officials said 300 drones were launched.", "300",
                                    key="quantity|-|drones|-", predicate="drones", value_low=300.0, value_high=300.0),
                             quoted("late-b", "AFP", "Officials said 90 drones were launched.", "90",
                                    key="quantity|-|drones|-", predicate="drones", value_low=90.0, value_high=90.0)])
        lines = wait_for_lines(proc, out, 2, timeout=60)
        run(produce(embedded_broker.bootstrap, topic, later))  # one more while it runs
        lines = wait_for_lines(proc, out, 3, timeout=30)
    finally:
        proc.terminate()
        proc.wait(30)
    expected = [orjson.loads(value) for _, value in first + later]
    assert sorted(lines) == sorted(" | ".join((a["type"], a["key"], a["explanation"])) for a in expected)


def wait_for_lines(proc: subprocess.Popen[bytes], out: Path, count: int, timeout: float) -> list[str]:
    deadline = time.monotonic() + timeout
    while len(lines := out.read_text(encoding="utf-8").splitlines()) < count:
        assert proc.poll() is None, (out.parent / "example.err").read_text()
        assert time.monotonic() < deadline, f"timed out after {timeout:.0f}s; the example printed {lines}"
        time.sleep(0.1)
    return lines


def test_readme_example_records_match_the_schemas() -> None:
    examples = dict(re.findall(r"<summary><code>([\w.]+)</code>.*?</summary>\s*```json\n(.*?)```",
                               section("Subscribing to alerts"), re.S))
    assert set(examples) == {RAW_TOPIC, "articles.enriched", "claims", ALERTS_TOPIC, "articles.deadletter"}
    for topic, text in examples.items():
        validator(topic).validate(orjson.loads(text))
