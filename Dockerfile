# The conflict map's image: web (gunicorn), worker and beat all run from it (compose.yaml).
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PATH=/venv/bin:$PATH \
    DJANGO_SETTINGS_MODULE=config.settings.production \
    CONFLICTMAP_VAR_DIR=/app/var \
    CONFLICTMAP_GAZETTEER_DIR=/app/gazetteer

# The complete hashed lock: the same packages whatever pip this image bundles.
COPY requirements.txt /tmp/requirements.txt
RUN python -m venv /venv \
 && /venv/bin/pip install --no-cache-dir --require-hashes -r /tmp/requirements.txt

WORKDIR /app
COPY . /app

# Static files and the gazetteer are part of the image, so every container (web and
# workers alike) starts with them. Production settings need a key to be imported at all;
# this throw-away one signs nothing.
RUN export SECRET_KEY="$(python -c 'import secrets; print(secrets.token_urlsafe(50))')" \
           ALLOWED_HOSTS=build.invalid \
 && python manage.py collectstatic --noinput \
 && python manage.py build_gazetteer

RUN useradd --system --home-dir /app conflictmap \
 && mkdir -p /app/var \
 && chown -R conflictmap /app/var
USER conflictmap

EXPOSE 8000
# WEB_CONCURRENCY sets gunicorn's number of processes.
CMD ["gunicorn", "config.wsgi:application", "--bind", "0.0.0.0:8000"]
