"""The base of every mutation: permissions, then the action, with typed errors in the payload."""

from typing import Any

import graphene
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from graphene.types.mutation import MutationOptions

from ...host.requestor import DeskPermission, Requestor
from ...tickets.actors import Actor
from ...tickets.error_codes import TicketError
from .context import RequestContext
from .permissions import permissions_description, require_permissions


class SupportMutationOptions(MutationOptions):
    permissions: tuple[DeskPermission, ...] = ()
    error_type_class: Any = None


class BaseMutation(graphene.Mutation):
    """Check ``Meta.permissions``, run ``perform_mutation`` in a transaction, report errors.

    A ``TicketError`` rolls the whole mutation back and comes back in ``errors`` with its
    field, message and code; a missing permission is a top-level ``PERMISSION_DENIED`` error.
    """

    domain_errors: tuple[type[Exception], ...] = (TicketError,)
    """The domain's errors reported in ``errors`` (each has ``field``, ``message``, ``code``)."""

    class Meta:
        abstract = True

    @classmethod
    def __init_subclass_with_meta__(
        cls,
        *,
        description: str | None = None,
        permissions: tuple[DeskPermission, ...] | None = None,
        error_type_class: Any = None,
        _meta: Any = None,
        **options: Any,
    ) -> None:
        if not description:
            raise ImproperlyConfigured(f"{cls.__name__}: Meta.description is required.")
        if permissions is None:
            raise ImproperlyConfigured(f"{cls.__name__}: Meta.permissions is required.")
        if error_type_class is None:
            raise ImproperlyConfigured(f"{cls.__name__}: Meta.error_type_class is required.")
        if permissions:
            description = permissions_description(description, permissions)
        _meta = _meta or SupportMutationOptions(cls)
        _meta.permissions = permissions
        _meta.error_type_class = error_type_class
        super().__init_subclass_with_meta__(description=description, _meta=_meta, **options)
        cls._meta.fields["errors"] = graphene.Field(
            graphene.NonNull(graphene.List(graphene.NonNull(error_type_class))),
            description="Why the mutation changed nothing; empty when it succeeded.",
        )

    @classmethod
    def mutate(cls, root: Any, info: Any, **data: Any) -> Any:
        context: RequestContext = info.context
        require_permissions(context.requestor, cls._meta.permissions)
        cls.check_requestor(context.requestor)
        try:
            with transaction.atomic():
                return cls.perform_mutation(info, **data)
        except cls.domain_errors as exc:
            return cls(errors=cls.errors_from(exc))

    @classmethod
    def check_requestor(cls, requestor: Requestor) -> None:
        """Refuse a requestor ``Meta.permissions`` lets through (a top-level error); none here."""

    @classmethod
    def errors_from(cls, exc: Any) -> list[Any]:
        """Return the payload's errors for a domain error."""
        error_type = cls._meta.error_type_class
        return [error_type(field=exc.field, message=exc.message, code=exc.code.value)]

    @classmethod
    def perform_mutation(cls, info: Any, **data: Any) -> Any:
        """Do the work and return the payload (``cls(..., errors=[])``)."""
        raise NotImplementedError


def actor_for(context: RequestContext) -> Actor:
    """Return the timeline's actor for the requestor: their user id (apps act without one)."""
    return Actor(user_id=context.requestor.user_id)
