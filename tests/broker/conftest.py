"""Fixtures of the broker tests: Redis behind a cuttable proxy, and a real Celery worker.

Redis (``REDIS_URL``, default ``redis://127.0.0.1:6379``) is required: when it is not
reachable the tests fail. Each pytest-xdist worker uses its own Redis database
(``SUPPORT_BROKER_TEST_REDIS_DB`` plus the worker's index), and each run its own queue and
key prefix, deleted before and after; so parallel workers, and test sessions running side
by side, never see each other's messages.
"""

import json
import logging
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import redis
from django.db import connection

from saleor_support_plugin.intake import kick
from sandbox.celery import app as celery_app

from .proxy import TcpProxy

logger = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parents[2]
REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379")
REDIS_DB_BASE = int(os.environ.get("SUPPORT_BROKER_TEST_REDIS_DB", "12"))
REDIS_DBS_PER_RUN = 4
REPORT_DIR = Path(tempfile.gettempdir()) / "saleor-support-broker"
WORKER_READY_TIMEOUT_SECONDS = 60.0
WORKER_STOP_TIMEOUT_SECONDS = 20.0
LOG_TAIL_LINES = 60


PUBLISHED = "published"
FAILED = "failed"
"""The publish failed and tripped the breaker."""
SKIPPED = "skipped"
"""The breaker was open, so the kick did nothing."""


@dataclass
class KickLog:
    """What each kick of the test process did, observed around ``kick.publish``."""

    outcomes: list[tuple[float, str, int]] = field(default_factory=list)
    """(``time.monotonic()`` at the start, outcome, event id) per kick."""
    seconds: list[float] = field(default_factory=list)
    threads: set[str] = field(default_factory=set)
    """Names of the threads that published."""

    def count(self, outcome: str, *, after: float = 0.0) -> int:
        return sum(1 for at, o, _ in self.outcomes if o == outcome and at >= after)

    @property
    def published(self) -> int:
        return self.count(PUBLISHED)

    @property
    def failed(self) -> int:
        return self.count(FAILED)

    @property
    def skipped(self) -> int:
        return self.count(SKIPPED)

    @property
    def unkicked(self) -> list[int]:
        """Events whose kick failed or was skipped: only the sweep can deliver them."""
        return [event_id for _, o, event_id in self.outcomes if o != PUBLISHED]

    @property
    def max_seconds(self) -> float:
        return max(self.seconds, default=0.0)


def _redis_db(worker_id: str) -> int:
    index = int(worker_id[2:]) if worker_id.startswith("gw") else 0
    return REDIS_DB_BASE + index % REDIS_DBS_PER_RUN


def _tail(path: Path, lines: int = LOG_TAIL_LINES) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no worker log)"


