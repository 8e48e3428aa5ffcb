"""Static checks of the container deployment: Dockerfile, docker-compose.yml, deploy/prometheus.yml.

No Docker needed (nor used, even where the CLI exists): the files are parsed and compared
with the code they deploy — settings fields, topic names, ports, the broker address.
"""

from __future__ import annotations

import base64
import dataclasses
import re
import shlex
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml

from streams.app import ALERTS_TOPIC, CLAIMS_TOPIC, DEADLETTER_TOPIC, ENRICHED_TOPIC, RAW_TOPIC
from streams.settings import ENV_PREFIX, Settings

ROOT = Path(__file__).resolve().parent.parent
COMPOSE_PATH = ROOT / "docker-compose.yml"
DOCKERFILE_PATH = ROOT / "Dockerfile"
DOCKERIGNORE_PATH = ROOT / ".dockerignore"
PROMETHEUS_PATH = ROOT / "deploy" / "prometheus.yml"

APP_TOPICS = (RAW_TOPIC, ENRICHED_TOPIC, CLAIMS_TOPIC, ALERTS_TOPIC, DEADLETTER_TOPIC)

# ${VAR:-default}, ${VAR-default}, ${VAR} and $VAR as compose interpolates them; $$ is a literal $.
_INTERPOLATION = re.compile(r"\$\$|\$\{(?P<braced>[A-Za-z_][A-Za-z0-9_]*)(?:(?P<op>:?-)(?P<default>[^}]*))?\}"
                            r"|\$(?P<bare>[A-Za-z_][A-Za-z0-9_]*)")


def interpolate(value: Any) -> str:
    """``value`` as compose would see it with an empty environment (defaults substituted)."""

    def replace(match: re.Match[str]) -> str:
        if match.group(0) == "$$":
            return "$"
        name = match.group("braced") or match.group("bare")
        if match.group("op") is None:
            pytest.fail(f"${{{name}}} has no default: the compose file would depend on the caller's env")
        return match.group("default")

    return _INTERPOLATION.sub(replace, str(value))


def environment(service: dict[str, Any]) -> dict[str, str]:
    """A service's ``environment`` (mapping or list form) as raw, uninterpolated strings."""
    env = service.get("environment") or {}
    if isinstance(env, list):
        env = dict(item.split("=", 1) if "=" in item else (item, "") for item in env)
    return {str(k): "" if v is None else str(v) for k, v in env.items()}


def dockerfile_instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) per logical line, continuations joined, comments dropped."""
    logical: list[str] = []
    pending = ""
    for line in DOCKERFILE_PATH.read_text().splitlines():
        if not pending and (not line.strip() or line.lstrip().startswith("#")):
            continue
        if line.lstrip().startswith("#"):
            continue  # comment inside a continued instruction
        if line.rstrip().endswith("\\"):
            pending += line.rstrip()[:-1] + " "
            continue
        logical.append(pending + line)
        pending = ""
    out = []
    for text in logical:
        keyword, _, args = text.strip().partition(" ")
        out.append((keyword.upper(), args.strip()))
    return out


def dockerfile_env() -> dict[str, str]:
    env: dict[str, str] = {}
    for keyword, args in dockerfile_instructions():
        if keyword == "ENV":
            for token in shlex.split(args):
                key, _, value = token.partition("=")
                env[key] = value
    return env


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    data = yaml.safe_load(COMPOSE_PATH.read_text())
    assert isinstance(data, dict) and isinstance(data.get("services"), dict)
    return data


@pytest.fixture(scope="module")
def services(compose: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return compose["services"]


@pytest.fixture(scope="module")
def worker_env(services: dict[str, dict[str, Any]]) -> dict[str, str]:
    return environment(services["worker"])


@pytest.fixture(scope="module")
def worker_settings(worker_env: dict[str, str]) -> Settings:
    return Settings.load({}, {k: interpolate(v) for k, v in worker_env.items()})


@pytest.fixture(scope="module")
def kafka_env(services: dict[str, dict[str, Any]]) -> dict[str, str]:
    return {k: interpolate(v) for k, v in environment(services["kafka"]).items()}


@pytest.fixture(scope="module")
def prometheus() -> dict[str, Any]:
    data = yaml.safe_load(PROMETHEUS_PATH.read_text())
    assert isinstance(data, dict) and data.get("scrape_configs")
    return data


@pytest.fixture(scope="module")
def worker_scrape(prometheus: dict[str, Any]) -> dict[str, Any]:
    """The (only) DNS-SD config that resolves the compose service ``worker``, with its job."""
    found = [(job, sd) for job in prometheus["scrape_configs"] for sd in job.get("dns_sd_configs", [])
             if "worker" in sd.get("names", [])]
    assert len(found) == 1, "prometheus.yml must discover the workers by DNS name 'worker' exactly once"
    job, sd = found[0]
    return {"job": job, "sd": sd}


def _topics_script(topics_service: dict[str, Any]) -> str:
    """The topics service's entrypoint + command as one text."""
    parts = []
    for key in ("entrypoint", "command"):
        value = topics_service.get(key) or []
        parts.extend([value] if isinstance(value, str) else value)
    return "\n".join(str(p) for p in parts)


