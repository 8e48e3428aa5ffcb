"""Configuration: one ``Settings`` built at start-up from flags and ``CLAIMWATCH_*`` env vars.

Precedence: a command-line flag, then the environment variable ``CLAIMWATCH_<FIELD>``
(upper-case field name), then the default here. Nothing reads the environment elsewhere.
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any, Mapping

from processors.articles import InputLimits
from processors.batching import BATCH_SIZE, BATCH_WORDS
from processors.contradictions import DetectionPolicy

ENV_PREFIX = "CLAIMWATCH_"


class ConfigError(ValueError):
    """A setting has a value that cannot be used; the message names the variable."""


@dataclass(frozen=True)
class Settings:
    """Every knob of a claimwatch process. ``broker`` empty means: start the embedded broker."""

    broker: str = ""
    app_id: str = "claimwatch"
    topic_prefix: str = ""
    partitions: int = 4
    data_dir: Path = Path("./claimwatch-data")
    web_port: int = 6066
    web_host: str = "127.0.0.1"
    web_enabled: bool = True
    batch_size: int = BATCH_SIZE
    batch_words: int = BATCH_WORDS
    batch_wait: float = 0.05
    workers: int = 0
    retention_days: float = 30.0
    max_claims_per_key: int = 64
    # seconds between sweeps of the claims table for keys whose newest claim is older than
    # retention before the worker's event-time watermark (streams.agents, processors.contradictions.sweep)
    sweep_interval: float = 60.0
    # seconds an assigned input partition may have records waiting with no progress before the
    # worker fetches it again and reports a stall (streams.stall); 0 turns the watch off
    stall_seconds: float = 60.0
    relative_tolerance: float = 0.1
    time_slack_days: float = 1.0
    max_record_bytes: int = 1_000_000
    max_body_chars: int = 200_000
    session_timeout: float = 60.0
    log_level: str = "info"
    log_format: str = "text"

    @classmethod
    def load(
        cls, flags: Mapping[str, Any] | None = None, env: Mapping[str, str] | None = None
    ) -> Settings:
        """Build from ``flags`` (None values are "not given") over ``env`` over defaults."""
        env = os.environ if env is None else env
        flags = flags or {}
        values: dict[str, Any] = {}
        for f in dataclasses.fields(cls):
            if flags.get(f.name) is not None:
                values[f.name] = _coerce(f.name, f.default, flags[f.name], origin="--" + f.name.replace("_", "-"))
            elif ENV_PREFIX + f.name.upper() in env:
                name = ENV_PREFIX + f.name.upper()
                values[f.name] = _coerce(f.name, f.default, env[name], origin=name)
        settings = cls(**values)
        settings.validate()
        return settings

    def validate(self) -> None:
        positive = ("partitions", "batch_size", "batch_words", "max_claims_per_key", "max_record_bytes",
                    "max_body_chars", "retention_days", "session_timeout", "sweep_interval")
        for name in positive:
            if getattr(self, name) <= 0:
                raise ConfigError(f"{name} must be > 0 (CLAIMWATCH_{name.upper()}), got {getattr(self, name)}")
        if self.batch_wait < 0 or self.workers < 0 or self.time_slack_days < 0 or self.stall_seconds < 0:
            raise ConfigError("batch_wait, workers, time_slack_days and stall_seconds must be >= 0")
        if self.log_format not in ("text", "json"):
            raise ConfigError(f"log_format must be 'text' or 'json', got {self.log_format!r}")
        if self.broker and "://" not in self.broker:
            raise ConfigError(f"broker must be a URL such as kafka://host:9092, got {self.broker!r}")

    def replace(self, **changes: Any) -> Settings:
        return dataclasses.replace(self, **changes)

    @property
    def embedded(self) -> bool:
        """Whether the broker is the embedded Tansu (``tansu://`` URL selects its transport)."""
        return self.broker.startswith("tansu://")

    def topic(self, name: str) -> str:
        """The configured name of a default topic name (``articles.raw`` → prefix + name)."""
        return self.topic_prefix + name

    @property
    def policy(self) -> DetectionPolicy:
        return DetectionPolicy(
            relative_tolerance=self.relative_tolerance,
            time_slack=timedelta(days=self.time_slack_days),
            retention=timedelta(days=self.retention_days),
            max_claims_per_key=self.max_claims_per_key,
        )

    @property
    def limits(self) -> InputLimits:
        return InputLimits(max_record_bytes=self.max_record_bytes, max_body_chars=self.max_body_chars)


def _coerce(name: str, default: Any, raw: Any, *, origin: str) -> Any:
    if not isinstance(raw, str):
        return raw
    try:
        if isinstance(default, bool):
            if raw.lower() not in ("1", "0", "true", "false", "yes", "no", "on", "off"):
                raise ValueError(raw)
            return raw.lower() in ("1", "true", "yes", "on")
        if isinstance(default, Path):
            return Path(raw)
        return type(default)(raw)
    except ValueError:
        raise ConfigError(f"{origin}: cannot read {raw!r} as {type(default).__name__}") from None
