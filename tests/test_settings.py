"""Settings: flags over env over defaults, clear errors."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from streams.settings import ConfigError, Settings


def test_defaults_env_and_flags_precedence():
    env = {"CLAIMWATCH_PARTITIONS": "8", "CLAIMWATCH_DATA_DIR": "/tmp/x", "CLAIMWATCH_WEB_ENABLED": "no",
           "CLAIMWATCH_RETENTION_DAYS": "7"}
    settings = Settings.load({"partitions": 2, "broker": None}, env)
    assert settings.partitions == 2 and settings.data_dir == Path("/tmp/x")
    assert settings.web_enabled is False and settings.policy.retention == timedelta(days=7)
    assert Settings.load({}, {}).partitions == 4


@pytest.mark.parametrize("env, message", [
    ({"CLAIMWATCH_PARTITIONS": "many"}, "CLAIMWATCH_PARTITIONS"),
    ({"CLAIMWATCH_BATCH_SIZE": "0"}, "batch_size"),
    ({"CLAIMWATCH_BROKER": "localhost:9092"}, "broker must be a URL"),
    ({"CLAIMWATCH_LOG_FORMAT": "xml"}, "log_format"),
])
def test_bad_values_name_their_setting(env, message):
    with pytest.raises(ConfigError, match=message):
        Settings.load({}, env)


def test_topic_prefix_and_embedded_mode():
    settings = Settings.load({"topic_prefix": "t1-", "broker": "tansu://127.0.0.1:9"}, {})
    assert settings.topic("claims") == "t1-claims" and settings.embedded
    assert not Settings.load({"broker": "kafka://k:9092"}, {}).embedded