def _topic_commands(topics_service: dict[str, Any]) -> list[str]:
    """Every kafka-topics ``--create`` invocation in the topics service's script."""
    script = _topics_script(topics_service)
    return [line for line in script.splitlines() if "--create" in line and "--topic" in line]


def _flag(line: str, flag: str) -> str:
    match = re.search(rf"{re.escape(flag)}[ =](\S+)", line)
    assert match, f"{flag} missing in: {line}"
    return match.group(1)


def _port(address: str) -> int:
    return int(address.rsplit(":", 1)[1])


# --- compose file ---------------------------------------------------------------------------


def test_services_exist(services: dict[str, dict[str, Any]]) -> None:
    assert {"kafka", "topics", "worker", "prometheus"} <= set(services)


def test_kafka_is_official_image_pinned(services: dict[str, dict[str, Any]]) -> None:
    for name in ("kafka", "topics"):
        image = services[name]["image"]
        assert image.startswith("apache/kafka:"), image
        assert re.fullmatch(r"apache/kafka:(3\.9|4\.\d+)\.\d+", image), f"pin a 3.9.x or 4.x tag: {image}"
    assert services["topics"]["image"] == services["kafka"]["image"]


def test_kafka_kraft_single_node(kafka_env: dict[str, str]) -> None:
    roles = {r.strip() for r in kafka_env["KAFKA_PROCESS_ROLES"].split(",")}
    assert roles == {"broker", "controller"}
    node_id = kafka_env["KAFKA_NODE_ID"]
    voters = kafka_env["KAFKA_CONTROLLER_QUORUM_VOTERS"].split(",")
    assert len(voters) == 1 and voters[0].split("@")[0] == node_id
    controller = kafka_env["KAFKA_CONTROLLER_LISTENER_NAMES"]
    listeners = dict(l.split("://", 1) for l in kafka_env["KAFKA_LISTENERS"].split(","))
    assert controller in listeners
    assert _port(voters[0]) == _port(listeners[controller]), "quorum voter must use the CONTROLLER port"
    assert kafka_env["KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR"] == "1"
    assert kafka_env["KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR"] == "1"
    assert kafka_env["KAFKA_TRANSACTION_STATE_LOG_MIN_ISR"] == "1"
    assert kafka_env["KAFKA_AUTO_CREATE_TOPICS_ENABLE"].lower() == "false"
    if "CLUSTER_ID" in kafka_env:  # kafka-storage format refuses anything but a base64url UUID
        cluster_id = kafka_env["CLUSTER_ID"]
        assert re.fullmatch(r"[A-Za-z0-9_-]{22}", cluster_id), cluster_id
        assert len(base64.urlsafe_b64decode(cluster_id + "==")) == 16


def test_no_zookeeper_anywhere() -> None:
    assert "zookeeper" not in COMPOSE_PATH.read_text().lower()


def test_kafka_healthcheck_uses_kafka_cli(services: dict[str, dict[str, Any]]) -> None:
    test = services["kafka"]["healthcheck"]["test"]
    text = " ".join(test) if isinstance(test, list) else test
    assert "/opt/kafka/bin/kafka-broker-api-versions.sh" in text or "/opt/kafka/bin/kafka-topics.sh" in text


def test_worker_env_vars_are_settings_fields(worker_env: dict[str, str]) -> None:
    fields = {f.name for f in dataclasses.fields(Settings)}
    names = [k for k in worker_env if k.startswith(ENV_PREFIX)]
    assert names, "the worker sets no CLAIMWATCH_* variable"
    unknown = [k for k in names if k[len(ENV_PREFIX):].lower() not in fields]
    assert not unknown, f"not Settings fields: {unknown}"
    assert all(k.isupper() for k in names)


def test_worker_env_parses(worker_settings: Settings) -> None:
    assert worker_settings.broker.startswith("kafka://")
    assert not worker_settings.embedded
    assert worker_settings.web_host == "0.0.0.0", "the web server must be reachable from outside the container"
    assert worker_settings.web_enabled
    assert worker_settings.data_dir == Path("/data")
    assert worker_settings.log_format == "json"


