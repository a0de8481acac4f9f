"""The SLA sweep runs every minute under the host's beat, on the desk's queue."""

from typing import Any

from saleor_support_plugin import tasks
from saleor_support_plugin.sla.models import TicketSlaClock


class FakeApp:
    def __init__(self) -> None:
        self.schedule: dict[str, tuple[float, Any, dict[str, Any]]] = {}

    def add_periodic_task(self, interval: float, signature: Any, **options: Any) -> None:
        self.schedule[options.pop("name")] = (interval, signature, options)


def test_the_sla_sweep_is_scheduled_every_minute(settings):
    settings.SUPPORT_DESK = {**settings.SUPPORT_DESK, "CELERY_QUEUE": "support"}
    app = FakeApp()

    tasks.register_periodic_tasks(app)

    interval, signature, options = app.schedule["saleor-support-sweep-sla"]
    assert (interval, signature.task, options) == (
        60.0,
        "saleor_support_plugin.sweep_sla",
        {"expires": 59.0, "queue": "support"},
    )


def test_the_task_sweeps(sla_policy_generator, sla_ticket_generator):
    sla_policy_generator()
    ticket = sla_ticket_generator()

    assert tasks.sweep_sla_task() == 1
    assert TicketSlaClock.objects.filter(ticket=ticket).exists()
