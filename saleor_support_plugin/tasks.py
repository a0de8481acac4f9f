"""Celery tasks of the support desk, found by Saleor's (and the sandbox's) task autodiscovery.

Tasks take ids, are idempotent, and select their rows with ``SKIP LOCKED``; timers are
columns scanned periodically, never long countdowns.
"""

from celery import current_app, shared_task

from .conf import desk_settings
from .host import get_host
from .intake import actions as intake_actions
from .intake import reconciliation
from .sla.sweep import sweep_sla

RECONCILE_INTERVAL_SECONDS = 300.0
SLA_SWEEP_INTERVAL_SECONDS = 60.0


@shared_task(
    name="saleor_support_plugin.process_inbound_event",
    acks_late=True,  # replaying is safe: processing locks the row and checks its status
    reject_on_worker_lost=True,  # attempts turn a looping row into a dead letter
    time_limit=60,
    soft_time_limit=45,
    ignore_result=True,
)
def process_inbound_event_task(event_id: int) -> str | None:
    """Turn one recorded store event into ticket changes."""
    with get_host().task_context():
        return intake_actions.process_inbound_event(event_id)


@shared_task(
    name="saleor_support_plugin.sweep_inbound_events",
    expires=14,
    acks_late=True,  # replaying is safe: processing locks the row and checks its status
    reject_on_worker_lost=True,  # attempts turn a looping row into a dead letter
    time_limit=60,
    soft_time_limit=45,
    ignore_result=True,
)
def sweep_inbound_events_task() -> int:
    """Process pending store events that no kick delivered (broker down, worker died)."""
    with get_host().task_context():
        return intake_actions.sweep_inbound_events()


@shared_task(
    name="saleor_support_plugin.reconcile_order_history",
    expires=290,
    acks_late=True,  # replaying is safe: processing locks the row and checks its status
    reject_on_worker_lost=True,  # attempts turn a looping row into a dead letter
    time_limit=60,
    soft_time_limit=45,
    ignore_result=True,
)
def reconcile_order_history_task() -> int:
    """Record the store events no hook reported (history rows, noted orders, deleted accounts)."""
    with get_host().task_context():
        return reconciliation.reconcile()


@shared_task(
    name="saleor_support_plugin.sweep_sla",
    expires=59,
    acks_late=True,  # replaying is safe: crossings are recorded once under the ticket's lock
    time_limit=60,
    soft_time_limit=45,
    ignore_result=True,
)
def sweep_sla_task() -> int:
    """Record due SLA warnings and breaches, run breach actions, sync stale clocks."""
    with get_host().task_context():
        return sweep_sla().tickets


def register_periodic_tasks(app: object) -> None:
    """Add the desk's periodic tasks to ``app``'s beat schedule."""
    config = desk_settings()
    queue = config.celery_queue
    options = {"queue": queue} if queue else {}
    sweep_interval = config.sweep_interval_seconds
    app.add_periodic_task(  # type: ignore[attr-defined]  # a Celery app
        sweep_interval,
        sweep_inbound_events_task.s(),
        name="saleor-support-sweep-inbound-events",
        expires=max(sweep_interval - 1, sweep_interval / 2),
        **options,
    )
    app.add_periodic_task(  # type: ignore[attr-defined]  # a Celery app
        RECONCILE_INTERVAL_SECONDS,
        reconcile_order_history_task.s(),
        name="saleor-support-reconcile-order-history",
        expires=RECONCILE_INTERVAL_SECONDS - 10,
        **options,
    )
    app.add_periodic_task(  # type: ignore[attr-defined]  # a Celery app
        SLA_SWEEP_INTERVAL_SECONDS,
        sweep_sla_task.s(),
        name="saleor-support-sweep-sla",
        expires=SLA_SWEEP_INTERVAL_SECONDS - 1,
        **options,
    )


register_periodic_tasks(current_app)
