"""How macro variables are written in each language the desk renders them in.

A deliberately small table instead of a locale library: the plugin runs in Saleor's
environment and takes no dependency for four languages. Separators, digits and grouping
follow CLDR (Polish groups from five digits on, with a no-break space). Currencies use the
sign a customer of that language reads (``€``, ``lei``, ``zł``) or else the ISO code;
Persian writes Persian digits and the currency's name after the amount, as prices read in
a Persian sentence. Languages without an entry are written the English way.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

NBSP = "\u00a0"
PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")

CURRENCY_DIGITS = {"BHD": 3, "IQD": 0, "IRR": 0, "JOD": 3, "JPY": 0, "KRW": 0, "KWD": 3, "OMR": 3}
"""Decimals of currencies that do not use two (ISO 4217); amounts are rounded half up."""


@dataclass(frozen=True)
class LocaleData:
    code: str
    decimal: str
    group: str
    minimum_grouping_digits: int
    """Integer digits from which thousands are grouped: 4 is ``1,234``, 5 is ``1234``."""
    currency_first: bool
    """True: ``€1,234.56``; false: ``1.234,56 €``."""
    currency_signs: dict[str, str]
    """Sign or name per ISO code; other currencies show their code."""
    list_separator: str
    persian_digits: bool
    ticket_statuses: dict[str, str]
    """Ticket status as the customer reads it."""
    order_statuses: dict[str, str]
    """Saleor order status as the customer reads it."""


ENGLISH = LocaleData(
    code="en",
    decimal=".",
    group=",",
    minimum_grouping_digits=4,
    currency_first=True,
    currency_signs={"EUR": "€", "USD": "$", "GBP": "£"},
    list_separator=", ",
    persian_digits=False,
    ticket_statuses={
        "new": "received",
        "open": "in progress",
        "pending": "waiting for your reply",
        "on_hold": "on hold",
        "solved": "solved",
        "closed": "closed",
    },
    order_statuses={
        "draft": "draft",
        "unconfirmed": "awaiting confirmation",
        "unfulfilled": "being prepared",
        "partially_fulfilled": "partly shipped",
        "fulfilled": "shipped",
        "partially_returned": "partly returned",
        "returned": "returned",
        "canceled": "cancelled",
        "expired": "expired",
    },
)

ROMANIAN = LocaleData(
    code="ro",
    decimal=",",
    group=".",
    minimum_grouping_digits=4,
    currency_first=False,
    currency_signs={"EUR": "€", "RON": "lei"},
    list_separator=", ",
    persian_digits=False,
    ticket_statuses={
        "new": "înregistrată",
        "open": "în lucru",
        "pending": "în așteptarea răspunsului dumneavoastră",
        "on_hold": "în așteptare",
        "solved": "rezolvată",
        "closed": "închisă",
    },
    order_statuses={
        "draft": "ciornă",
        "unconfirmed": "în așteptarea confirmării",
        "unfulfilled": "în pregătire",
        "partially_fulfilled": "expediată parțial",
        "fulfilled": "expediată",
        "partially_returned": "returnată parțial",
        "returned": "returnată",
        "canceled": "anulată",
        "expired": "expirată",
    },
)

POLISH = LocaleData(
    code="pl",
    decimal=",",
    group=NBSP,
    minimum_grouping_digits=5,
    currency_first=False,
    currency_signs={"EUR": "€", "PLN": "zł"},
    list_separator=", ",
    persian_digits=False,
    ticket_statuses={
        "new": "przyjęte",
        "open": "w toku",
        "pending": "czeka na Twoją odpowiedź",
        "on_hold": "wstrzymane",
        "solved": "rozwiązane",
        "closed": "zamknięte",
    },
    order_statuses={
        "draft": "wersja robocza",
        "unconfirmed": "oczekuje na potwierdzenie",
        "unfulfilled": "w przygotowaniu",
        "partially_fulfilled": "wysłane częściowo",
        "fulfilled": "wysłane",
        "partially_returned": "zwrócone częściowo",
        "returned": "zwrócone",
        "canceled": "anulowane",
        "expired": "wygasłe",
    },
)

PERSIAN = LocaleData(
    code="fa",
    decimal="٫",
    group="٬",
    minimum_grouping_digits=4,
    currency_first=False,
    currency_signs={
        "EUR": "یورو",
        "USD": "دلار",
        "GBP": "پوند",
        "IRR": "ریال",
        "RON": "لئو",
        "PLN": "زلوتی",
    },
    list_separator="، ",
    persian_digits=True,
    ticket_statuses={
        "new": "ثبت شده",
        "open": "در حال بررسی",
        "pending": "در انتظار پاسخ شما",
        "on_hold": "معلق",
        "solved": "حل شده",
        "closed": "بسته شده",
    },
    order_statuses={
        "draft": "پیش‌نویس",
        "unconfirmed": "در انتظار تأیید",
        "unfulfilled": "در حال آماده‌سازی",
        "partially_fulfilled": "بخشی ارسال شده",
        "fulfilled": "ارسال شده",
        "partially_returned": "بخشی مرجوع شده",
        "returned": "مرجوع شده",
        "canceled": "لغو شده",
        "expired": "منقضی شده",
    },
)

LOCALES = {data.code: data for data in (ENGLISH, ROMANIAN, POLISH, PERSIAN)}


def normalise_language(code: str) -> str:
    """Return a language code lower-case with dashes (``pt_BR`` -> ``pt-br``)."""
    return code.strip().replace("_", "-").lower()


def language_candidates(code: str) -> list[str]:
    """Return the codes to try for ``code``: itself, then its family (``pt-br``, ``pt``)."""
    code = normalise_language(code)
    if not code:
        return []
    family = code.split("-")[0]
    return [code] if family == code else [code, family]


def locale_for(code: str) -> LocaleData:
    """Return the formats of ``code`` or of its family; English for other languages."""
    for candidate in language_candidates(code):
        if candidate in LOCALES:
            return LOCALES[candidate]
    return ENGLISH


def _group(digits: str, separator: str, minimum: int) -> str:
    if len(digits) < minimum:
        return digits
    groups: list[str] = []
    while len(digits) > 3:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    groups.insert(0, digits)
    return separator.join(groups)


def format_number(value: Decimal, locale: LocaleData, *, decimals: int) -> str:
    """Return ``value`` rounded half up to ``decimals`` places, written for ``locale``."""
    quantum = Decimal(1).scaleb(-decimals)
    rounded = value.quantize(quantum, rounding=ROUND_HALF_UP)
    sign = "-" if rounded < 0 else ""
    integer, _, fraction = f"{abs(rounded):f}".partition(".")
    text = _group(integer, locale.group, locale.minimum_grouping_digits)
    if decimals:
        text += locale.decimal + fraction
    text = sign + text
    return text.translate(PERSIAN_DIGITS) if locale.persian_digits else text


def format_money(amount: str | Decimal, currency: str, locale: LocaleData) -> str:
    """Return ``amount`` of ``currency`` as a customer of ``locale`` reads it.

    ``1234.5 EUR``: en ``€1,234.50``, ro ``1.234,50 €``, pl ``1234,50 €``,
    fa ``۱٬۲۳۴٫۵۰ یورو``. Raises ``ValueError`` for an amount that is not a number.
    """
    try:
        value = Decimal(amount)
    except InvalidOperation as exc:
        raise ValueError(f"{amount!r} is not an amount") from exc
    if not value.is_finite():
        raise ValueError(f"{amount!r} is not an amount")
    code = currency.upper()
    number = format_number(value, locale, decimals=CURRENCY_DIGITS.get(code, 2))
    sign = locale.currency_signs.get(code, code)
    if not locale.currency_first:
        return f"{number}{NBSP}{sign}"
    separator = NBSP if sign[-1:].isalpha() else ""
    return f"{sign}{separator}{number}"
