"""The GraphQL endpoint: one JSON request per POST, no batching.

A GET opens Saleor's GraphQL playground on this endpoint when the store enables its
playground (``PLAYGROUND_ENABLED``) and its template is there; otherwise GET is refused.
"""

import json
import re
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template import TemplateDoesNotExist
from django.template.loader import get_template
from django.views.decorators.csrf import csrf_exempt

from ..graphql.api import schema
from ..graphql.core.context import RequestContext
from ..graphql.core.errors import ApiErrorCode
from ..graphql.core.execution import Outcome, refusal, run_request
from ..host import get_host
from ..host.requestor import AuthenticationError, Requestor, bearer_token
from ..tickets import access_tokens

MAX_BODY_BYTES = 100 * 1024
"""Largest request body accepted (a query with its variables)."""

UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
"""Characters no text column can hold: NUL, and surrogates not paired into one character."""
UNSTORABLE_ESCAPE = re.compile(r"\\u(?:0000|[dD][89abAB][0-9a-fA-F]{2})")
"""The same written as GraphQL string escapes (the lexer leaves escaped pairs unpaired)."""


class Refused(Exception):
    def __init__(self, outcome: Outcome) -> None:
        super().__init__(outcome.payload)
        self.outcome = outcome


# Requests without a CSRF token are safe here: only ``application/json`` bodies are read,
# which a cross-site form cannot send without the browser asking first (CORS preflight).
@csrf_exempt
def graphql_view(request: HttpRequest) -> HttpResponse:
    """Answer ``POST {query, variables, operationName}`` with ``{data, errors}``."""
    if request.method == "GET" and getattr(settings, "PLAYGROUND_ENABLED", False):
        playground = _playground(request)
        if playground is not None:
            return playground
    try:
        query, variables, operation_name = _read_request(request)
        requestor = _requestor(request)
    except Refused as refused:
        return _respond(refused.outcome)
    outcome = run_request(
        schema,
        query=query,
        variables=variables,
        operation_name=operation_name,
        context=RequestContext(request=request, requestor=requestor),
    )
    return _respond(outcome)


def _read_request(request: HttpRequest) -> tuple[str, dict[str, Any] | None, str | None]:
    if request.method != "POST":
        raise Refused(
            refusal(ApiErrorCode.METHOD_NOT_ALLOWED, "Send GraphQL requests with POST.", status=405)
        )
    content_type = request.content_type or ""
    if content_type != "application/json":
        raise Refused(
            refusal(
                ApiErrorCode.UNSUPPORTED_MEDIA_TYPE,
                "Send the request as JSON (Content-Type: application/json).",
                status=415,
            )
        )
    try:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        declared = 0
    if declared > MAX_BODY_BYTES or len(request.body) > MAX_BODY_BYTES:
        raise Refused(
            refusal(
                ApiErrorCode.PAYLOAD_TOO_LARGE,
                f"The request body can have at most {MAX_BODY_BYTES // 1024} KB.",
                status=413,
            )
        )
    try:
        body = json.loads(request.body)
    except (UnicodeDecodeError, ValueError) as exc:
        raise _bad_request("The request body is not valid JSON.") from exc
    except RecursionError as exc:
        raise _bad_request("The request body is nested too deeply.") from exc
    if isinstance(body, list):
        raise _bad_request("Batched requests are not supported: send one operation per request.")
    if not isinstance(body, dict):
        raise _bad_request("The request body must be a JSON object.")
    query = body.get("query")
    variables = body.get("variables")
    operation_name = body.get("operationName")
    if not isinstance(query, str) or not query.strip():
        raise _bad_request("`query` must be a non-empty string.")
    if variables is not None and not isinstance(variables, dict):
        raise _bad_request("`variables` must be a JSON object.")
    if operation_name is not None and not isinstance(operation_name, str):
        raise _bad_request("`operationName` must be a string.")
    if UNSTORABLE_ESCAPE.search(query) or _has_unstorable([query, variables, operation_name]):
        raise _bad_request(
            "Text cannot contain NUL characters (U+0000) or unpaired surrogates (U+D800 to U+DFFF)."
        )
    return query, variables, operation_name


def _has_unstorable(value: Any) -> bool:
    """Return whether a string anywhere in ``value`` (keys too) holds an unstorable character."""
    pending = [value]
    while pending:
        item = pending.pop()
        if isinstance(item, str):
            if UNSTORABLE.search(item):
                return True
        elif isinstance(item, dict):
            pending += item.keys()
            pending += item.values()
        elif isinstance(item, list):
            pending += item
    return False


def _bad_request(message: str) -> Refused:
    return Refused(refusal(ApiErrorCode.BAD_REQUEST, message, status=400))


def _requestor(request: HttpRequest) -> Requestor:
    """Return a guest for a ticket access token, else whoever the host recognises."""
    token = bearer_token(request)
    if token is not None and access_tokens.is_access_token(token):
        return Requestor.guest(access_tokens.ticket_id_for_token(token))
    try:
        return get_host().requestor_from_request(request)
    except AuthenticationError as exc:
        raise Refused(refusal(ApiErrorCode.UNAUTHENTICATED, str(exc), status=401)) from exc


PLAYGROUND_TEMPLATE = "graphql/playground.html"
"""Saleor's playground page; it takes the endpoint as ``api_url``."""


def _playground(request: HttpRequest) -> HttpResponse | None:
    try:
        template = get_template(PLAYGROUND_TEMPLATE)
    except TemplateDoesNotExist:
        return None
    endpoint = request.build_absolute_uri(request.path)
    plugins_url = request.build_absolute_uri("/plugins/")
    html = template.render({"api_url": endpoint, "plugins_url": plugins_url}, request)
    return HttpResponse(html, content_type="text/html; charset=utf-8")


def _respond(outcome: Outcome) -> HttpResponse:
    response = JsonResponse(outcome.payload, status=outcome.status)
    if outcome.status == 405:
        response["Allow"] = "POST"
    if outcome.status == 401:
        response["WWW-Authenticate"] = "Bearer"
    return response
