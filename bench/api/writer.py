"""Tickets as the desk's actions would have left them, written by the thousand."""

import hashlib
import random
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from .config import (
    CHUNK,
    HISTORY_DAYS,
    LONG_THREAD_NOTES,
    LONG_THREAD_PUBLIC,
    LONG_THREADS,
)
from .copying import CopyTable, copying_in_background, next_id
from .people import (
    CHANNELS,
    COURIERS,
    MESSAGES_PER_TICKET,
    MOODS,
    NOTES,
    PRIORITIES,
    SIZES,
    STATUS_BY_AGE,
    SURVEY_COMMENTS,
    SURVEY_SHARE,
    TAGS,
    Language,
    Product,
    ascii_name,
    pick,
    pick_language,
)


@dataclass(frozen=True)
class Customer:
    user_id: int | None
    email: str
    first_name: str
    last_name: str
    language: Language

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}"


@dataclass(frozen=True)
class Staff:
    teams: list[int]
    """L1, L2, L3."""
    members: dict[int, list[int]]
    """Team id -> user ids of its members."""


class DeskWriter:
    """Writes tickets the way the desk's actions would have left them, by the thousand."""

    def __init__(
        self,
        rng: random.Random,
        *,
        tickets: int,
        customers: list[Customer],
        staff: Staff,
        categories: dict[str, int],
        products: list[Product],
        now: datetime,
    ) -> None:
        from saleor_support_plugin.surveys.models import SurveyAnswer
        from saleor_support_plugin.tickets.models import (
            Ticket,
            TicketAccessToken,
            TicketEvent,
            TicketMessage,
        )

        self.rng = rng
        self.count = tickets
        self.customers = customers
        self.heavy = customers[: max(LONG_THREADS, len(customers) // 100)]
        self.staff = staff
        self.categories = categories
        self.products = products
        self.now = now
        self.start = now - timedelta(days=HISTORY_DAYS)
        self.tickets = CopyTable(Ticket)
        self.messages = CopyTable(TicketMessage)
        self.events = CopyTable(TicketEvent)
        self.tokens = CopyTable(TicketAccessToken)
        self.answers = CopyTable(SurveyAnswer)
        self.message_id = next_id(TicketMessage)
        self.event_id = next_id(TicketEvent)
        self.token_id = next_id(TicketAccessToken)
        self.answer_id = next_id(SurveyAnswer)
        self.first_ticket_id = next_id(Ticket)
        long_every = max(1, tickets // LONG_THREADS)
        self.long_threads = {
            self.first_ticket_id + tickets - 1 - n * long_every
            for n in range(min(LONG_THREADS, tickets))
        }
        """The newest ticket of each stretch: recent enough to be active."""

    def write(self, progress: Callable[[int], None]) -> None:
        with copying_in_background() as submit:
            for index in range(self.count):
                self._ticket(self.first_ticket_id + index, index)
                if (index + 1) % CHUNK == 0 or index + 1 == self.count:
                    submit([self.tickets, self.messages, self.events, self.tokens, self.answers])
                    progress(index + 1)

    def _text(self, template: str, **values: Any) -> str:
        return template.format(**values)

    def _order_snapshot(
        self, order_id: uuid.UUID, number: str, customer: Customer, at: datetime
    ) -> tuple[dict[str, Any], list[Product]]:
        from saleor_support_plugin.host.snapshot import (
            CustomerSnapshot,
            OrderLineSnapshot,
            OrderSnapshot,
        )

        rng = self.rng
        products = [rng.choice(self.products) for _ in range(rng.choice((1, 1, 1, 2, 2, 3)))]
        lines = []
        total = 0.0
        for product in products:
            quantity = rng.choice((1, 1, 1, 2))
            total += product.price * quantity
            lines.append(
                OrderLineSnapshot(
                    id=str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                    product_name=product.name,
                    variant_name=rng.choice(SIZES),
                    sku=product.sku,
                    quantity=quantity,
                    quantity_fulfilled=quantity,
                    unit_price_gross=f"{product.price:.2f}",
                    total_price_gross=f"{product.price * quantity:.2f}",
                )
            )
        snapshot = OrderSnapshot(
            id=str(order_id),
            number=number,
            status=rng.choice(("fulfilled", "fulfilled", "unfulfilled", "canceled")),
            origin="checkout",
            original_id=None,
            channel_slug=customer.language.order_channel,
            currency=customer.language.currency,
            total_gross=f"{total:.2f}",
            total_charged=f"{total:.2f}",
            total_refunded="0.00",
            charge_status="full",
            customer=CustomerSnapshot(
                user_id=customer.user_id,
                email=customer.email,
                first_name=customer.first_name,
                last_name=customer.last_name,
                language_code=customer.language.code,
            ),
            customer_note="",
            created_at=at - timedelta(days=rng.uniform(0.5, 10)),
            lines=lines,
        )
        return snapshot.as_json(), products

    def _customer(self, index: int, long_thread: bool) -> Customer:
        rng = self.rng
        if long_thread or rng.random() < 0.6:
            pool = self.heavy if long_thread or rng.random() < 0.1 else self.customers
            return rng.choice(pool)
        language = pick_language(rng)
        first, last = rng.choice(language.first_names), rng.choice(language.last_names)
        email = (
            f"{ascii_name(first, language)}.{ascii_name(last, language)}.g{index}@{language.domain}"
        ).replace(" ", "")
        return Customer(None, email, first, last, language)

    def _survey(
        self,
        ticket_id: int,
        customer: Customer,
        at: datetime,
        agent: int,
        category: str,
        channel: str,
    ) -> list[dict[str, Any]]:
        """Write the customer's survey answers; return them as the timeline entry lists them."""
        from saleor_support_plugin.surveys import SurveyQuestion
        from saleor_support_plugin.tickets.sanitize import text_to_html

        rng = self.rng
        mood = rng.choices(list(MOODS), weights=[share for share, *_ in MOODS.values()])[0]
        _share, csat, nps = MOODS[mood]
        questions = [SurveyQuestion.CSAT_AGENT]
        if rng.random() < 0.8:
            questions.append(SurveyQuestion.CSAT_RESOLUTION)
        if rng.random() < 0.6:
            questions.append(SurveyQuestion.NPS)
        answers = []
        for question in questions:
            score = rng.choice(nps if question == SurveyQuestion.NPS else csat)
            comment = ""
            if question == SurveyQuestion.CSAT_AGENT and rng.random() < 0.25:
                comment = rng.choice(SURVEY_COMMENTS[customer.language.code][mood])
            self.answers.add(
                {
                    "id": self.answer_id,
                    "ticket_id": ticket_id,
                    "question": question,
                    "score": score,
                    "comment_raw": comment,
                    "comment": text_to_html(comment) if comment else "",
                    "agent_id": agent,
                    "category_id": self.categories[category],
                    "channel": channel,
                    "created_at": at,
                }
            )
            answers.append({"id": self.answer_id, "question": question, "score": score})
            self.answer_id += 1
        return answers

    def _ticket(self, ticket_id: int, index: int) -> None:
        from saleor_support_plugin.search.documents import (
            message_search_text,
            ticket_search_text,
        )
        from saleor_support_plugin.tickets.sanitize import clean_html, text_to_html

        rng = self.rng
        long_thread = ticket_id in self.long_threads
        created = self.start + timedelta(days=HISTORY_DAYS * (index + rng.random()) / self.count)
        created = min(created, self.now - timedelta(minutes=30))
        age_days = (self.now - created).total_seconds() / 86400
        status = pick(rng, next(w for days, w in STATUS_BY_AGE if age_days < days))
        if long_thread:
            status = "open"
        customer = self._customer(index, long_thread)
        language = customer.language
        channel = "web" if long_thread else pick(rng, CHANNELS)
        has_order = channel == "system" or rng.random() < {"web": 0.6, "email": 0.5}.get(
            channel, 0.3
        )
        order_id = order_number = snapshot = None
        product = rng.choice(self.products)
        if has_order:
            order_id = uuid.UUID(int=rng.getrandbits(128), version=4)
            order_number = str(20000 + index)
            snapshot, products = self._order_snapshot(order_id, order_number, customer, created)
            product = products[0]
        values = {
            "number": order_number or str(rng.randint(20000, 20000 + self.count)),
            "product": product.name,
            "days": rng.randint(2, 21),
            "courier": rng.choice(COURIERS),
            "size": rng.choice(SIZES),
            "name": customer.first_name,
        }
        priority = pick(rng, PRIORITIES)
        kind = ""
        if channel == "system":
            kind, category, priority, subject, first_text = rng.choice(language.store_events)
        elif has_order:
            category, subject, first_text = rng.choice(language.openings)
        else:
            category, subject, first_text = rng.choice(language.openings_without_order)
        subject = self._text(subject, **values)
        first_text = self._text(first_text, **values)
        team_index = 1 if category == "payment" else (2 if rng.random() < 0.05 else 0)
        team_id = self.staff.teams[team_index]
        assignee = None
        if status != "new" or rng.random() < 0.3:
            if status == "new" or rng.random() < 0.97:
                assignee = rng.choice(self.staff.members[team_id])
        if status == "new":
            count = rng.choice((1, 1, 1, 2))
        elif long_thread:
            count = LONG_THREAD_PUBLIC + LONG_THREAD_NOTES
        else:
            count = pick(rng, MESSAGES_PER_TICKET)
        roles = ["system" if channel == "system" else "customer"]
        turn = "customer" if status == "new" else "agent"
        notes_left = LONG_THREAD_NOTES if long_thread else count
        while len(roles) < count:
            if turn == "agent" and notes_left and rng.random() < 0.2:
                roles.append("note")
                notes_left -= 1
                continue
            roles.append(turn)
            if status != "new":
                turn = "customer" if turn == "agent" else "agent"
        if long_thread:
            while roles.count("note") < LONG_THREAD_NOTES:
                roles.insert(rng.randrange(1, len(roles)), "note")
            public = [i for i, role in enumerate(roles) if role != "note"]
            for extra in public[LONG_THREAD_PUBLIC:]:
                roles[extra] = "note"
        if status == "pending" and roles[-1] != "agent":
            roles.append("agent")
        events: list[tuple[datetime, str, dict[str, Any], int | None, str | None]] = []
        opened_by = customer.user_id if channel == "web" else None
        source = kind or ("customer" if channel == "web" else channel)
        events.append((created, "opened", {"channel": channel, "source": source}, opened_by, None))
        if kind:
            events.append(
                (
                    created,
                    "store_event",
                    {"kind": kind, "order_number": order_number},
                    None,
                    f"bench:{kind}:{order_id}",
                )
            )
        events.append(
            (created, "team_changed", {"old_team_id": None, "new_team_id": team_id}, None, None)
        )
        at = created
        first_response_at = None
        current = "new"
        agent = assignee or rng.choice(self.staff.members[team_id])
        if assignee is not None:
            assigned_at = created + timedelta(minutes=rng.expovariate(1 / 90))
            events.append(
                (
                    min(assigned_at, self.now),
                    "assigned",
                    {"old_assignee_id": None, "new_assignee_id": assignee},
                    assignee if rng.random() < 0.5 else None,
                    None,
                )
            )
        for position, role in enumerate(roles):
            if position:
                mean_minutes = {"agent": 360, "customer": 720, "note": 30, "system": 5}[role]
                at = min(at + timedelta(minutes=rng.expovariate(1 / mean_minutes)), self.now)
            if role == "customer":
                text = first_text if position == 0 else rng.choice(language.follow_ups)
                raw = self._text(text, **values)
                body = text_to_html(raw)
                author_type, author, internal = "customer", customer.user_id, False
            elif role == "system":
                raw = first_text
                body = text_to_html(raw)
                author_type, author, internal = "system", None, False
            else:
                internal = role == "note"
                template = rng.choice(NOTES if internal else language.replies)
                raw = self._text(template, **values)
                body = clean_html(raw)
                author_type, author = "agent", agent
                if not internal and current == "new":
                    events.append(
                        (at, "status_changed", {"old": "new", "new": "open"}, agent, None)
                    )
                    current = "open"
                if not internal and first_response_at is None:
                    first_response_at = at
            message_id = self.message_id
            self.message_id += 1
            self.messages.add(
                {
                    "id": message_id,
                    "ticket_id": ticket_id,
                    "author_type": author_type,
                    "author_user_id": author,
                    "is_internal": internal,
                    "body_raw": raw,
                    "body": body,
                    "created_at": at,
                    "search_text": message_search_text(body),
                }
            )
            kind_of_event = "note_added" if internal else "message_added"
            events.append((at, kind_of_event, {"message_id": message_id}, author, None))
        solved_at = closed_at = None
        if status != current:
            path = {
                "open": ["open"],
                "pending": ["open", "pending"],
                "on_hold": ["open", "on_hold"],
                "solved": ["open", "solved"] if current == "new" else ["solved"],
                "closed": (["open", "solved"] if current == "new" else ["solved"]) + ["closed"],
            }[status]
            for step in path:
                if step == current:
                    continue
                gap = timedelta(days=rng.uniform(3, 7)) if step == "closed" else timedelta(0)
                at = min(at + gap + timedelta(minutes=rng.uniform(1, 60)), self.now)
                events.append((at, "status_changed", {"old": current, "new": step}, agent, None))
                current = step
                if step == "solved":
                    solved_at = at
                if step == "closed":
                    closed_at = at
        if solved_at is not None and rng.random() < SURVEY_SHARE:
            answered_at = min(solved_at + timedelta(hours=rng.expovariate(1 / 30)), self.now)
            answers = self._survey(ticket_id, customer, answered_at, agent, category, channel)
            events.append(
                (answered_at, "survey_answered", {"answers": answers}, customer.user_id, None)
            )
        for event_at, event_type, parameters, user_id, dedupe_key in sorted(
            events, key=lambda e: e[0]
        ):
            self.events.add(
                {
                    "id": self.event_id,
                    "ticket_id": ticket_id,
                    "type": event_type,
                    "parameters": parameters,
                    "user_id": user_id,
                    "dedupe_key": dedupe_key,
                    "created_at": event_at,
                }
            )
            self.event_id += 1
        tags = rng.sample(TAGS, rng.choice((0, 0, 0, 0, 0, 0, 1, 1, 1, 2, 2, 3)))
        active = status in ("new", "open", "pending", "on_hold")
        self.tickets.add(
            {
                "id": ticket_id,
                "number": ticket_id,
                "subject": subject,
                "status": status,
                "priority": priority,
                "category_id": self.categories[category],
                "channel": channel,
                "tier": team_index + 1,
                "tags": tags,
                "customer_user_id": customer.user_id,
                "customer_account_id": customer.user_id,
                "customer_email": customer.email,
                "customer_name": customer.name,
                "language_code": language.code,
                "order_id": order_id,
                "order_number": order_number or "",
                "order_channel": language.order_channel if has_order else "",
                "order_snapshot": snapshot,
                "thread_key": f"order:{order_id}" if kind and active else None,
                "assignee_id": assignee,
                "version": len(events),
                "team_id": team_id,
                "created_at": created,
                "updated_at": at,
                "first_response_at": first_response_at,
                "solved_at": solved_at,
                "closed_at": closed_at,
                "search_text": ticket_search_text(
                    subject=subject,
                    order_number=order_number or "",
                    order_snapshot=snapshot,
                    customer_email=customer.email,
                    customer_name=customer.name,
                ),
            }
        )
        if customer.user_id is None and channel in ("web", "email"):
            token = hashlib.sha256(rng.getrandbits(256).to_bytes(32, "big")).hexdigest()
            self.tokens.add(
                {
                    "id": self.token_id,
                    "ticket_id": ticket_id,
                    "token_hash": token,
                    "created_at": created,
                }
            )
            self.token_id += 1
