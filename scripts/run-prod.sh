#!/usr/bin/env bash
# gunicorn, a Celery worker and beat on the environment's database and Redis, as in
# production; stops all three on Ctrl-C. Called by `make run-prod`.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.venv/bin
$bin/python manage.py migrate --noinput
$bin/python manage.py load_demo --force
$bin/python manage.py collectstatic --noinput -v 0
$bin/celery -A config worker -l info -c 2 & worker=$!
$bin/celery -A config beat -l info -s .ci/celerybeat-schedule & beat=$!
$bin/gunicorn -w 2 -b 127.0.0.1:8000 config.wsgi & web=$!
trap 'kill $web $worker $beat 2>/dev/null; wait' INT TERM EXIT
echo "serving http://127.0.0.1:8000 (gunicorn $web, worker $worker, beat $beat)"
wait