def test_broker_matches_kafka_advertised_listener(
    worker_settings: Settings, kafka_env: dict[str, str], services: dict[str, dict[str, Any]]
) -> None:
    url = urlsplit(worker_settings.broker)
    assert url.scheme == "kafka" and url.hostname and url.port
    advertised = dict(l.split("://", 1) for l in kafka_env["KAFKA_ADVERTISED_LISTENERS"].split(","))
    by_address = {address: name for name, address in advertised.items()}
    address = f"{url.hostname}:{url.port}"
    assert address in by_address, f"{address} is not advertised by kafka: {advertised}"
    # The host is the compose service (resolvable on the compose network) ...
    assert url.hostname in ("kafka", services["kafka"].get("hostname"))
    # ... and the listener behind that advertised address listens on the same port.
    listeners = dict(l.split("://", 1) for l in kafka_env["KAFKA_LISTENERS"].split(","))
    assert _port(listeners[by_address[address]]) == url.port
    # The topics service talks to the same address.
    servers = re.findall(r"--bootstrap-server[ =](\S+)", _topics_script(services["topics"]))
    assert servers and set(servers) == {address}, servers


def test_topics_service_creates_the_app_topics(
    services: dict[str, dict[str, Any]], worker_env: dict[str, str], worker_settings: Settings
) -> None:
    topics = services["topics"]
    assert topics["depends_on"]["kafka"]["condition"] == "service_healthy"
    commands = _topic_commands(topics)
    created = [_flag(line, "--topic") for line in commands]
    assert sorted(created) == sorted(worker_settings.topic(name) for name in APP_TOPICS)
    assert len(set(created)) == len(created)
    for line in commands:
        assert "--if-not-exists" in line, line
        # Literally the worker's partition expression (same variable, same default) ...
        assert _flag(line, "--partitions") == worker_env["CLAIMWATCH_PARTITIONS"], line
        # ... which resolves to what the worker will use.
        assert int(interpolate(_flag(line, "--partitions"))) == worker_settings.partitions
        assert _flag(line, "--replication-factor") == "1"
    assert "CLAIMWATCH_PARTITIONS" in worker_env["CLAIMWATCH_PARTITIONS"]


def test_topic_retention(services: dict[str, dict[str, Any]], worker_settings: Settings) -> None:
    day_ms = 24 * 3600 * 1000
    for line in _topic_commands(services["topics"]):
        topic = _flag(line, "--topic")
        configs = dict(c.split("=", 1) for c in re.findall(r"--config[ =](\S+)", line))
        assert configs.get("cleanup.policy", "delete") == "delete", topic
        retention = int(configs["retention.ms"])
        if topic == worker_settings.topic(DEADLETTER_TOPIC):
            assert retention == 30 * day_ms
        else:
            assert retention == 7 * day_ms


def test_worker_depends_on_topics(services: dict[str, dict[str, Any]]) -> None:
    assert services["worker"]["depends_on"]["topics"]["condition"] == "service_completed_successfully"


def test_worker_is_scalable(services: dict[str, dict[str, Any]]) -> None:
    worker = services["worker"]
    assert "container_name" not in worker
    assert "ports" not in worker, "published host ports clash when scaled; use expose"
    assert "hostname" not in worker
    # /data must be per replica: an anonymous volume or tmpfs, never a named volume or a
    # bind mount (both would be shared by every replica, and RocksDB locks its files).
    mounts = [v if isinstance(v, str) else f"{v.get('source', '')}:{v.get('target')}"
              for v in worker.get("volumes", [])]
    data_mounts = [m for m in mounts if m.split(":")[1 if ":" in m else 0] == "/data"]
    tmpfs = worker.get("tmpfs") or []
    tmpfs = [tmpfs] if isinstance(tmpfs, str) else tmpfs
    assert data_mounts or any(t.split(":")[0] == "/data" for t in tmpfs), "/data needs a volume or tmpfs"
    for mount in data_mounts:
        source = mount.split(":")[0] if ":" in mount else ""
        assert not source, f"/data would be shared between replicas: {mount}"


def test_worker_graceful_shutdown(services: dict[str, dict[str, Any]]) -> None:
    assert services["worker"]["stop_grace_period"] == "60s"


def test_worker_built_from_dockerfile(services: dict[str, dict[str, Any]]) -> None:
    build = services["worker"]["build"]
    context = build if isinstance(build, str) else build.get("context", ".")
    dockerfile = "Dockerfile" if isinstance(build, str) else build.get("dockerfile", "Dockerfile")
    assert (ROOT / context / dockerfile).resolve() == DOCKERFILE_PATH


