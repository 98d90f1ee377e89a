# One image for web, worker and scheduler. Slim base, no build tools (every dependency installs from a wheel), runs
# as an unprivileged user with a numeric uid. Checked by hadolint in .ci/run.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PROMETHEUS_MULTIPROC_DIR=/tmp/steadyline-metrics

WORKDIR /app
COPY pyproject.toml README.md ./
COPY service ./service
COPY messages ./messages
COPY workers ./workers
RUN pip install --no-compile --only-binary=:all: . \
    && groupadd --system --gid 10001 steadyline \
    && useradd --system --uid 10001 --gid 10001 --home-dir /app --shell /usr/sbin/nologin steadyline \
    && mkdir -p /app/var/spool /tmp/steadyline-metrics \
    && chown 10001:10001 /app/var /app/var/spool /tmp/steadyline-metrics

USER 10001:10001
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=3s --retries=3 \
  CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=2)"]
# gthread workers: 2 processes x 4 threads. --forwarded-allow-ips trusts X-Forwarded-Proto from the proxy in front
# (set FORWARDED_ALLOW_IPS to its address; "*" only when nothing else can reach the container). The access log
# carries method, path, status, time and the request id: never a form field, so never a number or a text.
CMD ["gunicorn", "--bind", "0.0.0.0:8000", "--workers", "2", "--worker-class", "gthread", "--threads", "4", \
     "--timeout", "30", "--graceful-timeout", "20", "--keep-alive", "5", \
     "--access-logfile", "-", \
     "--access-logformat", "{\"time\":\"%(t)s\",\"level\":\"INFO\",\"logger\":\"gunicorn.access\",\"message\":\"%(m)s %(U)s %(s)s\",\"duration_ms\":%(M)s,\"request_id\":\"%({x-request-id}o)s\"}", \
     "service.wsgi:app"]
