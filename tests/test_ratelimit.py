"""Rate limits counted in real Redis: windows, keys, refunds, settings and a failing cache."""

import re
import socket
import threading
import time
from collections.abc import Callable
from typing import Any

import pytest
from django.test import RequestFactory

from saleor_support_plugin import ratelimit
from saleor_support_plugin.graphql.core.limits import (
    limit_ticket_creation,
    retry_message,
    too_many_requests,
)
from saleor_support_plugin.ratelimit import (
    SURVEY_SUBMIT_IP_MINUTE,
    TICKET_CREATE_EMAIL_HOUR,
    TICKET_CREATE_IP_HOUR,
    TICKET_CREATE_IP_MINUTE,
    TICKET_UPDATE_TICKET_10_MINUTES,
    RateLimit,
    RateLimited,
    check,
    client_ip,
    hit,
    hit_all,
    ip_key,
    rate_limit,
)

MINUTE_START = 1_800_000_000.0
"""A whole minute (and hour) since the epoch: windows start here."""


def at(seconds: float) -> Callable[[], float]:
    return lambda: MINUTE_START + seconds


@pytest.fixture
def limits(settings: Any) -> Callable[..., None]:
    def configure(**rules: tuple[int, int] | int | None) -> None:
        settings.SUPPORT_DESK = {**settings.SUPPORT_DESK, "RATE_LIMITS": rules}

    return configure


def refused(action: Callable[[], None]) -> RateLimited:
    with pytest.raises(RateLimited) as caught:
        action()
    return caught.value


def test_the_defaults_are_the_published_targets():
    assert [rate_limit(name) for name in ratelimit.DEFAULT_LIMITS] == [
        RateLimit(TICKET_CREATE_IP_MINUTE, 5, 60),
        RateLimit(TICKET_CREATE_IP_HOUR, 20, 3600),
        RateLimit(TICKET_CREATE_EMAIL_HOUR, 3, 3600),
        RateLimit(SURVEY_SUBMIT_IP_MINUTE, 10, 60),
        RateLimit(TICKET_UPDATE_TICKET_10_MINUTES, 30, 600),
    ]


def test_requests_up_to_the_limit_pass_and_the_next_is_refused():
    # given
    for _ in range(5):
        hit(TICKET_CREATE_IP_MINUTE, "203.0.113.7", clock=at(15.5))

    # when
    error = refused(lambda: hit(TICKET_CREATE_IP_MINUTE, "203.0.113.7", clock=at(15.5)))

    # then
    assert error.rule == RateLimit(TICKET_CREATE_IP_MINUTE, 5, 60)
    assert error.retry_after_seconds == 45
    assert str(error) == "Rate limit ticket_create_ip_minute (5 per 60 s) reached; retry in 45 s."


def test_a_refused_request_uses_no_budget(redis_cache):
    # given
    for _ in range(5):
        hit(TICKET_CREATE_IP_MINUTE, "203.0.113.7", clock=at(1))

    # when
    for _ in range(3):
        refused(lambda: hit(TICKET_CREATE_IP_MINUTE, "203.0.113.7", clock=at(2)))

    # then
    [key] = redis_cache.keys()
    assert int(redis_cache.client.get(key)) == 5


@pytest.mark.parametrize(("seconds", "retry_after"), [(0, 60), (0.2, 60), (59, 1), (59.9, 1)])
def test_retry_after_counts_whole_seconds_to_the_window_end(limits, seconds, retry_after):
    limits(ticket_create_ip_minute=(1, 60))
    hit(TICKET_CREATE_IP_MINUTE, "203.0.113.7", clock=at(seconds))

    error = refused(lambda: hit(TICKET_CREATE_IP_MINUTE, "203.0.113.7", clock=at(seconds)))

    assert error.retry_after_seconds == retry_after


def test_the_next_window_starts_from_zero(limits):
    # given
    limits(ticket_create_ip_minute=(2, 60))
    hit(TICKET_CREATE_IP_MINUTE, "203.0.113.7", clock=at(30))
    hit(TICKET_CREATE_IP_MINUTE, "203.0.113.7", clock=at(59.9))
    refused(lambda: hit(TICKET_CREATE_IP_MINUTE, "203.0.113.7", clock=at(59.9)))

    # when
    hit(TICKET_CREATE_IP_MINUTE, "203.0.113.7", clock=at(60))
    hit(TICKET_CREATE_IP_MINUTE, "203.0.113.7", clock=at(61))

    # then
    error = refused(lambda: hit(TICKET_CREATE_IP_MINUTE, "203.0.113.7", clock=at(61)))
    assert error.retry_after_seconds == 59


