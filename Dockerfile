FROM python:3.11-slim
WORKDIR /srv/conflictgeo
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 CONFLICTGEO_HOST=0.0.0.0
COPY pyproject.toml README.md alembic.ini ./
COPY app ./app
COPY migrations ./migrations
COPY data ./data
# Editable: the service finds migrations/ and data/ beside app/.
RUN pip install --no-cache-dir -e .
EXPOSE 8000
HEALTHCHECK CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz')"
CMD ["conflictgeo", "serve"]
