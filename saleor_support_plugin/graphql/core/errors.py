"""Errors of a whole request or field, reported in ``errors[].extensions.exception.code``."""

from enum import Enum
from typing import Any

from graphql.error import GraphQLError


class ApiErrorCode(Enum):
    UNAUTHENTICATED = "unauthenticated"  # a token was sent but is expired, forged or revoked
    PERMISSION_DENIED = "permission_denied"  # the requestor lacks a permission the field needs
    INVALID_ARGUMENT = "invalid_argument"  # an argument is out of range or malformed
    BAD_REQUEST = "bad_request"  # the HTTP request is not a single GraphQL request
    PAYLOAD_TOO_LARGE = "payload_too_large"  # the body is over the size limit
    UNSUPPORTED_MEDIA_TYPE = "unsupported_media_type"  # the body is not JSON
    METHOD_NOT_ALLOWED = "method_not_allowed"  # anything but POST
    TOO_MANY_MUTATIONS = "too_many_mutations"  # more mutations in one request than allowed
    GRAPHQL_PARSE_FAILED = "graphql_parse_failed"  # the document is not valid GraphQL syntax
    GRAPHQL_VALIDATION_FAILED = "graphql_validation_failed"  # the document does not fit the schema
    INTERNAL_ERROR = "internal_error"  # an unexpected failure; details are only logged
    TOO_MANY_REQUESTS = "too_many_requests"  # over a rate limit; retry after extensions.retryAfter
    TOO_MANY_ALIASES = "too_many_aliases"  # more aliases in the document than allowed
    TOO_MANY_SELECTIONS = "too_many_selections"  # more fields and fragments written than allowed
    QUERY_TOO_DEEP = "query_too_deep"  # fields nested deeper than allowed
    QUERY_TOO_COMPLEX = "query_too_complex"  # the operation's estimated cost is over the limit


def error_extensions(code: ApiErrorCode) -> dict[str, Any]:
    return {"exception": {"code": code.name}}


class ApiError(GraphQLError):
    """An error with a typed code, raised by resolvers or by the view before execution."""

    def __init__(self, code: ApiErrorCode, message: str) -> None:
        super().__init__(message, extensions=error_extensions(code))
        self.code = code


class PermissionDenied(ApiError):
    def __init__(self, message: str) -> None:
        super().__init__(ApiErrorCode.PERMISSION_DENIED, message)


class InvalidArgument(ApiError):
    def __init__(self, message: str) -> None:
        super().__init__(ApiErrorCode.INVALID_ARGUMENT, message)


class TooManyRequests(ApiError):
    """Over a rate limit; ``extensions.retryAfter`` says in how many seconds to try again."""

    def __init__(self, message: str, *, retry_after_seconds: int) -> None:
        super().__init__(ApiErrorCode.TOO_MANY_REQUESTS, message)
        self.extensions = {
            **error_extensions(ApiErrorCode.TOO_MANY_REQUESTS),
            "retryAfter": retry_after_seconds,
        }
        self.retry_after_seconds = retry_after_seconds
