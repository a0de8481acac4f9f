"""Tickets: the conversation with a customer about one problem."""


class TicketStatus:
    NEW = "new"  # opened, nobody has looked at it yet
    OPEN = "open"  # an agent is working on it
    PENDING = "pending"  # waiting for the customer's answer
    ON_HOLD = "on_hold"  # waiting for a third party (carrier, warehouse, supplier)
    SOLVED = "solved"  # answered; reopens if the customer writes back
    CLOSED = "closed"  # final; a follow-up needs a new ticket

    CHOICES = [
        (NEW, "New"),
        (OPEN, "Open"),
        (PENDING, "Pending"),
        (ON_HOLD, "On hold"),
        (SOLVED, "Solved"),
        (CLOSED, "Closed"),
    ]

    ACTIVE = frozenset({NEW, OPEN, PENDING, ON_HOLD})
    """Statuses in which a ticket still needs work."""

    TRANSITIONS: dict[str, frozenset[str]] = {
        NEW: frozenset({OPEN, PENDING, ON_HOLD, SOLVED}),
        OPEN: frozenset({PENDING, ON_HOLD, SOLVED}),
        PENDING: frozenset({OPEN, ON_HOLD, SOLVED}),
        ON_HOLD: frozenset({OPEN, PENDING, SOLVED}),
        SOLVED: frozenset({OPEN, CLOSED}),
        CLOSED: frozenset(),
    }
    """Allowed moves from each status; anything else is refused."""


class TicketPriority:
    LOW = "low"  # can wait for the usual queue
    NORMAL = "normal"  # the default
    HIGH = "high"  # money or a delivery at stake
    URGENT = "urgent"  # act now

    CHOICES = [(LOW, "Low"), (NORMAL, "Normal"), (HIGH, "High"), (URGENT, "Urgent")]
    RANK = {LOW: 0, NORMAL: 1, HIGH: 2, URGENT: 3}
    """Order of urgency, for comparisons and sorting."""


class TicketChannel:
    WEB = "web"  # storefront form or API
    EMAIL = "email"  # inbound e-mail
    CHAT = "chat"  # live chat
    PHONE = "phone"  # logged phone call
    SOCIAL = "social"  # social network message
    SYSTEM = "system"  # opened by the desk itself from a store event

    CHOICES = [
        (WEB, "Web"),
        (EMAIL, "E-mail"),
        (CHAT, "Chat"),
        (PHONE, "Phone"),
        (SOCIAL, "Social"),
        (SYSTEM, "Store event"),
    ]


class TicketTier:
    L1 = 1  # general questions
    L2 = 2  # technical problems
    L3 = 3  # advanced cases, specialists

    CHOICES = [(L1, "L1"), (L2, "L2"), (L3, "L3")]


class MessageAuthorType:
    CUSTOMER = "customer"  # the customer, signed in or by e-mail
    AGENT = "agent"  # a staff member
    SYSTEM = "system"  # the desk (store events, acknowledgements)

    CHOICES = [(CUSTOMER, "Customer"), (AGENT, "Agent"), (SYSTEM, "System")]


class TicketEventType:
    OPENED = "opened"  # the ticket was opened
    MESSAGE_ADDED = "message_added"  # a public message was added
    NOTE_ADDED = "note_added"  # an internal note was added
    STATUS_CHANGED = "status_changed"  # status moved
    PRIORITY_CHANGED = "priority_changed"  # priority changed
    CATEGORY_CHANGED = "category_changed"  # category changed
    TAGS_CHANGED = "tags_changed"  # tags replaced
    ASSIGNED = "assigned"  # assignee set or cleared
    STORE_EVENT = "store_event"  # a store event landed on the ticket
    CUSTOMER_ANONYMISED = "customer_anonymised"  # the customer's data was erased
    ACCESS_REVOKED = "access_revoked"  # guest access tokens were revoked
    RETURN_REQUESTED = "return_requested"  # the customer asked to return items
    RETURN_DECIDED = "return_decided"  # an agent approved or rejected a return request
    TEAM_CHANGED = "team_changed"  # the ticket moved to another team (routing or by hand)
    ESCALATED = "escalated"  # moved up a tier, with a reason (an internal note)
    DE_ESCALATED = "de_escalated"  # moved down a tier, with a reason (an internal note)
    MERGED = "merged"  # another ticket was merged into this one
    MERGED_INTO = "merged_into"  # this ticket was merged into another and closed
    SPLIT = "split"  # a message moved out of this ticket into a new one
    SPLIT_FROM = "split_from"  # opened from a message split out of another ticket
    SLA_POLICY_APPLIED = "sla_policy_applied"  # an SLA policy (or none) now sets the targets
    SLA_WARNING = "sla_warning"  # an SLA clock passed its warning threshold
    SLA_BREACHED = "sla_breached"  # an SLA clock passed its due time
    SLA_LEAD_NOTIFIED = "sla_lead_notified"  # a breach was put before a team lead
    SLA_ACTION_FAILED = "sla_action_failed"  # a breach action could not be carried out
    SUBJECT_CHANGED = "subject_changed"  # an agent rewrote the subject
    SURVEY_ANSWERED = "survey_answered"  # the customer answered the satisfaction survey

    CHOICES = [
        (OPENED, "Opened"),
        (MESSAGE_ADDED, "Message added"),
        (NOTE_ADDED, "Internal note added"),
        (STATUS_CHANGED, "Status changed"),
        (PRIORITY_CHANGED, "Priority changed"),
        (CATEGORY_CHANGED, "Category changed"),
        (TAGS_CHANGED, "Tags changed"),
        (ASSIGNED, "Assigned"),
        (STORE_EVENT, "Store event"),
        (CUSTOMER_ANONYMISED, "Customer anonymised"),
        (ACCESS_REVOKED, "Guest access revoked"),
        (RETURN_REQUESTED, "Return requested"),
        (RETURN_DECIDED, "Return decided"),
        (TEAM_CHANGED, "Team changed"),
        (ESCALATED, "Escalated"),
        (DE_ESCALATED, "De-escalated"),
        (MERGED, "Ticket merged in"),
        (MERGED_INTO, "Merged into another ticket"),
        (SPLIT, "Message split out"),
        (SPLIT_FROM, "Split from another ticket"),
        (SLA_POLICY_APPLIED, "SLA policy applied"),
        (SLA_WARNING, "SLA warning"),
        (SLA_BREACHED, "SLA breached"),
        (SLA_LEAD_NOTIFIED, "Team lead notified of an SLA breach"),
        (SLA_ACTION_FAILED, "SLA breach action failed"),
        (SUBJECT_CHANGED, "Subject changed"),
        (SURVEY_ANSWERED, "Survey answered"),
    ]


DEFAULT_CATEGORIES = [
    ("order", "Order"),
    ("cancellation", "Cancellation"),
    ("return", "Return"),
    ("refund", "Refund"),
    ("delivery", "Delivery"),
    ("payment", "Payment"),
    ("product-question", "Product question"),
    ("account", "Account"),
    ("complaint", "Complaint"),
    ("other", "Other"),
]
"""Categories every store starts with (slug, name); merchants edit them."""
