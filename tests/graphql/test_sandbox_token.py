"""The sandbox_token command mints tokens the endpoint accepts."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command


def test_a_minted_token_opens_the_api(agent, api_client_for):
    # given
    out = StringIO()
    call_command("sandbox_token", "agent", stdout=out)
    client = api_client_for(None)
    client.token = out.getvalue().strip()

    # when
    result = client.execute("{ supportViewer { kind user { email } } }")

    # then
    assert result == {
        "data": {"supportViewer": {"kind": "STAFF", "user": {"email": "agent@example.com"}}}
    }


def test_an_unknown_user_gets_no_token(db):
    with pytest.raises(CommandError, match="No active user 'nobody'."):
        call_command("sandbox_token", "nobody")


def test_inside_saleor_there_are_no_sandbox_tokens(agent, settings):
    settings.SUPPORT_DESK = {"HOST": "saleor_support_plugin.host.saleor.SaleorHost"}

    with pytest.raises(CommandError, match="inside Saleor use tokenCreate"):
        call_command("sandbox_token", "agent")