class CeleryWorker:
    """A ``celery -A sandbox worker -B`` subprocess in its own process group."""

    def __init__(self, command: list[str], env: dict[str, str], log_path: Path) -> None:
        self.log_path = log_path
        self._log = log_path.open("wb")
        self.process = subprocess.Popen(  # noqa: S603  # our own interpreter and arguments
            command,
            cwd=ROOT,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def log_tail(self) -> str:
        return f"worker log {self.log_path}:\n{_tail(self.log_path)}"

    def wait_ready(self, timeout: float = WORKER_READY_TIMEOUT_SECONDS) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"The Celery worker exited early.\n{self.log_tail()}")
            if b" ready." in self.log_path.read_bytes():
                return
            time.sleep(0.1)
        pytest.fail(f"The Celery worker was not ready in {timeout:.0f} s.\n{self.log_tail()}")

    def stop(self) -> None:
        """Warm shutdown, then kill whatever of its process group is left."""
        pgid = self.process.pid
        try:
            os.killpg(pgid, signal.SIGTERM)
            self.process.wait(timeout=WORKER_STOP_TIMEOUT_SECONDS)
        except ProcessLookupError:
            pass
        except subprocess.TimeoutExpired:
            logger.warning("The Celery worker ignored SIGTERM; killing it.")
        finally:
            try:
                os.killpg(pgid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self.process.wait(timeout=WORKER_STOP_TIMEOUT_SECONDS)
            self._log.close()


class BrokerStand:
    """Redis behind two cuttable proxies: one for the worker, one for this process."""

    def __init__(self, *, name: str, worker_id: str, database_name: str) -> None:
        url = urlsplit(REDIS_URL)
        self.name = name
        self.worker_id = worker_id
        self.database_name = database_name
        self.redis_host = url.hostname or "127.0.0.1"
        self.redis_port = url.port or 6379
        self.redis_password = url.password
        self.redis_db = _redis_db(worker_id)
        self.queue = f"support-broker-test-{worker_id}-{os.getpid()}"
        self.key_prefix = f"{self.queue}:"
        """Kombu's ``global_keyprefix``: every Redis key of this run starts with it."""
        self.worker_proxy = TcpProxy(self.redis_host, self.redis_port)
        self.publisher_proxy = TcpProxy(self.redis_host, self.redis_port)
        self.worker: CeleryWorker | None = None
        self.redis_checked = False
        self.beat_dir: Path | None = None
        self.cut_at: float | None = None
        self.restored_at: float | None = None

    def redis(self) -> redis.Redis:
        return redis.Redis(
            host=self.redis_host,
            port=self.redis_port,
            db=self.redis_db,
            password=self.redis_password,
            socket_connect_timeout=2,
            socket_timeout=5,
        )

    def broker_url(self, proxy: TcpProxy) -> str:
        auth = f":{self.redis_password}@" if self.redis_password else ""
        return f"redis://{auth}127.0.0.1:{proxy.port}/{self.redis_db}"

    def check_redis(self) -> None:
        try:
            with self.redis() as client:
                client.ping()
        except redis.RedisError as exc:
            error = exc
        else:
            return
        pytest.fail(
            f"Redis at {REDIS_URL} is unreachable ({error}); the broker tests need it."
            " Start Redis or set REDIS_URL.",
            pytrace=False,
        )

    @property
    def transport_options(self) -> dict[str, Any]:
        return {**celery_app.conf.broker_transport_options, "global_keyprefix": self.key_prefix}

    def delete_keys(self) -> None:
        """Delete this run's keys (queue, bindings, unacknowledged messages), no others."""
        with self.redis() as client:
            keys = list(client.scan_iter(match=f"{self.key_prefix}*", count=1000))
            if keys:
                client.delete(*keys)

    def start(self) -> None:
        self.check_redis()
        self.redis_checked = True
        self.delete_keys()
        self.worker_proxy.start()
        self.publisher_proxy.start()

    def start_worker(self, *, sweep_interval_seconds: float, sweep_min_age_seconds: int) -> None:
        """Start the worker (with beat) on the test database, and wait until it consumes."""
        REPORT_DIR.mkdir(parents=True, exist_ok=True)
        env = {
            key: value
            for key, value in os.environ.items()
            if key not in ("CELERY_BROKER_WRITE_URL", "CELERY_RESULT_BACKEND")
        }
        env.update(
            DJANGO_SETTINGS_MODULE="tests.broker.worker_settings",
            CELERY_BROKER_URL=self.broker_url(self.worker_proxy),
            SUPPORT_TEST_DATABASE_NAME=self.database_name,
            SUPPORT_TEST_CELERY_QUEUE=self.queue,
            SUPPORT_TEST_REDIS_KEY_PREFIX=self.key_prefix,
            SUPPORT_TEST_SWEEP_INTERVAL_SECONDS=str(sweep_interval_seconds),
            SUPPORT_TEST_SWEEP_MIN_AGE_SECONDS=str(sweep_min_age_seconds),
            PYTHONUNBUFFERED="1",
        )
        self.beat_dir = Path(tempfile.mkdtemp(prefix="support-broker-beat-"))
        command = [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "sandbox",
            "worker",
            "-B",
            "--schedule",
            str(self.beat_dir / "beat-schedule"),
            "--pool=prefork",
            "--concurrency=2",
            "-Q",
            self.queue,
            "-n",
            f"{self.queue}@%h",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
            "--loglevel=INFO",
        ]
        self.worker = CeleryWorker(command, env, REPORT_DIR / f"{self.name}-worker.log")
        self.worker.wait_ready()

    def log_tail(self) -> str:
        return self.worker.log_tail() if self.worker else "(no worker)"

    def cut(self) -> None:
        """Make the broker unreachable for everyone: resets, refusals."""
        self.worker_proxy.cut()
        self.publisher_proxy.cut()
        self.cut_at = time.monotonic()

    def restore(self) -> None:
        self.worker_proxy.restore()
        self.publisher_proxy.restore()
        self.restored_at = time.monotonic()

    def stop_worker(self) -> None:
        """Stop the worker; a warm shutdown lets the tasks it runs finish first."""
        if self.worker is not None and self.worker.process.returncode is None:
            self.worker.stop()

    def stop(self) -> None:
        try:
            self.stop_worker()
        finally:
            self.worker_proxy.close()
            self.publisher_proxy.close()
            if self.beat_dir is not None:
                shutil.rmtree(self.beat_dir, ignore_errors=True)
            try:
                if self.redis_checked:
                    self.delete_keys()
            except redis.RedisError:
                logger.warning("Could not delete the Redis keys %s*.", self.key_prefix)


@pytest.fixture
def broker_stand(
    transactional_db: None,
    django_db_serialized_rollback: None,
    request: pytest.FixtureRequest,
    worker_id: str,
) -> Iterator[BrokerStand]:
    """Redis behind proxies; ``start_worker`` runs a real worker on the test database.

    The worker reads rows the test commits, hence the transactional database; the
    serialized rollback brings back the rows of data migrations (ticket categories).
    """
    stand = BrokerStand(
        name=f"{request.node.name}-{worker_id}",
        worker_id=worker_id,
        database_name=str(connection.settings_dict["NAME"]),
    )
    try:
        stand.start()
        yield stand
    finally:
        if stand.worker is not None:
            logger.info("%s", stand.log_tail())
        stand.stop()


@pytest.fixture
def kick_to_broker(
    broker_stand: BrokerStand, settings: Any, monkeypatch: pytest.MonkeyPatch
) -> Iterator[KickLog]:
    """Kick as in production: after commit, to the proxied broker, bounded, with the breaker.

    Returns a log of what each kick did.
    """
    monkeypatch.delenv("CELERY_BROKER_URL", raising=False)
    monkeypatch.delenv("CELERY_BROKER_WRITE_URL", raising=False)
    settings.SUPPORT_DESK = {
        **settings.SUPPORT_DESK,
        "KICK": "auto",
        "CELERY_QUEUE": broker_stand.queue,
    }
    log = KickLog()
    original = kick.publish

    def observed(event_id: int) -> None:
        log.threads.add(threading.current_thread().name)
        was_open = kick.Breaker.is_open()
        tripped_before = kick.Breaker.open_until
        started = time.monotonic()
        try:
            original(event_id)
        finally:
            log.seconds.append(time.monotonic() - started)
            if was_open:
                outcome = SKIPPED
            elif kick.Breaker.open_until != tripped_before:
                outcome = FAILED
            else:
                outcome = PUBLISHED
            log.outcomes.append((started, outcome, event_id))

    monkeypatch.setattr(kick, "publish", observed)
    conf = celery_app.conf
    conf.get("broker_url")  # reading a key finalizes a pending configuration
    url = broker_stand.broker_url(broker_stand.publisher_proxy)
    # With a namespace, the app reads e.g. CELERY_BROKER_URL before broker_url.
    prefix = conf.prefix or ""
    overrides = {
        f"{prefix}BROKER_URL" if prefix else "broker_url": url,
        f"{prefix}BROKER_TRANSPORT_OPTIONS" if prefix else "broker_transport_options": (
            broker_stand.transport_options
        ),
        f"{prefix}TASK_ALWAYS_EAGER" if prefix else "task_always_eager": False,
    }
    changes = conf.changes
    assert changes is not None
    saved = {key: changes[key] for key in overrides if key in changes}
    conf.update(overrides)
    # Not eager, so every kick not skipped by the breaker publishes through the proxy.
    assert conf.broker_url == url
    assert conf.broker_transport_options == broker_stand.transport_options
    assert conf.task_always_eager is False
    kick.Breaker.reset()
    try:
        yield log
    finally:
        kick.Breaker.reset()
        for key in overrides:
            changes.pop(key, None)
        conf.update(saved)


@pytest.fixture
def broker_report(request: pytest.FixtureRequest, worker_id: str) -> Iterator[dict[str, Any]]:
    """Figures a test measured, written as JSON to the system temp directory afterwards."""
    figures: dict[str, Any] = {}
    yield figures
    if figures:
        REPORT_DIR.mkdir(parents=True, exist_ok=True)
        path = REPORT_DIR / f"{request.node.name}-{worker_id}.json"
        path.write_text(json.dumps(figures, indent=2, sort_keys=True) + "\n")
        logger.info("Broker test figures (%s): %s", path, json.dumps(figures, sort_keys=True))
