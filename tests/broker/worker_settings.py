"""Settings of the Celery worker that the broker tests start.

The test settings, pointed at the test process's database and at the proxied broker
(with the run's own key prefix), with the kick on and a sweep short enough for a test
run. The values come from the environment the ``broker_stand`` fixture gives the worker.
"""

import os
from typing import Any

from tests.settings import *  # noqa: F403
from tests.settings import CELERY_BROKER_TRANSPORT_OPTIONS as BASE_TRANSPORT_OPTIONS
from tests.settings import DATABASES, SUPPORT_DESK

DATABASES["default"]["NAME"] = os.environ["SUPPORT_TEST_DATABASE_NAME"]
CELERY_BROKER_URL = os.environ["CELERY_BROKER_URL"]


def _transport_options() -> dict[str, Any]:
    return {
        **BASE_TRANSPORT_OPTIONS,
        "global_keyprefix": os.environ["SUPPORT_TEST_REDIS_KEY_PREFIX"],
    }


CELERY_BROKER_TRANSPORT_OPTIONS = _transport_options()
CELERY_TASK_ALWAYS_EAGER = False
SUPPORT_DESK = {
    **SUPPORT_DESK,
    "KICK": "auto",
    "CELERY_QUEUE": os.environ["SUPPORT_TEST_CELERY_QUEUE"],
    # Numbers as strings, as the desk's settings accept them.
    "SWEEP_INTERVAL_SECONDS": os.environ["SUPPORT_TEST_SWEEP_INTERVAL_SECONDS"],
    "SWEEP_MIN_AGE_SECONDS": os.environ["SUPPORT_TEST_SWEEP_MIN_AGE_SECONDS"],
}
