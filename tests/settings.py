"""Test settings: the sandbox host on real PostgreSQL, kicks off (tests drive processing)."""

import os
from urllib.parse import urlsplit

from sandbox.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
SUPPORT_DESK = {
    "HOST": "saleor_support_plugin.host.standalone.StandaloneHost",
    "KICK": "off",
}
SUPPORT_DESK_PLUGIN_CONFIGURATION = {}
CELERY_BROKER_URL = ""
CELERY_TASK_ALWAYS_EAGER = True

# One test database per run, so runs side by side (two Pythons, a benchmark) never collide.
_RUN = os.environ.get("PYTEST_XDIST_TESTRUNUID", "")[:8] or str(os.getpid())
DATABASES["default"]["TEST"] = {"NAME": f"test_support_{_RUN}"}  # noqa: F405

# Rate-limit counters on real Redis (REDIS_URL), in their own database, under a key prefix of
# this run and pytest-xdist worker, so workers and runs side by side never share a counter.
# ``tests/fixtures/ratelimit.py`` deletes the prefix's keys before every test.
_REDIS = urlsplit(os.environ.get("REDIS_URL", "redis://127.0.0.1:6379"))
_REDIS_AUTH = f":{_REDIS.password}@" if _REDIS.password else ""
_REDIS_DB = int(os.environ.get("SUPPORT_CACHE_TEST_REDIS_DB", "11"))
_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "main")
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": (
            f"{_REDIS.scheme}://{_REDIS_AUTH}{_REDIS.hostname or '127.0.0.1'}:{_REDIS.port or 6379}"
            f"/{_REDIS_DB}"
        ),
        "KEY_PREFIX": f"support-test-{_RUN}-{_WORKER}",
        "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
    }
}
