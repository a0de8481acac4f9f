"""The agent workspace in the sandbox: served at the root, with a username/password sign-in.

Inside Saleor the Dashboard hands the app a token through app-bridge; standalone, an agent
signs in here and the app sends the sandbox's bearer token (``issue_sandbox_token``).
"""

import json

from django.contrib.auth import authenticate
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.http.response import HttpResponseBase
from django.views.decorators.csrf import csrf_exempt

from saleor_support_plugin.host.standalone import (
    SANDBOX_TOKEN_MAX_AGE_SECONDS,
    issue_sandbox_token,
)
from saleor_support_plugin.web import workspace

LOGIN_URL = "/auth/token/"
MOUNT = workspace.Mount(prefix="", login_url=LOGIN_URL)


def workspace_view(request: HttpRequest) -> HttpResponseBase:
    return workspace.serve(request, request.path, MOUNT)


# Safe without a CSRF token: only JSON bodies are read, which a cross-site form cannot send
# without a CORS preflight, and the answer is a token, not a cookie.
@csrf_exempt
def token_view(request: HttpRequest) -> HttpResponse:
    """``POST {"username", "password"}`` → ``{"token", "expiresIn"}`` for active staff users."""
    if request.method != "POST":
        response = JsonResponse({"error": "Send POST."}, status=405)
        response["Allow"] = "POST"
        return response
    if request.content_type != "application/json":
        return JsonResponse({"error": "Send JSON."}, status=415)
    try:
        body = json.loads(request.body)
    except ValueError:
        return JsonResponse({"error": "The body is not valid JSON."}, status=400)
    username = body.get("username") if isinstance(body, dict) else None
    password = body.get("password") if isinstance(body, dict) else None
    if not isinstance(username, str) or not isinstance(password, str):
        return JsonResponse({"error": "Give a username and a password."}, status=400)
    user = authenticate(request, username=username, password=password)
    if user is None or not user.is_active or not user.is_staff:
        return JsonResponse({"error": "Wrong username or password."}, status=401)
    return JsonResponse(
        {"token": issue_sandbox_token(user), "expiresIn": SANDBOX_TOKEN_MAX_AGE_SECONDS}
    )
