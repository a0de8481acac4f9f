"""Test settings: the sandbox host on real PostgreSQL, kicks off (tests drive processing)."""

import os

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