def test_counters_expire_in_redis_when_their_window_ends(limits, redis_cache):
    # given a window of one second, not at its very end
    limits(ticket_create_ip_minute=(1, 1))
    if time.time() % 1 > 0.8:
        time.sleep(1.05 - time.time() % 1)
    hit(TICKET_CREATE_IP_MINUTE, "203.0.113.7")
    error = refused(lambda: hit(TICKET_CREATE_IP_MINUTE, "203.0.113.7"))
    [key] = redis_cache.keys()
    assert error.retry_after_seconds == 1
    assert 1 <= redis_cache.client.ttl(key) <= 2

    # when the next second starts
    time.sleep(1.01 - time.time() % 1)

    # then
    hit(TICKET_CREATE_IP_MINUTE, "203.0.113.7")


def test_keys_and_rules_count_separately():
    # given
    for _ in range(3):
        hit(TICKET_CREATE_EMAIL_HOUR, "ana@example.com", clock=at(0))
    refused(lambda: hit(TICKET_CREATE_EMAIL_HOUR, "ana@example.com", clock=at(0)))

    # when / then
    hit(TICKET_CREATE_EMAIL_HOUR, "ion@example.com", clock=at(0))
    hit(SURVEY_SUBMIT_IP_MINUTE, "ana@example.com", clock=at(0))


def test_no_address_is_readable_in_the_cache_keys(redis_cache):
    # given
    request = RequestFactory().post("/graphql/", REMOTE_ADDR="203.0.113.7")

    # when
    limit_ticket_creation(request, "Ana.Popescu@Example.com", anonymous=True, clock=at(0))

    # then
    keys = redis_cache.keys()
    prefix = re.escape(f"{redis_cache.key_prefix}:1:support-desk:ratelimit:")
    assert len(keys) == 3
    assert all(re.fullmatch(prefix + r"ticket_create_\w+:\d+:[0-9a-f]{32}", k) for k in keys)
    assert not [k for k in keys if "203.0.113" in k or "popescu" in k.lower()]


def test_the_hashes_depend_on_the_secret_key(settings, redis_cache):
    hit(TICKET_CREATE_IP_MINUTE, "203.0.113.7", clock=at(0))
    settings.SECRET_KEY = "another-secret"
    hit(TICKET_CREATE_IP_MINUTE, "203.0.113.7", clock=at(0))

    assert len(redis_cache.keys()) == 2


def test_check_counts_nothing_and_refuses_once_the_budget_is_used(limits, redis_cache):
    # given
    limits(survey_submit_ip_minute=(2, 60))
    check(SURVEY_SUBMIT_IP_MINUTE, "203.0.113.7", clock=at(10))
    assert redis_cache.keys() == []
    hit(SURVEY_SUBMIT_IP_MINUTE, "203.0.113.7", clock=at(10))
    check(SURVEY_SUBMIT_IP_MINUTE, "203.0.113.7", clock=at(10))

    # when
    hit(SURVEY_SUBMIT_IP_MINUTE, "203.0.113.7", clock=at(10))

    # then
    error = refused(lambda: check(SURVEY_SUBMIT_IP_MINUTE, "203.0.113.7", clock=at(10)))
    assert error.retry_after_seconds == 50