def test_web_port_consistent(
    services: dict[str, dict[str, Any]], worker_settings: Settings, worker_scrape: dict[str, Any]
) -> None:
    port = worker_settings.web_port
    assert [str(p) for p in services["worker"]["expose"]] == [str(port)]
    # Compose readiness check
    test = services["worker"]["healthcheck"]["test"]
    text = " ".join(test) if isinstance(test, list) else test
    assert f"http://127.0.0.1:{port}/ready" in text
    # Prometheus scrape port
    assert int(worker_scrape["sd"]["port"]) == port
    # Dockerfile EXPOSE and HEALTHCHECK
    instructions = dockerfile_instructions()
    exposed = [a for k, a in instructions if k == "EXPOSE"]
    assert exposed and all(re.fullmatch(rf"{port}(/tcp)?", a) for a in exposed), exposed
    healthchecks = [a for k, a in instructions if k == "HEALTHCHECK"]
    assert len(healthchecks) == 1
    assert "urllib" in healthchecks[0] and f"http://127.0.0.1:{port}/health" in healthchecks[0]
    assert int(dockerfile_env()["CLAIMWATCH_WEB_PORT"]) == port


def test_prometheus_service(services: dict[str, dict[str, Any]]) -> None:
    prom = services["prometheus"]
    assert re.fullmatch(r"prom/prometheus:v\d+\.\d+\.\d+", prom["image"]), prom["image"]
    assert any(str(p).split(":")[-2:] == ["9090", "9090"] or str(p) == "9090" for p in prom["ports"])
    config_mounts = [v for v in prom["volumes"] if isinstance(v, str)
                     and v.split(":")[1] == "/etc/prometheus/prometheus.yml"]
    assert len(config_mounts) == 1
    source, _, mode = config_mounts[0].split(":")
    assert (ROOT / source).resolve() == PROMETHEUS_PATH
    assert mode == "ro"


def test_prometheus_scrapes_workers(worker_scrape: dict[str, Any], services: dict[str, dict[str, Any]]) -> None:
    sd = worker_scrape["sd"]
    assert sd["names"] == ["worker"] and "worker" in services
    assert sd.get("type", "SRV") == "A"  # "SRV" is Prometheus's default; Docker DNS answers A
    assert worker_scrape["job"].get("metrics_path") == "/metrics"


# --- Dockerfile -----------------------------------------------------------------------------


def test_dockerfile_shape() -> None:
    instructions = dockerfile_instructions()
    keywords = [k for k, _ in instructions]
    froms = [a for k, a in instructions if k == "FROM"]
    assert froms and froms[-1].split()[0] == "python:3.11-slim"
    runs = " ".join(a for k, a in instructions if k == "RUN")
    # The project itself (a local path: "." or where the context was copied), deps from PyPI.
    assert re.search(r"pip install --no-cache-dir (\.|/\S+)(\s|$)", runs), runs
    assert "spacy download" not in runs, "the model is a PyPI dependency, nothing is downloaded separately"
    users = [a for k, a in instructions if k == "USER"]
    assert users and users[-1] not in ("root", "0", "0:0")
    assert "WORKDIR" in keywords
    assert [a for k, a in instructions if k == "ENTRYPOINT"] == ['["claimwatch"]']
    assert [a for k, a in instructions if k == "CMD"] == ['["worker"]']
    volumes = " ".join(a for k, a in instructions if k == "VOLUME")
    assert "/data" in volumes
    # USER must come after the installs (pip as root) and the VOLUME after /data is chowned.
    assert keywords.index("USER") > max(i for i, k in enumerate(keywords) if k == "RUN")


def test_dockerfile_env_parses_as_settings() -> None:
    env = {k: v for k, v in dockerfile_env().items() if k.startswith(ENV_PREFIX)}
    fields = {f.name for f in dataclasses.fields(Settings)}
    assert all(k[len(ENV_PREFIX):].lower() in fields for k in env), env
    settings = Settings.load({}, env)
    assert settings.web_host == "0.0.0.0" and settings.data_dir == Path("/data")


def test_dockerignore_keeps_the_build_inputs() -> None:
    patterns = {line.strip().rstrip("/") for line in DOCKERIGNORE_PATH.read_text().splitlines()
                if line.strip() and not line.startswith("#")}
    for required in ("pyproject.toml", "processors", "streams", "schemas"):
        assert required not in patterns, f".dockerignore drops {required}, needed by pip install ."
    for junk in (".git", "claimwatch-data", "test-artifacts", ".venv"):
        assert junk in patterns, f".dockerignore should exclude {junk}"
