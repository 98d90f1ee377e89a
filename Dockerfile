# One image for web, worker and scheduler. Slim base, no build tools, runs as an unprivileged user.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app
COPY pyproject.toml README.md ./
COPY service ./service
COPY messages ./messages
COPY workers ./workers
RUN pip install --no-compile . \
    && useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin steadyline \
    && mkdir -p /app/var && chown steadyline /app/var

USER steadyline
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=3s --retries=3 \
  CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=2)"]
CMD ["gunicorn", "--bind", "0.0.0.0:8000", "--workers", "2", "--threads", "4", "--timeout", "30", \
     "--access-logfile", "-", "service.wsgi:app"]