def test_increments_are_atomic_across_threads(limits):
    # given
    limits(ticket_create_ip_minute=(5, 60))
    start = threading.Barrier(20)
    outcomes: list[str] = []

    def one_request() -> None:
        start.wait()
        try:
            hit(TICKET_CREATE_IP_MINUTE, "203.0.113.7", clock=at(0))
        except RateLimited:
            outcomes.append("refused")
        else:
            outcomes.append("passed")

    # when
    threads = [threading.Thread(target=one_request) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    # then
    assert sorted(outcomes) == ["passed"] * 5 + ["refused"] * 15


def test_several_rules_are_taken_all_or_nothing(limits, redis_cache):
    # given
    limits(ticket_create_ip_minute=(1, 60), ticket_create_email_hour=(1, 3600))
    hit_all(
        [(TICKET_CREATE_IP_MINUTE, "203.0.113.7"), (TICKET_CREATE_EMAIL_HOUR, "ana@example.com")],
        clock=at(0),
    )

    # when the e-mail refuses, the IP's count is taken back
    error = refused(
        lambda: hit_all(
            [
                (TICKET_CREATE_IP_MINUTE, "198.51.100.9"),
                (TICKET_CREATE_EMAIL_HOUR, "ana@example.com"),
            ],
            clock=at(0),
        )
    )

    # then
    assert error.rule.name == TICKET_CREATE_EMAIL_HOUR
    assert error.retry_after_seconds == 3600
    hit(TICKET_CREATE_IP_MINUTE, "198.51.100.9", clock=at(0))
    counts = sorted(int(redis_cache.client.get(key)) for key in redis_cache.keys())
    assert counts == [1, 1, 1]


def test_guests_are_limited_per_ip_before_their_e_mail_is_counted(limits):
    # given
    limits(ticket_create_ip_minute=(2, 60), ticket_create_email_hour=(1, 3600))
    factory = RequestFactory()
    first_ip = factory.post("/graphql/", REMOTE_ADDR="203.0.113.7")
    second_ip = factory.post("/graphql/", REMOTE_ADDR="198.51.100.9")
    limit_ticket_creation(first_ip, "a@example.com", anonymous=True, clock=at(0))
    limit_ticket_creation(first_ip, "b@example.com", anonymous=True, clock=at(0))

    # when the IP refuses
    error = refused(
        lambda: limit_ticket_creation(first_ip, "c@example.com", anonymous=True, clock=at(0))
    )

    # then c@example.com's budget is whole, and e-mails count case-blind
    assert error.rule.name == TICKET_CREATE_IP_MINUTE
    limit_ticket_creation(second_ip, "c@example.com", anonymous=True, clock=at(0))
    error = refused(
        lambda: limit_ticket_creation(second_ip, " C@Example.com", anonymous=True, clock=at(0))
    )
    assert error.rule.name == TICKET_CREATE_EMAIL_HOUR


def test_guests_get_twenty_tickets_an_hour_per_ip():
    request = RequestFactory().post("/graphql/", REMOTE_ADDR="203.0.113.7")
    for minute in range(4):
        for n in range(5):
            email = f"guest{minute}-{n}@example.com"
            limit_ticket_creation(request, email, anonymous=True, clock=at(minute * 60))

    error = refused(
        lambda: limit_ticket_creation(request, "late@example.com", anonymous=True, clock=at(240))
    )

    assert error.rule == RateLimit(TICKET_CREATE_IP_HOUR, 20, 3600)
    assert error.retry_after_seconds == 3600 - 240


def test_signed_in_customers_are_limited_per_e_mail_only(redis_cache):
    request = RequestFactory().post("/graphql/", REMOTE_ADDR="203.0.113.7")
    for _ in range(3):
        limit_ticket_creation(request, "ana@example.com", anonymous=False, clock=at(0))

    error = refused(
        lambda: limit_ticket_creation(request, "ana@example.com", anonymous=False, clock=at(0))
    )

    assert error.rule.name == TICKET_CREATE_EMAIL_HOUR
    assert len(redis_cache.keys()) == 1


def test_settings_override_and_switch_off_rules(limits):
    limits(ticket_create_ip_minute=(1, 10), ticket_create_ip_hour=None, ticket_create_email_hour=0)

    assert rate_limit(TICKET_CREATE_IP_MINUTE) == RateLimit(TICKET_CREATE_IP_MINUTE, 1, 10)
    assert rate_limit(TICKET_CREATE_IP_HOUR) is None
    assert rate_limit(TICKET_CREATE_EMAIL_HOUR) is None
    for _ in range(10):
        hit(TICKET_CREATE_EMAIL_HOUR, "ana@example.com", clock=at(0))


def test_zero_requests_switch_a_rule_off(limits):
    limits(survey_submit_ip_minute=(0, 60))

    assert rate_limit(SURVEY_SUBMIT_IP_MINUTE) is None


@pytest.mark.parametrize(
    ("rules", "message"),
    [
        ({"ticket_create": (1, 60)}, "Unknown SUPPORT_DESK['RATE_LIMITS'] rules: ticket_create"),
        (
            {"ticket_create_ip_minute": (1, 0)},
            "SUPPORT_DESK['RATE_LIMITS']['ticket_create_ip_minute'] must be"
            " (requests >= 0, window_seconds > 0).",
        ),
    ],
)
def test_wrong_settings_are_refused(limits, rules, message):
    limits(**rules)

    with pytest.raises(ValueError, match=re.escape(message)):
        hit(TICKET_CREATE_IP_MINUTE, "203.0.113.7")


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_a_failing_cache_lets_requests_through_and_logs(settings, limits, caplog):
    # given
    settings.CACHES = {
        **settings.CACHES,
        "rate_limits": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{_closed_port()}/0",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        },
    }
    settings.SUPPORT_DESK = {**settings.SUPPORT_DESK, "RATE_LIMIT_CACHE": "rate_limits"}
    limits(ticket_create_ip_minute=(1, 60))
    request = RequestFactory().post("/graphql/", REMOTE_ADDR="203.0.113.7")

    # when
    for _ in range(3):
        limit_ticket_creation(request, "ana@example.com", anonymous=True)
    check(TICKET_CREATE_IP_MINUTE, "203.0.113.7")

    # then
    messages = [
        r.getMessage() for r in caplog.records if r.name == "saleor_support_plugin.ratelimit"
    ]
    assert len(messages) == 4
    assert messages[0].startswith(
        "Rate limits not applied: the cache 'rate_limits' failed (ConnectionError:"
    )


def test_the_error_for_the_api_carries_retry_after():
    error = RateLimited(RateLimit(TICKET_CREATE_IP_MINUTE, 5, 60), 45)

    api_error = too_many_requests(error)

    assert api_error.message == "Too many requests: try again in 45 seconds."
    assert api_error.extensions == {"exception": {"code": "TOO_MANY_REQUESTS"}, "retryAfter": 45}


@pytest.mark.parametrize(
    ("seconds", "message"),
    [
        (1, "Too many requests: try again in 1 second."),
        (119, "Too many requests: try again in 119 seconds."),
        (120, "Too many requests: try again in 2 minutes."),
        (3599, "Too many requests: try again in 60 minutes."),
    ],
)
def test_retry_messages(seconds, message):
    assert retry_message(RateLimited(RateLimit(TICKET_CREATE_IP_HOUR, 20, 3600), seconds)) == (
        message
    )


@pytest.mark.parametrize(
    ("real_ip_environ", "meta", "expected"),
    [
        (None, {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "203.0.113.7"}, "10.0.0.1"),
        (
            ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"],
            {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "203.0.113.7, 10.0.0.2"},
            "203.0.113.7",
        ),
        (
            ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"],
            {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "unknown, 198.51.100.3"},
            "198.51.100.3",
        ),
        (["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"], {"REMOTE_ADDR": "10.0.0.1"}, "10.0.0.1"),
        ("HTTP_CF_CONNECTING_IP", {"HTTP_CF_CONNECTING_IP": "2001:DB8::0:1"}, "2001:db8::1"),
        (["HTTP_X_REAL_IP"], {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_REAL_IP": "256.0.0.1"}, None),
    ],
    ids=["default-ignores-xff", "xff-first", "xff-skips-invalid", "fallback", "string", "none"],
)
def test_client_ip_follows_real_ip_environ(settings, real_ip_environ, meta, expected):
    if real_ip_environ is not None:
        settings.REAL_IP_ENVIRON = real_ip_environ
    request = RequestFactory().post("/graphql/", **meta)
    if "REMOTE_ADDR" not in meta:
        del request.META["REMOTE_ADDR"]

    assert client_ip(request) == expected


@pytest.mark.parametrize(
    ("ip", "key"),
    [
        ("203.0.113.7", "203.0.113.7"),
        ("2001:db8:1:2:aaaa::1", "2001:db8:1:2::/64"),
        ("::ffff:203.0.113.7", "203.0.113.7"),
        (None, "unknown"),
    ],
)
def test_ipv6_clients_count_per_network(ip, key):
    assert ip_key(ip) == key
