"""Driving real worker processes against the embedded broker, with deadlines (no sleeps)."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections import defaultdict
from pathlib import Path
from typing import Callable, Iterable

import orjson
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition

REPO = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(condition: Callable[[], bool], timeout: float, what: str, interval: float = 0.1) -> None:
    """Poll ``condition`` until it holds; fail with ``what`` after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f}s waiting for {what}")
        time.sleep(interval)


class Worker:
    """``claimwatch worker`` as a child process with its own data dir and web port."""

    def __init__(self, broker_url: str, prefix: str, data_dir: Path, log_path: Path, **env: str) -> None:
        self.web_port = free_port()
        self.data_dir = data_dir
        self.log_path = log_path
        self.env = {
            **os.environ,
            "PYTHONPATH": str(REPO),
            "CLAIMWATCH_BROKER": broker_url,
            "CLAIMWATCH_APP_ID": f"{prefix}app",
            "CLAIMWATCH_TOPIC_PREFIX": prefix,
            "CLAIMWATCH_PARTITIONS": "4",
            "CLAIMWATCH_SESSION_TIMEOUT": "10",
            "CLAIMWATCH_DATA_DIR": str(data_dir),
            "CLAIMWATCH_WEB_PORT": str(self.web_port),
            "CLAIMWATCH_BATCH_WAIT": "0.1",
            **env,
        }
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> Worker:
        log = self.log_path.open("ab")
        self.proc = subprocess.Popen([sys.executable, "-m", "streams.cli", "worker"], env=self.env,
                                     stdout=log, stderr=subprocess.STDOUT, cwd=REPO)
        return self

    @property
    def pid(self) -> int:
        assert self.proc is not None
        return self.proc.pid

    def get(self, path: str) -> tuple[int, bytes]:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.web_port}{path}", timeout=5) as resp:
                return resp.status, resp.read()
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read()
        except OSError:
            return 0, b""

    def wait_ready(self, timeout: float = 90.0) -> Worker:
        def ready() -> bool:
            assert self.proc is not None
            if self.proc.poll() is not None:
                raise AssertionError(f"worker exited with {self.proc.returncode}:\n{self.log_tail()}")
            return self.get("/ready")[0] == 200
        wait_for(ready, timeout, f"worker on port {self.web_port} to be ready")
        return self

    def stop(self, sig: int = signal.SIGTERM, timeout: float = 60.0) -> int:
        assert self.proc is not None
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
        try:
            return self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            raise AssertionError(f"worker did not stop in {timeout}s:\n{self.log_tail()}")

    def log_tail(self, size: int = 4000) -> str:
        return self.log_path.read_bytes()[-size:].decode("utf-8", "replace")


async def produce(bootstrap: str, topic: str, items: Iterable[tuple[bytes | None, bytes]]) -> int:
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, max_request_size=16 * 1024 * 1024)
    await producer.start()
    count = 0
    try:
        for key, value in items:
            await producer.send(topic, value, key=key)
            count += 1
        await producer.flush()
    finally:
        await producer.stop()
    return count


async def collect(
    bootstrap: str,
    topics: list[str],
    until: Callable[[dict[str, list[dict]]], bool],
    timeout: float,
) -> dict[str, list[dict]]:
    """Read ``topics`` from the beginning (plain aiokafka, no group) until ``until(records)``
    holds; records are decoded JSON values with ``_key``, ``_partition``, ``_offset`` added."""
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False,
                                fetch_max_wait_ms=100, auto_offset_reset="earliest")
    await consumer.start()
    records: dict[str, list[dict]] = defaultdict(list)
    try:
        await consumer.topics()
        partitions = [TopicPartition(t, p) for t in topics for p in consumer.partitions_for_topic(t) or ()]
        assert {tp.topic for tp in partitions} == set(topics), "create the topics first"
        consumer.assign(partitions)
        await consumer.seek_to_beginning(*partitions)
        deadline = time.monotonic() + timeout
        while not until(records):
            if time.monotonic() > deadline:
                counts = {t: len(v) for t, v in records.items()}
                raise AssertionError(f"timed out after {timeout:.0f}s; got {counts}")
            batch = await consumer.getmany(timeout_ms=200)
            for tp, messages in batch.items():
                for message in messages:
                    value = orjson.loads(message.value)
                    value.update(_key=message.key, _partition=tp.partition, _offset=message.offset)
                    records[tp.topic].append(value)
    finally:
        await consumer.stop()
    return records


def run(coro):
    return asyncio.run(coro)
