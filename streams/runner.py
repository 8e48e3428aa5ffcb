"""``claimwatch run`` / ``produce`` / ``tail``: the main job on one machine.

``run`` starts the embedded broker unless one is configured, creates the topics, starts the
worker processes, publishes the inputs, and prints alerts as they arrive. With
``--until-idle S`` it stops everything and exits 0 once every input has come out as an
enriched record or a dead letter and nothing new appeared for S seconds.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import AsyncIterator, Callable, Iterator, Sequence

import orjson
from aiokafka.errors import KafkaError
from rich.console import Console

from streams.app import ALERTS_TOPIC, DEADLETTER_TOPIC, ENRICHED_TOPIC, RAW_TOPIC, CLAIMS_TOPIC
from streams.inputs import expand, read_inputs
from streams.kafka_io import ensure_topics, new_producer, read_topics
from streams.live import follow_topic
from streams.render import alert_panel, progress_bar, render_alert
from streams.settings import Settings

log = logging.getLogger("claimwatch.run")

EMBEDDED_SESSION_TIMEOUT = 10.0
"""Tansu completes a group join after session_timeout / 2: keep it short on the embedded broker."""


@contextlib.contextmanager
def broker_for(settings: Settings) -> Iterator[Settings]:
    """``settings`` with a broker: the configured one, or an embedded one for the duration."""
    if settings.broker:
        yield settings
        return
    from streams.embedded_broker import EmbeddedBroker

    with EmbeddedBroker() as broker:
        log.info("embedded broker pid %d on %s", broker.pid, broker.bootstrap)
        yield settings.replace(broker=broker.tansu_url,
                               session_timeout=min(settings.session_timeout, EMBEDDED_SESSION_TIMEOUT))


@dataclass
class SendReport:
    sent: int = 0
    rejected: list[tuple[str, str]] = field(default_factory=list)


PRODUCE_WINDOW = 1000
"""Records in flight before ``produce`` waits for their acknowledgements."""
MAX_LISTED_REJECTS = 20


def refused(exc: KafkaError) -> str:
    """The reject reason of a record the producer or the broker refused."""
    return f"refused: {type(exc).__name__} {exc}".strip()


async def produce(settings: Settings, paths: Sequence[Path], *,
                  progress: Callable[[int, SendReport], None] | None = None) -> SendReport:
    """Publish every input record of ``paths`` to ``articles.raw`` (keyed by article id
    when the record has one). ``sent`` counts records the broker acknowledged; a record over
    the size limit, or one the broker refused, is in ``rejected`` with its reason.
    ``progress(bytes, report)`` is called as the input files are read (the bytes add up to
    their total size)."""
    report = SendReport()
    advance = progress or (lambda _bytes, _report: None)
    producer = new_producer(settings.broker)
    pending: list[tuple[str, asyncio.Future[object]]] = []

    async def settle() -> None:
        for origin, delivery in pending:
            try:
                await delivery
                report.sent += 1
            except KafkaError as exc:
                report.rejected.append((origin, refused(exc)))
        pending.clear()

    await producer.start()
    try:
        for path in expand(paths):
            size, done = path.stat().st_size, 0
            for item in read_inputs(path):
                try:
                    key = orjson.loads(item.payload).get("id")
                except (orjson.JSONDecodeError, AttributeError):
                    key = None
                if len(item.payload) > settings.max_record_bytes:
                    report.rejected.append((item.origin, f"too_large: {len(item.payload)} bytes"))
                else:
                    try:
                        pending.append((item.origin, await producer.send(
                            settings.topic(RAW_TOPIC), item.payload,
                            key=key.encode() if isinstance(key, str) else None)))
                    except KafkaError as exc:
                        report.rejected.append((item.origin, refused(exc)))
                if len(pending) >= PRODUCE_WINDOW:
                    await settle()
                step = min(len(item.payload) + 1, size - done)
                done += step
                advance(step, report)
            await settle()
            advance(size - done, report)
    finally:
        await producer.stop()
    return report


async def produce_command(settings: Settings, paths: Sequence[Path]) -> int:
    """``claimwatch produce``: a progress bar on a terminal, then a summary, on stderr."""
    if not settings.broker:
        print("claimwatch produce: no broker (--broker or CLAIMWATCH_BROKER)", file=sys.stderr)
        return 2
    files = expand(paths)
    await ensure_topics(settings.broker, [settings.topic(RAW_TOPIC)], settings.partitions)
    started = time.monotonic()
    with progress_bar(sum(f.stat().st_size for f in files), sys.stderr, "producing") as update:
        def progress(step: int, so_far: SendReport) -> None:
            if update is not None:
                update(step, f"sent {so_far.sent:,} · rejected {len(so_far.rejected):,}")

        report = await produce(settings, files, progress=progress)
    reasons = Counter(reason.split(":", 1)[0] for _, reason in report.rejected)
    for origin, reason in report.rejected[:MAX_LISTED_REJECTS]:
        print(f"rejected {origin}: {reason}", file=sys.stderr)
    if len(report.rejected) > MAX_LISTED_REJECTS:
        print(f"... and {len(report.rejected) - MAX_LISTED_REJECTS:,} more rejected", file=sys.stderr)
    by_reason = ", ".join(f"{reason} {count:,}" for reason, count in sorted(reasons.items()))
    print(f"sent {report.sent:,}, rejected {len(report.rejected):,}" + (f" ({by_reason})" if by_reason else "")
          + f" from {len(files):,} file(s) to {settings.topic(RAW_TOPIC)} in {time.monotonic() - started:.1f}s",
          file=sys.stderr)
    return 1 if report.rejected and not report.sent else 0


def _web_port(preferred: int) -> int:
    """``preferred`` if it is free on loopback, else any free port (a demo must not fail
    because something else holds 6066)."""
    with socket.socket() as sock:
        try:
            sock.bind(("127.0.0.1", preferred))
        except OSError:
            sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Workers:
    """Worker subprocesses of ``run``; each gets its own data dir and a free web port."""

    def __init__(self, settings: Settings, count: int, data_root: Path) -> None:
        self.procs: list[subprocess.Popen[bytes]] = []
        for index in range(count):
            env = {**os.environ,
                   "CLAIMWATCH_BROKER": settings.broker,
                   "CLAIMWATCH_SESSION_TIMEOUT": str(settings.session_timeout),
                   "CLAIMWATCH_DATA_DIR": str(data_root / f"worker-{index}"),
                   "CLAIMWATCH_WEB_PORT": str(_web_port(settings.web_port + index))}
            env.update({f"CLAIMWATCH_{k.upper()}": str(v) for k, v in (
                ("topic_prefix", settings.topic_prefix), ("partitions", settings.partitions),
                ("batch_size", settings.batch_size), ("batch_words", settings.batch_words),
                ("batch_wait", settings.batch_wait),
                ("retention_days", settings.retention_days), ("log_level", settings.log_level),
                ("log_format", settings.log_format))})
            self.procs.append(subprocess.Popen([sys.executable, "-m", "streams.cli", "worker"],
                                               env=env, stdout=sys.stderr))
            log.info("worker %d started, pid %d, web http://127.0.0.1:%s/", index,
                     self.procs[-1].pid, env["CLAIMWATCH_WEB_PORT"])

    def dead(self) -> list[int]:
        return [p.pid for p in self.procs if p.poll() is not None]

    def stop(self, timeout: float = 30.0) -> None:
        for proc in self.procs:
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + timeout
        for proc in self.procs:
            try:
                proc.wait(max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                log.warning("worker pid %d did not stop in %.0fs; killing it", proc.pid, timeout)
                proc.kill()
                proc.wait()


async def _pump(records: AsyncIterator[tuple[str, bytes | None, bytes | None]],
                queue: asyncio.Queue[tuple[str, bytes | None, bytes | None]]) -> None:
    async for record in records:
        await queue.put(record)


async def run(settings: Settings, paths: Sequence[Path], *, workers: int,
              until_idle: float | None, as_json: bool) -> int:
    """The main job (see the module docstring). Returns the exit code."""
    inputs = expand(paths)
    with broker_for(settings) as settings, tempfile.TemporaryDirectory(prefix="claimwatch-") as tmp:
        names = [settings.topic(t) for t in (RAW_TOPIC, ENRICHED_TOPIC, CLAIMS_TOPIC,
                                              ALERTS_TOPIC, DEADLETTER_TOPIC)]
        await ensure_topics(settings.broker, names, settings.partitions)
        # The embedded broker keeps nothing across runs, so neither may the tables.
        data_root = Path(tmp) if settings.embedded else settings.data_dir
        pool = Workers(settings, workers, data_root)
        try:
            return await _follow(settings, inputs, pool, until_idle, as_json)
        finally:
            pool.stop()


async def _follow(settings: Settings, inputs: list[Path], pool: Workers,
                  until_idle: float | None, as_json: bool) -> int:
    outputs = [settings.topic(t) for t in (ALERTS_TOPIC, ENRICHED_TOPIC, DEADLETTER_TOPIC)]
    queue: asyncio.Queue[tuple[str, bytes | None, bytes | None]] = asyncio.Queue()
    reader = asyncio.create_task(_pump(read_topics(settings.broker, outputs, from_beginning=settings.embedded), queue))
    report = await produce(settings, inputs)
    log.info("published %d articles (%d rejected before sending)", report.sent, len(report.rejected))
    processed, last_activity = 0, time.monotonic()
    seen_alerts: set[str] = set()
    try:
        while True:
            if pool.dead():
                log.error("worker(s) exited unexpectedly: pids %s", pool.dead())
                return 1
            if reader.done():
                reader.result()  # raises what stopped the reader
                return 1
            try:
                topic, _, value = await asyncio.wait_for(queue.get(), 0.5)
            except asyncio.TimeoutError:
                idle = time.monotonic() - last_activity
                if until_idle is not None and processed >= report.sent and idle >= until_idle:
                    log.info("idle for %.0fs: %d articles processed, %d alerts",
                             until_idle, processed, len(seen_alerts))
                    return 0
                continue
            last_activity = time.monotonic()
            if topic != outputs[0]:
                processed += 1
                continue
            alert = orjson.loads(value or b"{}")
            if alert["alert_id"] in seen_alerts:
                continue  # at-least-once: a redelivered alert is shown once
            seen_alerts.add(alert["alert_id"])
            print(orjson.dumps(alert).decode() if as_json else render_alert(alert) + "\n", flush=True)
    finally:
        reader.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await reader


async def tail(settings: Settings, topic: str, *, from_beginning: bool, as_json: bool) -> int:
    """``claimwatch tail``: alerts as ``rich`` panels (each alert once), or every record's
    JSON on its own line with ``--json`` or for any other topic."""
    if not settings.broker:
        print("claimwatch tail: no broker (--broker or CLAIMWATCH_BROKER)", file=sys.stderr)
        return 2
    logging.getLogger("aiokafka").setLevel(logging.WARNING)  # a reader: no client chatter
    readable = topic == ALERTS_TOPIC and not as_json
    console = Console(highlight=False)
    seen: set[str] = set()
    try:
        async for _, _, value in follow_topic(settings.broker, settings.topic(topic),
                                              from_beginning=from_beginning):
            if readable:
                try:
                    alert = orjson.loads(value or b"")
                    if alert["alert_id"] in seen:
                        continue  # at-least-once delivery: a redelivered alert is shown once
                    seen.add(alert["alert_id"])
                    console.print(alert_panel(alert))
                    continue
                except (orjson.JSONDecodeError, TypeError, KeyError):
                    pass  # not an alert after all: shown as it is
            sys.stdout.write((value or b"").decode("utf-8", "replace") + "\n")
            sys.stdout.flush()
    except KafkaError as exc:
        print(f"claimwatch tail: {exc}", file=sys.stderr)
        return 1
    return 0
