"""Test settings: the sandbox host on real PostgreSQL, kicks off (tests drive processing)."""

from sandbox.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
SUPPORT_DESK = {
    "HOST": "saleor_support_plugin.host.standalone.StandaloneHost",
    "KICK": "off",
}
SUPPORT_DESK_PLUGIN_CONFIGURATION = {}
CELERY_BROKER_URL = ""
CELERY_TASK_ALWAYS_EAGER = True
