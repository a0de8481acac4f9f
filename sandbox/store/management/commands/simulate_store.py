"""Simulate days of demo-store traffic through the store's actions, then let agents work the desk.

Everything the store does goes through ``sandbox.store.actions``, so the desk's hooks fire
exactly as they do for Saleor. Times are historical and move forward: orders are placed over
the simulated days, their follow-ups (payment failures, cancellations, fulfilments, returns,
refunds) come later, and three times a simulated day the desk drains its intake (sweep and
reconciliation up to that moment) before agents and customers write on the tickets.
"""

import heapq
import logging
import random
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from functools import partial
from typing import Any
from uuid import UUID

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.management.base import BaseCommand, CommandError, CommandParser, OutputWrapper
from django.db.models import Count
from django.test import override_settings
from django.utils import timezone

from saleor_support_plugin.agents import AgentRole
from saleor_support_plugin.agents.starter import StarterAgent, create_starter_teams
from saleor_support_plugin.host import get_host
from saleor_support_plugin.intake import InboundEventStatus
from saleor_support_plugin.intake.actions import sweep_inbound_events
from saleor_support_plugin.intake.models import InboundEvent, IntakeWatermark
from saleor_support_plugin.intake.reconciliation import HISTORY_WATERMARK, reconcile
from saleor_support_plugin.macros.starter import create_starter_macros
from saleor_support_plugin.tickets import MessageAuthorType, TicketChannel, TicketStatus
from saleor_support_plugin.tickets import actions as desk
from saleor_support_plugin.tickets.actors import Actor
from saleor_support_plugin.tickets.models import Ticket
from sandbox.store import OrderStatus, actions
from sandbox.store.catalogue import (
    AGENTS,
    CENT,
    E_MAIL_DOMAINS,
    INTERNAL_NOTES,
    KIT_BY_CODE,
    KITS,
    PAYMENT_ERRORS,
    PRODUCTS,
    LanguageKit,
)
from sandbox.store.models import Order, OrderLine, Product
from sandbox.store.surveys import SurveyTaker

DEFAULT_DAYS = 14
DEFAULT_ORDERS_PER_DAY = 25
AGENT_USERNAMES = ("agent1", "agent2", "agent3")
AGENT_PASSWORD = "agent"
AGENT_ROLES = ((AgentRole.TEAM_LEAD, 3), (AgentRole.AGENT, 1), (AgentRole.AGENT, 2))
"""Role and tier of ``agent1..3``: the first leads the teams and works up to L3."""
DAY = timedelta(days=1)
DESK_HOURS = (9, 15, 21)
"""Hours into each simulated day at which the desk drains intake and agents work."""
AFTER_FULFILMENT = (
    ("nothing", 72),
    ("return_with_refund", 8),
    ("return_without_refund", 4),
    ("replacement", 5),
    ("partial_refund", 7),
    ("full_refund", 4),
)
"""What happens to a fulfilled order, with weights."""


@dataclass
class Customer:
    kit: LanguageKit
    buyer: actions.Buyer

    @property
    def user(self) -> Any:
        return self.buyer.user


