"""``claimwatch tail`` and ``claimwatch produce`` as a user runs them, against the embedded broker."""

from __future__ import annotations

import os
import pty
import signal
import subprocess
import sys
from pathlib import Path

import orjson

from streams.app import ALERTS_TOPIC, RAW_TOPIC
from streams.embedded_broker import EmbeddedBroker
from tests.harness import REPO, produce, run, wait_for
from tests.test_stream import validator
from tests.test_web import alert_items, call_claims, kursk_claims, new_prefix, quoted

ENV = {**os.environ, "PYTHONPATH": str(REPO), "COLUMNS": "120", "NO_COLOR": "1"}


def _as_from_a_terminal() -> None:
    """Ctrl-C as a user at a terminal has it: a test run started in the background by a
    non-interactive shell inherits SIGINT ignored, and so would every tail it starts."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


class Tail:
    """``claimwatch tail`` in the background, its stdout in a file."""

    def __init__(self, broker: EmbeddedBroker, prefix: str, tmp_path: Path, *args: str) -> None:
        self.out = tmp_path / f"tail-{len(list(tmp_path.glob('tail-*')))}.out"
        self.err = self.out.with_suffix(".err")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "streams.cli", "tail", "--broker", broker.tansu_url,
             "--topic-prefix", prefix, *args],
            stdout=self.out.open("wb"), stderr=self.err.open("wb"), env=ENV, cwd=REPO,
            preexec_fn=_as_from_a_terminal)

    def text(self) -> str:
        assert self.proc.poll() is None, self.err.read_text()
        return self.out.read_text(encoding="utf-8")

    def stop(self) -> str:
        self.proc.send_signal(signal.SIGINT)
        try:
            assert self.proc.wait(30) == 130
        finally:
            if self.proc.poll() is None:
                self.proc.kill()  # a failed test leaves no reader behind
        assert "Traceback" not in self.err.read_text(), self.err.read_text()
        return self.out.read_text(encoding="utf-8")


def test_tail_shows_each_alert_once_as_a_panel_or_as_json(embedded_broker, tmp_path):
    prefix = new_prefix(embedded_broker)
    items = alert_items(kursk_claims() + call_claims())
    ids = [orjson.loads(value)["alert_id"] for _, value in items]
    run(produce(embedded_broker.bootstrap, prefix + ALERTS_TOPIC, items + items[:1]))  # one redelivered
    readable = Tail(embedded_broker, prefix, tmp_path, "--from-beginning")
    as_json = Tail(embedded_broker, prefix, tmp_path, "--from-beginning", "--json")
    try:
        wait_for(lambda: all(i in readable.text() for i in ids), 30, "tail to show both alerts")
        wait_for(lambda: as_json.text().count("\n") >= 3, 30, "tail --json to print three records")
    finally:
        shown, lines = readable.stop(), as_json.stop().splitlines()
    assert all(shown.count(f"alert {i}") == 1 for i in ids), shown
    for expected in ("NUMERIC", "POLARITY", "quantity|russia|troops|kursk", "Reuters", "TASS",
                     "45,000–55,000 troops", "20,000 troops", "denied call", "“About 50,000 Russian troops",
                     "according to Dmitry Peskov", "Russia's defence ministry (via TASS)"):
        assert expected in shown, expected
    check = validator(ALERTS_TOPIC)
    records = [orjson.loads(line) for line in lines]
    for record in records:
        check.validate(record)
    assert sorted(r["alert_id"] for r in records) == sorted(ids + ids[:1])  # raw: as on the topic


def test_tail_without_from_beginning_shows_only_new_records(embedded_broker, tmp_path):
    prefix = new_prefix(embedded_broker)
    old = alert_items(kursk_claims() + call_claims())
    run(produce(embedded_broker.bootstrap, prefix + ALERTS_TOPIC, old * 3))  # batches of several records
    tail = Tail(embedded_broker, prefix, tmp_path, "--json")
    sent: list[str] = []

    def new_alert_shown() -> bool:
        # tail gives no sign of being positioned: keep adding new alerts until one shows up
        n = len(sent)
        claims = [quoted(f"new{n}a", "Wire", f"{n} said 100 troops.", "100", key=f"quantity|x{n}|troops|-",
                         value_low=100.0, value_high=100.0),
                  quoted(f"new{n}b", "Wire", f"{n} said 900 troops.", "900", key=f"quantity|x{n}|troops|-",
                         value_low=900.0, value_high=900.0)]
        items = alert_items(claims)
        run(produce(embedded_broker.bootstrap, prefix + ALERTS_TOPIC, items))
        sent.extend(orjson.loads(v)["alert_id"] for _, v in items)
        return any(i in tail.text() for i in sent)

    try:
        wait_for(new_alert_shown, 30, "tail to show a new alert", interval=0.5)
    finally:
        shown = [orjson.loads(line)["alert_id"] for line in tail.stop().splitlines()]
    assert shown and set(shown) <= set(sent)
    assert not {orjson.loads(v)["alert_id"] for _, v in old} & set(shown)


def test_produce_prints_a_summary_and_a_progress_bar_only_on_a_terminal(embedded_broker, tmp_path):
    prefix = new_prefix(embedded_broker)
    articles = tmp_path / "articles.jsonl"
    lines = [orjson.dumps({"id": f"a{i}", "source": "Wire", "body": f"Article {i}."}) for i in range(50)]
    lines[7] = orjson.dumps({"id": "big", "source": "Wire", "body": "x" * 500})
    lines[9] = b"{not json"  # sent as it is: the worker dead-letters it
    articles.write_bytes(b"\n".join(lines) + b"\n")
    command = [sys.executable, "-m", "streams.cli", "produce", str(articles), "--broker",
               embedded_broker.tansu_url, "--topic-prefix", prefix]
    env = {**ENV, "CLAIMWATCH_MAX_RECORD_BYTES": "300"}

    piped = subprocess.run(command, env=env, cwd=REPO, capture_output=True, timeout=60)
    assert piped.returncode == 0, piped.stderr.decode()
    summary = piped.stderr.decode()
    assert f"rejected {articles}:8: too_large: " in summary
    assert f"sent 49, rejected 1 (too_large 1) from 1 file(s) to {prefix}{RAW_TOPIC} in " in summary
    assert "\x1b[" not in summary and "producing" not in summary  # no bar when not a terminal

    primary, replica = pty.openpty()
    try:
        on_terminal = subprocess.run(command, env={**env, "TERM": "xterm"}, cwd=REPO, stdout=subprocess.PIPE,
                                     stderr=replica, timeout=60)
        os.close(replica)
        screen = b""
        while chunk := _read(primary):
            screen += chunk
    finally:
        os.close(primary)
    assert on_terminal.returncode == 0
    assert b"producing" in screen and b"sent 49, rejected 1 (too_large 1)" in screen


def _read(fd: int) -> bytes:
    try:
        return os.read(fd, 65536)
    except OSError:  # EIO: the other end is closed
        return b""
