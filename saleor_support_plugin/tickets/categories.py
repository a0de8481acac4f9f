"""The merchant's ticket categories: create, rename, deactivate, reorder, delete.

A deactivated category stays on its tickets but takes no new ones: opening a ticket, moving
one and macros ask for an active category (``actions.category_by_slug``), and store events
whose intake rule names an inactive or deleted category open their ticket in ``other``
(``intake.threads``). The desk's own categories (``DESK_CATEGORIES``) can be renamed and
moved, never deactivated or deleted. Slugs never change: routing rules, SLA filters, intake
rules and storefronts name categories by slug.
"""

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from django.db import IntegrityError, transaction
from django.db.models import ForeignObjectRel, Max, ProtectedError
from django.utils import timezone

from .category_error_codes import CategoryError, CategoryErrorCode
from .customer import DEFAULT_CATEGORY
from .models import Ticket, TicketCategory

MAX_SLUG_LENGTH = 64
MAX_NAME_LENGTH = 128
MAX_CATEGORIES = 500
"""Most categories a desk keeps (and one list returns)."""
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

RETURN_CATEGORY = "return"
DESK_CATEGORIES = frozenset({DEFAULT_CATEGORY, RETURN_CATEGORY})
"""Categories the desk files tickets in by itself: ``other`` (customer tickets without a
category, and intake's fallback) and ``return`` (return requests)."""


@dataclass(frozen=True)
class CategoryValues:
    """A change to a category; fields left ``None`` stay as they are."""

    name: str | None = None
    is_active: bool | None = None


def clean_slug(slug: str) -> str:
    """Return ``slug`` trimmed and lower-cased; raise unless it is a slug of 64 at most."""
    slug = slug.strip().lower()
    if not slug:
        raise CategoryError(CategoryErrorCode.REQUIRED, "A slug is required.", field="slug")
    if len(slug) > MAX_SLUG_LENGTH:
        raise CategoryError(
            CategoryErrorCode.TOO_LONG,
            f"A slug can have at most {MAX_SLUG_LENGTH} characters.",
            field="slug",
        )
    if not SLUG.match(slug):
        raise CategoryError(
            CategoryErrorCode.INVALID,
            "A slug is made of lower-case letters, digits and single dashes (e.g. `gift-cards`).",
            field="slug",
        )
    return slug


def clean_name(name: str) -> str:
    """Return ``name`` on one line, without control characters; raise when empty or too long."""
    name = "".join(c for c in " ".join(name.split()) if unicodedata.category(c) not in {"Cc", "Cs"})
    name = name.strip()
    if not name:
        raise CategoryError(CategoryErrorCode.REQUIRED, "A name is required.", field="name")
    if len(name) > MAX_NAME_LENGTH:
        raise CategoryError(
            CategoryErrorCode.TOO_LONG,
            f"A name can have at most {MAX_NAME_LENGTH} characters.",
            field="name",
        )
    return name


def _locked(category: TicketCategory) -> TicketCategory:
    locked = TicketCategory.objects.select_for_update(of=("self",)).filter(pk=category.pk).first()
    if locked is None:
        raise CategoryError(CategoryErrorCode.NOT_FOUND, "Category not found.", field="id")
    return locked


def _check_not_protected(category: TicketCategory, *, field: str, doing: str) -> None:
    if category.slug in DESK_CATEGORIES:
        raise CategoryError(
            CategoryErrorCode.PROTECTED,
            f"The desk files tickets in '{category.slug}' by itself: it cannot be {doing}.",
            field=field,
        )


@transaction.atomic
def create_category(*, slug: str, name: str, now: datetime | None = None) -> TicketCategory:
    """Add an active category after the others; its slug is final."""
    slug = clean_slug(slug)
    name = clean_name(name)
    if TicketCategory.objects.filter(slug=slug).exists():
        raise CategoryError(
            CategoryErrorCode.DUPLICATE, f"A category '{slug}' already exists.", field="slug"
        )
    if TicketCategory.objects.count() >= MAX_CATEGORIES:
        raise CategoryError(
            CategoryErrorCode.INVALID, f"A desk has at most {MAX_CATEGORIES} categories."
        )
    last = TicketCategory.objects.aggregate(last=Max("position"))["last"]
    category = TicketCategory(
        slug=slug,
        name=name,
        position=0 if last is None else last + 1,
        is_active=True,
        created_at=now or timezone.now(),
    )
    try:
        with transaction.atomic():
            category.save(force_insert=True)
    except IntegrityError as exc:  # another request created the slug meanwhile
        raise CategoryError(
            CategoryErrorCode.DUPLICATE, f"A category '{slug}' already exists.", field="slug"
        ) from exc
    return category


@transaction.atomic
def update_category(category: TicketCategory, values: CategoryValues) -> TicketCategory:
    """Rename, deactivate or reactivate a category; its tickets keep it either way."""
    locked = _locked(category)
    changed: list[str] = []
    if values.name is not None:
        locked.name = clean_name(values.name)
        changed.append("name")
    if values.is_active is not None and values.is_active != locked.is_active:
        if not values.is_active:
            _check_not_protected(locked, field="isActive", doing="deactivated")
        locked.is_active = values.is_active
        changed.append("is_active")
    if changed:
        locked.save(update_fields=changed)
    return locked


@transaction.atomic
def reorder_categories(category_ids: Sequence[int]) -> list[TicketCategory]:
    """Put every category in the order of ``category_ids`` (positions 0, 1, ...).

    ``category_ids`` names each category exactly once, inactive ones included.
    """
    categories = {
        c.pk: c for c in TicketCategory.objects.select_for_update(of=("self",)).order_by("pk")
    }
    if len(category_ids) != len(set(category_ids)) or set(category_ids) != set(categories):
        raise CategoryError(
            CategoryErrorCode.INVALID,
            "List every category exactly once, inactive ones included.",
            field="ids",
        )
    ordered = [categories[pk] for pk in category_ids]
    for position, category in enumerate(ordered):
        category.position = position
    TicketCategory.objects.bulk_update(ordered, ["position"])
    return ordered


def _in_use_elsewhere(category: TicketCategory) -> bool:
    """Whether any other row (a macro, an SLA policy's category list...) refers to it.

    Many-to-many lists are found through the foreign key of their link table.
    """
    for relation in TicketCategory._meta.get_fields(include_hidden=True):
        if not isinstance(relation, ForeignObjectRel) or relation.many_to_many:
            continue
        model = relation.related_model
        if model is Ticket or model is None or isinstance(model, str):
            continue
        column = relation.field.name
        if model._default_manager.filter(**{column: category.pk}).exists():
            return True
    return False


@transaction.atomic
def delete_category(category: TicketCategory) -> None:
    """Delete a category nothing uses; one with tickets can only be deactivated."""
    locked = _locked(category)
    _check_not_protected(locked, field="id", doing="deleted")
    if Ticket.objects.filter(category=locked).exists():
        raise CategoryError(
            CategoryErrorCode.IN_USE,
            "Tickets are filed under this category; deactivate it instead.",
            field="id",
        )
    if _in_use_elsewhere(locked):
        raise CategoryError(
            CategoryErrorCode.IN_USE,
            "Macros, SLA policies or survey answers refer to this category; take it out of the"
            " macros and policies, or deactivate it.",
            field="id",
        )
    try:
        with transaction.atomic():
            TicketCategory.objects.filter(pk=locked.pk).delete()
    except ProtectedError as exc:  # a reference the checks above do not know of
        raise CategoryError(
            CategoryErrorCode.IN_USE, "The category is in use; deactivate it instead.", field="id"
        ) from exc