class ProgressBar:
    """A text bar: redrawn in place on a terminal, a line per tenth of the way otherwise."""

    WIDTH = 32

    def __init__(self, stream: OutputWrapper, *, enabled: bool) -> None:
        self.stream = stream
        self.enabled = enabled
        self.terminal = stream.isatty()
        self._shown: tuple[int, str] | None = None

    def show(self, fraction: float, label: str) -> None:
        percent = int(min(max(fraction, 0.0), 1.0) * 100)
        key = (percent, label) if self.terminal else (percent // 10, "")
        if not self.enabled or key == self._shown:
            return
        self._shown = key
        filled = self.WIDTH * percent // 100
        text = f"[{'#' * filled}{'.' * (self.WIDTH - filled)}] {percent:3d}% {label}"
        if self.terminal:
            self.stream.write(f"\r{text}", ending="")
            self.stream.flush()
        else:
            self.stream.write(text)

    def finish(self) -> None:
        if self.enabled and self.terminal and self._shown is not None:
            self.stream.write("")


class QuietReconciliation(logging.Filter):
    """Drop the reconciliation's notice about rows no hook reported.

    No hook reports a payment failure, so in a simulation every one of them is such a row.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("Support desk reconciliation recorded")


class Simulation:
    """Store traffic and desk work over ``days`` days ending at ``end``, in time order."""

    def __init__(
        self,
        *,
        rng: random.Random,
        days: int,
        orders_per_day: int,
        end: datetime,
        progress: ProgressBar,
        survey_rng: random.Random | None = None,
    ) -> None:
        self.rng = rng
        self.surveys = SurveyTaker(survey_rng or random.Random())  # noqa: S311  # demo data
        self.days = days
        self.orders_per_day = orders_per_day
        self.end = end
        self.start = end - days * DAY
        self.progress = progress
        self.store_events: Counter[str] = Counter()
        self.desk_work: Counter[str] = Counter()
        self.orders: list[Order] = []
        self._queue: list[tuple[datetime, int, Callable[[], None]]] = []
        self._sequence = 0
        self.products = ensure_catalogue()
        self.customers = ensure_customers()
        self.agents = ensure_agents()
        self._deleted_emails: set[str] = set()
        self._current = self.start

    # The clock.

    def at(self, when: datetime, step: Callable[[], None]) -> None:
        """Run ``step`` at ``when``, unless that is after the end of the simulation."""
        if when < self.end:
            self._sequence += 1
            heapq.heappush(self._queue, (when, self._sequence, step))

    def run(self) -> None:
        for day in range(self.days):
            self.at(self.start + day * DAY, partial(self._open_day, day))
        while self._queue:
            when, _, step = heapq.heappop(self._queue)
            day = min(self.days, int((when - self.start) / DAY) + 1)
            self.progress.show(
                (when - self.start) / (self.end - self.start), f"day {day}/{self.days}"
            )
            self._current = when
            step()
        self.progress.show(1.0, f"day {self.days}/{self.days}")
        self.drain(timezone.now())
        self.progress.finish()

    def _hours(self, low: float, high: float) -> timedelta:
        return timedelta(hours=self.rng.uniform(low, high))

    def _minutes(self, low: float, high: float) -> timedelta:
        return timedelta(minutes=self.rng.uniform(low, high))

    def _open_day(self, day: int) -> None:
        day_start = self.start + day * DAY
        count = max(0, round(self.rng.gauss(self.orders_per_day, self.orders_per_day / 4)))
        pool = [c for c in self.customers if c.buyer.email not in self._deleted_emails]
        if self.rng.random() < 0.15:
            registered = [c for c in pool if c.user is not None]
            if registered:
                leaving = self.rng.choice(registered)
                self._deleted_emails.add(leaving.buyer.email)
                pool.remove(leaving)
                self.at(day_start + self._hours(0, 24), lambda: self._delete(leaving))
        for _ in range(count):
            customer = self.rng.choice(pool)
            self.at(day_start + self._hours(0, 24), partial(self._place, customer))
        for hour in DESK_HOURS:
            self.at(day_start + timedelta(hours=hour), self._desk)

    # The store.

    def _place(self, customer: Customer) -> None:
        now = self._now()
        products = self.rng.sample(self.products, self.rng.choice((1, 1, 1, 2, 2, 3)))
        items = [(product, self.rng.choice((1, 1, 1, 2, 3))) for product in products]
        note = self.rng.choice(customer.kit.notes) if self.rng.random() < 0.15 else ""
        paid = self.rng.random() >= 0.12
        order = actions.place_order(customer.buyer, items, at=now, note=note, paid=paid)
        self.orders.append(order)
        self.store_events["placed"] += 1
        if note:
            self.store_events["placed with a note"] += 1
        if paid:
            self._plan_paid(order, now)
        else:
            self._plan_unpaid(order, now)

    def _plan_unpaid(self, order: Order, placed: datetime) -> None:
        if self.rng.random() < 0.75:
            message = self.rng.choice(PAYMENT_ERRORS)
            self.at(placed + self._minutes(2, 25), lambda: self._fail_payment(order, message))
        roll = self.rng.random()
        if roll < 0.6:
            self.at(placed + self._hours(20, 48), lambda: self._expire(order))
        elif roll < 0.8:
            self.at(placed + self._hours(1, 12), lambda: self._cancel(order, refund=False))

    def _plan_paid(self, order: Order, placed: datetime) -> None:
        roll = self.rng.random()
        if roll < 0.1:
            refund = self.rng.random() < 0.6
            self.at(placed + self._hours(0.5, 10), lambda: self._cancel(order, refund=refund))
        elif roll < 0.93:
            fulfilled = placed + self._hours(4, 40)
            self.at(fulfilled, lambda: self._fulfil(order))
            kinds, weights = zip(*AFTER_FULFILMENT, strict=True)
            after = self.rng.choices(kinds, weights)[0]
            if after != "nothing":
                self.at(fulfilled + self._hours(24, 6 * 24), lambda: self._after(order, after))

    def _fresh(self, order: Order) -> Order:
        order.refresh_from_db()
        return order

    def _fail_payment(self, order: Order, message: str) -> None:
        if self._fresh(order).status == OrderStatus.UNCONFIRMED:
            actions.fail_payment(order, at=self._now(), message=message)
            self.store_events["payment failed"] += 1

    def _expire(self, order: Order) -> None:
        if self._fresh(order).status == OrderStatus.UNCONFIRMED:
            actions.expire_order(order, at=self._now())
            self.store_events["expired"] += 1

    def _cancel(self, order: Order, *, refund: bool) -> None:
        if self._fresh(order).status not in (OrderStatus.UNCONFIRMED, OrderStatus.UNFULFILLED):
            return
        now = self._now()
        actions.cancel_order(order, at=now)
        self.store_events["cancelled"] += 1
        if refund and order.total_charged_amount > 0:
            self.at(now + self._minutes(1, 40), lambda: self._refund(order, full=True))

    def _fulfil(self, order: Order) -> None:
        if self._fresh(order).status == OrderStatus.UNFULFILLED:
            tracking = f"{order.language_code.upper()}{self.rng.randrange(10**8, 10**9)}"
            actions.fulfill_order(order, at=self._now(), tracking_number=tracking)
            self.store_events["fulfilled"] += 1

    def _refund(self, order: Order, *, full: bool) -> None:
        self._fresh(order)
        left = order.total_charged_amount - order.total_refunded_amount
        if left <= 0:
            return
        if full:
            amount = left
        else:
            share = Decimal(str(round(self.rng.uniform(0.1, 0.3), 2)))
            amount = min(left, max(Decimal(1), (order.total_gross_amount * share).quantize(CENT)))
        actions.refund_order(order, amount.quantize(CENT, ROUND_HALF_UP), at=self._now())
        self.store_events["full refund" if amount == left else "partial refund"] += 1

    def _after(self, order: Order, what: str) -> None:
        if self._fresh(order).status != OrderStatus.FULFILLED:
            return
        if what in ("partial_refund", "full_refund"):
            self._refund(order, full=what == "full_refund")
            return
        lines = list(OrderLine.objects.filter(order=order).order_by("product_sku"))
        if what == "replacement":
            line = self.rng.choice(lines)
            actions.return_products(order, at=self._now(), replaced=[(line, 1)])
            self.store_events["replacement"] += 1
            return
        chosen = lines if self.rng.random() < 0.3 else [self.rng.choice(lines)]
        refund = what == "return_with_refund"
        actions.return_products(
            order,
            at=self._now(),
            returned=[(line, line.quantity) for line in chosen],
            refund=refund,
        )
        self.store_events["return with refund" if refund else "return without refund"] += 1

    def _delete(self, customer: Customer) -> None:
        actions.delete_customer(customer.user)
        customer.buyer = actions.Buyer(
            email=customer.buyer.email,
            first_name=customer.buyer.first_name,
            last_name=customer.buyer.last_name,
            language_code=customer.buyer.language_code,
        )
        self.store_events["customer deleted"] += 1

    # The desk.

    def _desk(self) -> None:
        now = self._now()
        self.drain(now)
        tickets = Ticket.objects.filter(
            status__in=[*TicketStatus.ACTIVE, TicketStatus.SOLVED], updated_at__lt=now
        ).order_by("created_at", "pk")
        for ticket in tickets:
            moment = now - self._minutes(5, 90)
            if moment > ticket.updated_at:
                self._work(ticket, moment)
        if self.rng.random() < 0.3:
            self._customer_asks(now - self._minutes(5, 90))

    def drain(self, until: datetime) -> None:
        """Process every recorded event, and reconcile order history up to ``until``."""
        watermark = IntakeWatermark.objects.filter(name=HISTORY_WATERMARK).first()
        newest = max(self.end, watermark.value if watermark else self.end, until)
        desk_settings = {
            **getattr(settings, "SUPPORT_DESK", {}),
            "SWEEP_MIN_AGE_SECONDS": 0,
            "RECONCILE_SETTLE_SECONDS": 0,
            "RECONCILE_OVERLAP_SECONDS": int((newest - self.start + DAY).total_seconds()),
        }
        intake_log = logging.getLogger(reconcile.__module__)
        quiet = QuietReconciliation()
        with override_settings(SUPPORT_DESK=desk_settings):
            while sweep_inbound_events():
                pass
            intake_log.addFilter(quiet)
            try:
                reconcile(now=until)
            finally:
                intake_log.removeFilter(quiet)
            while sweep_inbound_events():
                pass

    def _agent_for(self, ticket: Ticket) -> Any:
        for agent in self.agents:
            if agent.pk == ticket.assignee_id:
                return agent
        for agent, (_, _, _, languages) in zip(self.agents, AGENTS, strict=True):
            if ticket.language_code in languages:
                return agent
        return self.agents[-1]

    def _reply(self, ticket: Ticket, agent: Any, texts: tuple[str, ...], at: datetime) -> None:
        kit = KIT_BY_CODE.get(ticket.language_code, KIT_BY_CODE["en"])
        name = "" if ticket.anonymised_at else (ticket.customer_name.split() or [""])[0]
        greeting = f"{kit.greeting} {name}".strip() + kit.comma
        body = self.rng.choice(texts).format(order=ticket.order_number or "—")
        desk.add_message(
            ticket,
            author_type=MessageAuthorType.AGENT,
            actor=Actor.user(agent.pk),
            body=f"{greeting}\n\n{body}\n\n{agent.first_name}",
            plain_text=True,
            now=at,
        )
        self.desk_work["agent replies"] += 1

    def _work(self, ticket: Ticket, at: datetime) -> None:
        roll = self.rng.random()
        agent = self._agent_for(ticket)
        actor = Actor.user(agent.pk)
        kit = KIT_BY_CODE.get(ticket.language_code, KIT_BY_CODE["en"])
        step = timedelta(seconds=40)
        if ticket.status == TicketStatus.NEW and roll < 0.55:
            ticket = desk.assign_ticket(ticket, agent.pk, actor=actor, now=at)
            self._reply(ticket, agent, kit.first_replies, at + step)
            after = self.rng.choices(
                (
                    TicketStatus.PENDING,
                    TicketStatus.SOLVED,
                    TicketStatus.OPEN,
                    TicketStatus.ON_HOLD,
                ),
                (45, 30, 15, 10),
            )[0]
            if after == TicketStatus.ON_HOLD:
                desk.add_message(
                    ticket,
                    author_type=MessageAuthorType.AGENT,
                    actor=actor,
                    body=self.rng.choice(INTERNAL_NOTES),
                    is_internal=True,
                    plain_text=True,
                    now=at + 2 * step,
                )
            self._move(ticket, after, actor, at + 3 * step)
        elif ticket.status in (TicketStatus.OPEN, TicketStatus.ON_HOLD) and roll < 0.4:
            self._reply(ticket, agent, kit.solved_replies, at)
            after = TicketStatus.SOLVED if self.rng.random() < 0.7 else TicketStatus.PENDING
            self._move(ticket, after, actor, at + step)
        elif ticket.status == TicketStatus.PENDING and roll < 0.25:
            if self._customer_writes(ticket, kit, at):
                self._move(ticket, TicketStatus.OPEN, self._customer_actor(ticket), at + step)
        elif ticket.status == TicketStatus.PENDING and roll < 0.35:
            self._move(ticket, TicketStatus.SOLVED, actor, at)
        elif ticket.status == TicketStatus.SOLVED and roll < 0.03:
            if self._customer_writes(ticket, kit, at):
                self._move(ticket, TicketStatus.OPEN, self._customer_actor(ticket), at + step)
        elif ticket.status == TicketStatus.SOLVED and roll < 0.3 and ticket.solved_at:
            if at - ticket.solved_at > 2 * DAY:
                self._move(ticket, TicketStatus.CLOSED, actor, at)

    def _move(self, ticket: Ticket, status: str, actor: Actor, at: datetime) -> None:
        desk.change_status(ticket, status, actor=actor, now=at)
        self.desk_work[f"tickets moved to {status}"] += 1
        delay = self.surveys.delay() if status == TicketStatus.SOLVED else None
        if delay is not None:
            self.at(at + delay, partial(self._answer_survey, ticket.pk))

    def _answer_survey(self, ticket_id: int) -> None:
        if self.surveys.answer(ticket_id, self._now()):
            self.desk_work["survey answers"] += 1

    def _customer_actor(self, ticket: Ticket) -> Actor:
        return Actor(user_id=ticket.customer_user_id)

    def _customer_writes(self, ticket: Ticket, kit: LanguageKit, at: datetime) -> bool:
        if ticket.anonymised_at or not ticket.customer_email:
            return False
        desk.add_message(
            ticket,
            author_type=MessageAuthorType.CUSTOMER,
            actor=self._customer_actor(ticket),
            body=self.rng.choice(kit.follow_ups),
            plain_text=True,
            now=at,
        )
        self.desk_work["customer follow-ups"] += 1
        return True

    def _customer_asks(self, at: datetime) -> None:
        """Let a customer open a ticket of their own about a recent, fulfilled order."""
        recent = list(
            Order.objects.filter(
                status=OrderStatus.FULFILLED, created_at__gte=at - 5 * DAY, created_at__lt=at
            )
            .exclude(user_email__in=self._deleted_emails)
            .order_by("number")
        )
        if not recent:
            return
        order = self.rng.choice(recent)
        snapshot = get_host().read_order(UUID(str(order.pk)))
        if snapshot is None:
            return
        kit = KIT_BY_CODE.get(order.language_code, KIT_BY_CODE["en"])
        actor = Actor(user_id=order.user_id)
        ticket = desk.open_ticket(
            subject=kit.parcel_subject,
            category=desk.category_by_slug("delivery"),
            channel=self.rng.choice((TicketChannel.WEB, TicketChannel.EMAIL)),
            actor=actor,
            customer=desk.CustomerInfo(
                user_id=order.user_id,
                email=order.user_email,
                name=snapshot.customer.full_name,
                language_code=order.language_code,
            ),
            order=desk.OrderInfo(
                order_id=UUID(snapshot.id),
                number=snapshot.number,
                channel=snapshot.channel_slug,
                snapshot=snapshot.as_json(),
            ),
            source="customer",
            now=at,
        )
        desk.add_message(
            ticket,
            author_type=MessageAuthorType.CUSTOMER,
            actor=actor,
            body=kit.parcel_body.format(order=order.number),
            plain_text=True,
            now=at,
        )
        self.desk_work["tickets opened by customers"] += 1

    def _now(self) -> datetime:
        """Return the simulated time of the step being run."""
        return self._current


def ensure_catalogue() -> list[Product]:
    """Create or update the demo catalogue; return it in SKU order."""
    for sku, name, variant, price in PRODUCTS:
        Product.objects.update_or_create(
            sku=sku, defaults={"name": name, "variant_name": variant, "price": Decimal(price)}
        )
    return list(Product.objects.filter(sku__in=[p[0] for p in PRODUCTS]).order_by("sku"))


def ensure_customers() -> list[Customer]:
    """Return the demo customers: three in four have an account, the others buy as guests."""
    user_model = get_user_model()
    customers = []
    for kit in KITS:
        for index, person in enumerate(kit.people):
            email = f"{person.login}@{E_MAIL_DOMAINS[index % len(E_MAIL_DOMAINS)]}"
            user = None
            if index % 4 != 3:
                user, created = user_model.objects.get_or_create(
                    username=person.login,
                    defaults={
                        "email": email,
                        "first_name": person.first_name,
                        "last_name": person.last_name,
                    },
                )
                if created:
                    user.set_unusable_password()
                    user.save(update_fields=["password"])
            buyer = actions.Buyer(
                email=email,
                first_name=person.first_name,
                last_name=person.last_name,
                language_code=kit.code,
                user=user,
            )
            customers.append(Customer(kit=kit, buyer=buyer))
    return customers


def ensure_agents() -> list[Any]:
    """Create the staff users ``agent1..3`` (password ``AGENT_PASSWORD``) who work the desk."""
    user_model = get_user_model()
    permissions = list(
        Permission.objects.filter(content_type__app_label="saleor_support_plugin")
    ) + list(
        Permission.objects.filter(content_type__app_label="store", codename__startswith="view_")
    )
    agents = []
    for username, first_name, last_name, _ in AGENTS:
        agent, created = user_model.objects.get_or_create(
            username=username,
            defaults={
                "email": f"{username}@example.com",
                "first_name": first_name,
                "last_name": last_name,
                "is_staff": True,
            },
        )
        if created:
            agent.set_password(AGENT_PASSWORD)
            agent.save(update_fields=["password"])
            agent.user_permissions.set(permissions)
        agents.append(agent)
    return agents


def _count_by_status(queryset: Any) -> Counter[str]:
    rows = queryset.order_by().values_list("status").annotate(n=Count("pk"))
    return Counter(dict(rows.values_list("status", "n")))


def _listing(counts: dict[str, int]) -> str:
    return ", ".join(f"{name} {count}" for name, count in counts.items() if count) or "none"


def summary(simulation: Simulation, seed: int | None) -> list[str]:
    """Return the lines that describe what a simulation did and where the desk stands."""
    orders = _count_by_status(Order.objects.filter(pk__in=[o.pk for o in simulation.orders]))
    inbound = _count_by_status(InboundEvent.objects.all())
    tickets = _count_by_status(Ticket.objects.all())
    active = {
        label.lower(): tickets[s] for s, label in TicketStatus.CHOICES if s in TicketStatus.ACTIVE
    }
    span = f"{simulation.start:%Y-%m-%d %H:%M} to {simulation.end:%Y-%m-%d %H:%M} UTC"
    seeded = f" with seed {seed}" if seed is not None else ""
    return [
        f"Simulated {simulation.days} days ({span}){seeded}.",
        f"Orders: {len(simulation.orders)} placed; now {_listing(orders)}.",
        f"Store events: {_listing(simulation.store_events)}.",
        f"Desk work: {_listing(simulation.desk_work)}.",
        "Inbound events: "
        + _listing({label.lower(): inbound[s] for s, label in InboundEventStatus.CHOICES})
        + ".",
        f"Tickets: {tickets.total()} in all; {sum(active.values())} open ({_listing(active)}),"
        f" {tickets[TicketStatus.SOLVED]} solved, {tickets[TicketStatus.CLOSED]} closed.",
    ]


class Command(BaseCommand):
    help = (
        "Simulate days of demo-store traffic ending now (orders, notes, payment failures,"
        " cancellations, expiries, fulfilments, returns, replacements, refunds, account"
        " deletions) through the store's actions, process every event the desk's hooks"
        " recorded, and let agents and customers work on the tickets."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--days", type=int, default=DEFAULT_DAYS, help="Days of traffic, ending now."
        )
        parser.add_argument(
            "--orders-per-day",
            type=int,
            default=DEFAULT_ORDERS_PER_DAY,
            help="Average number of orders placed per day.",
        )
        parser.add_argument(
            "--seed",
            type=int,
            default=None,
            help="Seed of the random choices, for repeatable runs.",
        )
        parser.add_argument(
            "--quiet", action="store_true", help="Print neither the progress bar nor the summary."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        """Run the simulation and print its summary."""
        if options["days"] < 1:
            raise CommandError("--days must be at least 1.")
        if options["orders_per_day"] < 0:
            raise CommandError("--orders-per-day cannot be negative.")
        quiet = options["quiet"]
        simulation = Simulation(
            rng=random.Random(options["seed"]),  # noqa: S311  # demo data, not security
            days=options["days"],
            orders_per_day=options["orders_per_day"],
            end=timezone.now(),
            progress=ProgressBar(self.stderr, enabled=not quiet),
            survey_rng=random.Random(f"surveys:{options['seed']}")  # noqa: S311  # demo data
            if options["seed"] is not None
            else None,
        )
        create_starter_macros()
        create_starter_teams(
            [
                StarterAgent(agent.pk, role, tier, languages)
                for agent, (_, _, _, languages), (role, tier) in zip(
                    simulation.agents, AGENTS, AGENT_ROLES, strict=True
                )
            ]
        )
        simulation.run()
        if not quiet:
            for line in summary(simulation, options["seed"]):
                self.stdout.write(line)
