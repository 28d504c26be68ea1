import logging
import uuid

from celery import current_app
from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)


def _database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        logger.exception("Health check: database unreachable")
        return False
    return True


def _cache_ok() -> bool:
    # Publishing invalidates public pages through the cache: without it, pages go stale.
    key = f"healthz:{uuid.uuid4().hex}"
    try:
        cache.set(key, "1", timeout=10)
        ok = cache.get(key) == "1"
        cache.delete(key)
    except Exception:
        logger.exception("Health check: cache unreachable")
        return False
    return ok


def _broker_ok() -> bool:
    if settings.CELERY_TASK_ALWAYS_EAGER:
        return True  # no broker: tasks run in the web process
    try:
        with current_app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
    except Exception:
        logger.exception("Health check: broker unreachable")
        return False
    return True


@never_cache
@require_safe
def healthz(request):
    """Readiness for load balancers: `ok` when the database, the cache and the broker all
    answer; otherwise 503 naming each that does not."""
    failed = [
        name
        for name, check in (
            ("database", _database_ok),
            ("cache", _cache_ok),
            ("broker", _broker_ok),
        )
        if not check()
    ]
    if failed:
        body = "\n".join(f"{name} unavailable" for name in failed)
        return HttpResponse(body, status=503, content_type="text/plain")
    return HttpResponse("ok", content_type="text/plain")
