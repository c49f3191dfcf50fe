# The bot in a container: `docker compose up -d --build` (see compose.yaml and the README).
FROM python:3.12-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    KNOWLEDGE_DIR=/app/knowledge \
    FACTS_DB=/app/data/facts.db \
    STATS_DB=/app/data/stats.db \
    DELIVERY_DB=/app/data/delivery.db \
    PREVIEWS_DB=/app/data/previews.db \
    MEMORY_DB=/app/data/memory.db \
    MPLCONFIGDIR=/tmp/matplotlib

WORKDIR /app
RUN groupadd --system --gid 10001 bot \
    && useradd --system --uid 10001 --gid bot --no-create-home --home-dir /app \
       --shell /usr/sbin/nologin bot

# The dependencies listed in pyproject.toml, in a layer of their own: a code change does
# not reinstall them. The bot runs from /app (python -m bot), so it is not installed itself.
COPY pyproject.toml ./
RUN python -c "import tomllib; print('\n'.join(tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies']))" > /tmp/requirements.txt \
    && pip install --no-cache-dir -r /tmp/requirements.txt \
    && rm /tmp/requirements.txt

COPY bot ./bot
COPY knowledge ./knowledge
RUN mkdir -p /app/data && chown bot:bot /app/data

USER 10001:10001
# The knowledge files (edited by an admin, then /reload) and the generated databases.
# FACTS_DB is built from KNOWLEDGE_DIR at start when it is missing.
VOLUME ["/app/knowledge", "/app/data"]
# Webhook mode only (WEBHOOK_PORT); polling needs no inbound port.
EXPOSE 8443
# The bot drains what it fetched within STOP_TIMEOUT; give it longer (stop_grace_period).
STOPSIGNAL SIGTERM
CMD ["python", "-m", "bot", "run"]
