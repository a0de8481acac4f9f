"""What the desk's customers and agents write, in English, Romanian, Polish and Persian."""

import random
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from .config import BRANDS, HISTORY_DAYS, SEED

# --- what the desk's people write ------------------------------------------------------------


@dataclass(frozen=True)
class Language:
    code: str
    share: float
    order_channel: str
    currency: str
    domain: str
    first_names: tuple[str, ...]
    last_names: tuple[str, ...]
    openings: tuple[tuple[str, str, str], ...]
    """(category, subject, message) about an order."""
    openings_without_order: tuple[tuple[str, str, str], ...]
    follow_ups: tuple[str, ...]
    replies: tuple[str, ...]
    """Agents' answers, as the workspace sends them (HTML)."""
    store_events: tuple[tuple[str, str, str, str, str], ...]
    """(kind, category, priority, subject, message) of tickets opened by store events."""
    transliterations: dict[str, str] = field(default_factory=dict)
    """Latin spelling of names for e-mail addresses, where folding accents is not enough."""


ENGLISH = Language(
    code="en",
    share=0.5,
    order_channel="default-channel",
    currency="USD",
    domain="example.com",
    first_names=("Emma", "Olivia", "James", "Liam", "Noah", "Ava", "Sophia", "Lucas", "Mia",
                 "Ethan", "Grace", "Henry", "Chloe", "Oscar", "Isla", "Jack"),
    last_names=("Smith", "Johnson", "Brown", "Taylor", "Wilson", "Davies", "Evans", "Thomas",
                "Clarke", "Walker", "Wright", "Hughes", "Green", "Hall"),
    openings=(
        ("delivery", "Order #{number} has not arrived",
         "Hello, my order #{number} has not arrived yet. The tracking page says the parcel left"
         " the warehouse {days} days ago and nothing since. Can you check with {courier}?"),
        ("delivery", "Parcel missing",
         "The courier marked order #{number} as delivered but there was no parcel at my door."
         " Nobody in the building has it."),
        ("return", "Wrong size",
         "I ordered the {product} in size {size} but received a smaller one. How do I exchange"
         " it? Order #{number}."),
        ("refund", "Refund still not received",
         "I returned the {product} {days} days ago and I am still waiting for the refund for"
         " order #{number}."),
        ("complaint", "{product} arrived broken",
         "The {product} arrived broken, the box was crushed. I would like a replacement or my"
         " money back."),
        ("payment", "Charged twice",
         "My card was charged twice for order #{number}. Please refund the second payment."),
        ("cancellation", "Please cancel my order",
         "Please cancel order #{number}, I ordered the {product} by mistake."),
        ("order", "Change delivery address",
         "Can you change the delivery address for order #{number}? I moved last week."),
        ("product-question", "Warranty for the {product}",
         "Is the {product} from order #{number} covered by warranty? It stopped working after"
         " {days} days."),
    ),
    openings_without_order=(
        ("account", "Cannot log in",
         "I cannot log in to my account, the password reset e-mail never arrives."),
        ("product-question", "Is the {product} in stock?",
         "Hello, will the {product} be back in stock soon? I would like to buy two."),
        ("other", "Invoice for my company",
         "I need an invoice with my company details for my last purchase."),
        ("account", "Delete my account", "Please delete my account and my data."),
    ),
    follow_ups=(
        "Thank you, the parcel arrived today.",
        "Still nothing, it has been {days} days. This is not acceptable.",
        "Here is the photo of the damaged box.",
        "Ok, I will wait a few more days.",
        "Any news about my order?",
        "Thanks for the quick answer!",
        "The {product} works now, you can close this.",
    ),
    replies=(
        "<p>Hello {name},</p><p>thank you for writing to us. I checked order #{number}: the"
        " parcel is with {courier} and should arrive within {days} days.</p>",
        "<p>Hello {name},</p><p>I am sorry the {product} arrived damaged. I have sent a"
        " <strong>replacement</strong>; you will receive it this week.</p>",
        "<p>We have refunded the duplicate payment. It can take 3-5 working days to show on"
        " your card.</p>",
        "<p>Could you send us a photo of the item and of the label on the box?</p>",
        "<p>Your order is cancelled and the money is on its way back.</p>",
        '<p>You can follow the parcel here: <a href="https://track.example.com/{number}">'
        "tracking</a>.</p>",
    ),
    store_events=(
        ("cancellation", "cancellation", "normal", "Order #{number} cancelled",
         "Order #{number} was cancelled. Items: {product}."),
        ("refund", "refund", "normal", "Refund for order #{number}",
         "A refund was issued for order #{number}."),
        ("payment_problem", "payment", "high", "Payment failed for order #{number}",
         "The payment for order #{number} failed."),
        ("return", "return", "normal", "Items returned from order #{number}",
         "Items of order #{number} were returned: {product}."),
        ("customer_note", "order", "normal", "Note on order #{number}",
         "The customer wrote a note at checkout: please deliver after 5 pm."),
    ),
)  # fmt: skip
ROMANIAN = Language(
    code="ro",
    share=0.2,
    order_channel="channel-ron",
    currency="RON",
    domain="example.ro",
    first_names=("Ana", "Ioana", "Maria", "Andrei", "Mihai", "Ștefan", "Elena", "Radu",
                 "Bogdan", "Cristina", "Alexandru", "Raluca"),
    last_names=("Popescu", "Ionescu", "Popa", "Dumitrescu", "Stoica", "Munteanu",
                "Constantinescu", "Răducanu", "Țurcanu", "Ştefănescu", "Mureşan"),
    openings=(
        ("delivery", "Comanda #{number} nu a ajuns",
         "Bună ziua, comanda #{number} nu a ajuns încă. Coletul este la curier de {days} zile."
         " Puteți verifica la {courier}?"),
        ("complaint", "{product} deteriorat",
         "Am primit {product} deteriorat, cutia era strivită. Vă rog să îmi trimiteți alt"
         " produs sau să îmi returnați banii."),
        ("payment", "Plată dublă",
         "Mi s-a retras suma de două ori pentru comanda #{number}. Vă rog să returnați a doua"
         " plată."),
        ("refund", "Rambursare întârziată",
         "Am returnat {product} acum {days} zile şi încă aştept banii pentru comanda"
         " #{number}."),
        ("order", "Factură greşită",
         "Factura pentru comanda #{number} este greșită, vă rog să o corectaţi."),
        ("cancellation", "Anulare comandă",
         "Vă rog să anulați comanda #{number}, am comandat {product} din greșeală."),
    ),
    openings_without_order=(
        ("account", "Nu mă pot autentifica",
         "Nu mă pot autentifica în cont, e-mailul pentru resetarea parolei nu ajunge."),
        ("product-question", "Întrebare despre {product}",
         "Bună ziua, când va fi din nou în stoc {product}?"),
    ),
    follow_ups=(
        "Mulțumesc, am primit coletul.",
        "Tot nimic, au trecut {days} zile.",
        "Vă trimit poza cu produsul deteriorat.",
        "Aştept răspunsul dumneavoastră.",
    ),
    replies=(
        "<p>Bună ziua {name},</p><p>am verificat comanda #{number}: coletul a plecat cu"
        " {courier} și va ajunge în {days} zile.</p>",
        "<p>Ne pare rău pentru neplăcere. Am trimis alt produs, îl veți primi săptămâna"
        " aceasta.</p>",
        "<p>Am returnat plata dublă; suma va apărea pe card în 3-5 zile lucrătoare.</p>",
    ),
    store_events=(
        ("cancellation", "cancellation", "normal", "Comanda #{number} a fost anulată",
         "Comanda #{number} a fost anulată. Produse: {product}."),
        ("payment_problem", "payment", "high", "Plata pentru comanda #{number} a eșuat",
         "Plata pentru comanda #{number} a eșuat."),
    ),
)  # fmt: skip
POLISH = Language(
    code="pl",
    share=0.2,
    order_channel="channel-pln",
    currency="PLN",
    domain="example.pl",
    first_names=("Anna", "Katarzyna", "Małgorzata", "Piotr", "Krzysztof", "Tomasz", "Łukasz",
                 "Agnieszka", "Paweł", "Zofia"),
    last_names=("Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kamiński", "Lewandowski",
                "Zieliński", "Szymański", "Woźniak", "Dąbrowski"),
    openings=(
        ("delivery", "Paczka #{number} nie dotarła",
         "Dzień dobry, paczka z zamówieniem #{number} jeszcze nie dotarła. Kurier {courier} ma"
         " ją od {days} dni."),
        ("complaint", "Uszkodzony {product}",
         "Otrzymałem uszkodzony {product}, proszę o wymianę albo zwrot pieniędzy."),
        ("return", "Zły rozmiar",
         "Zły rozmiar, chciałbym wymienić {product} na większy. Zamówienie #{number}."),
        ("refund", "Zwrot pieniędzy",
         "Odesłałem {product} {days} dni temu i nadal czekam na zwrot za zamówienie"
         " #{number}."),
        ("payment", "Podwójna płatność",
         "Pobrano dwa razy pieniądze za zamówienie #{number}."),
    ),
    openings_without_order=(
        ("account", "Nie mogę się zalogować",
         "Nie mogę się zalogować do konta, e-mail z resetem hasła nie przychodzi."),
        ("product-question", "Pytanie o {product}", "Czy {product} będzie wkrótce dostępny?"),
    ),
    follow_ups=(
        "Dziękuję, paczka dotarła.",
        "Nadal nic, minęło {days} dni.",
        "Przesyłam zdjęcie uszkodzonego produktu.",
    ),
    replies=(
        "<p>Dzień dobry {name},</p><p>sprawdziliśmy zamówienie #{number}, paczka jest u"
        " kuriera {courier} i dotrze w ciągu {days} dni.</p>",
        "<p>Przepraszamy za kłopot. Wysłaliśmy nowy produkt.</p>",
    ),
    store_events=(
        ("cancellation", "cancellation", "normal", "Zamówienie #{number} anulowane",
         "Zamówienie #{number} zostało anulowane. Produkty: {product}."),
        ("return", "return", "normal", "Zwrot z zamówienia #{number}",
         "Produkty z zamówienia #{number} zostały zwrócone: {product}."),
    ),
)  # fmt: skip
PERSIAN = Language(
    code="fa",
    share=0.1,
    order_channel="channel-irr",
    currency="IRR",
    domain="example.ir",
    first_names=("علی", "مریم", "رضا", "زهرا", "حسین", "سارا"),
    last_names=("احمدی", "رضایی", "محمدی", "کریمی", "حسینی"),
    openings=(
        ("delivery", "سفارش {number} نرسیده است",
         "سلام، سفارش {number} هنوز به دستم نرسیده است. {days} روز است که منتظرم."),
        ("complaint", "کالا آسیب دیده",
         "کالا آسیب دیده رسید، لطفا {product} را تعویض کنید یا پول را برگردانید."),
        ("refund", "بازگشت وجه", "وجه سفارش {number} هنوز برگشت داده نشده است."),
        ("delivery", "پیگیری ارسال", "پیگیری ارسال سفارش {number} را چطور انجام دهم؟"),
    ),
    openings_without_order=(
        ("account", "ورود به حساب", "نمی‌توانم وارد حساب کاربری‌ام شوم."),
    ),
    follow_ups=("ممنون، سفارش رسید.", "هنوز خبری نیست."),
    replies=(
        "<p>سلام {name}،</p><p>سفارش شما ارسال شده و تا {days} روز دیگر می‌رسد.</p>",
        "<p>پوزش می‌خواهیم، کالای جدید ارسال شد.</p>",
    ),
    store_events=(
        ("cancellation", "cancellation", "normal", "سفارش {number} لغو شد",
         "سفارش {number} لغو شد."),
    ),
    transliterations={
        "علی": "ali", "مریم": "maryam", "رضا": "reza", "زهرا": "zahra", "حسین": "hossein",
        "سارا": "sara", "احمدی": "ahmadi", "رضایی": "rezaei", "محمدی": "mohammadi",
        "کریمی": "karimi", "حسینی": "hosseini",
    },
)  # fmt: skip
LANGUAGES = (ENGLISH, ROMANIAN, POLISH, PERSIAN)
NOTES = (
    "Checked with the warehouse: {product} out of stock until next month.",
    "Courier claim opened with {courier}, reference CLM-{days}{number}.",
    "The customer wrote before about the same order, see the older ticket.",
    "Refund approved by finance.",
    "<p>Asked the carrier's account manager, waiting for <strong>{courier}</strong>.</p>",
)
"""Internal notes, which agents write in English."""
ITEMS = ("kettle", "jacket", "headphones", "desk lamp", "backpack", "blender", "sneakers",
         "watch", "phone case", "toaster", "coffee grinder", "rain coat", "yoga mat", "drill",
         "e-reader", "suitcase", "scarf", "thermos", "keyboard", "camera strap")  # fmt: skip
SYLLABLES = ("ka", "lo", "mi", "ra", "te", "vo", "zu", "ne", "si", "da", "po", "ri", "xe",
             "fa", "gu", "lin", "mor", "tav", "quen", "bel", "dro", "sk", "vy", "ox")  # fmt: skip
COURIERS = ("DHL", "UPS", "FedEx", "DPD", "GLS", "InPost", "Fan Courier", "Sameday", "Cargus")
SIZES = ("XS", "S", "M", "L", "XL", "XXL")
TAGS = ("vip", "fragile", "courier-claim", "repeat-customer", "gift", "wholesale",
        "social-media", "chargeback", "warranty", "price-match", "address-change", "express",
        "b2b", "damaged-box")  # fmt: skip
CHANNELS = {"web": 40, "email": 25, "system": 25, "chat": 5, "phone": 3, "social": 2}
PRIORITIES = {"low": 15, "normal": 60, "high": 20, "urgent": 5}
MESSAGES_PER_TICKET = {1: 10, 2: 35, 3: 25, 4: 14, 5: 8, 6: 5, 8: 3}
STATUS_BY_AGE = (
    (7, {"new": 25, "open": 30, "pending": 20, "on_hold": 5, "solved": 20}),
    (30, {"new": 2, "open": 8, "pending": 10, "on_hold": 5, "solved": 35, "closed": 40}),
    (HISTORY_DAYS + 1, {"solved": 15, "closed": 85}),
)
"""Status by age in days: recent tickets are being worked on, older ones are done."""
SURVEY_SHARE = 0.2
"""Solved and closed tickets whose customer answered the satisfaction survey."""
MOODS: dict[str, tuple[int, tuple[int, ...], tuple[int, ...]]] = {
    # mood: (share, CSAT scores 1-5, NPS scores 0-10)
    "pleased": (70, (4, 5, 5), (8, 9, 10, 10)),
    "neutral": (15, (3, 3, 4), (6, 7, 8)),
    "unhappy": (15, (1, 2, 2), (0, 2, 4, 5)),
}
SURVEY_COMMENTS: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "pleased": ("Quick and friendly, thank you!", "Solved in one answer."),
        "neutral": ("It took a while but it is sorted.",),
        "unhappy": ("Three e-mails before anyone read my order number.",),
    },
    "ro": {
        "pleased": ("Mulțumesc, răspuns rapid!",),
        "neutral": ("A durat cam mult.",),
        "unhappy": ("Nimeni nu a citit ce am scris.",),
    },
    "pl": {
        "pleased": ("Dziękuję, szybka pomoc!",),
        "neutral": ("Trochę to trwało.",),
        "unhappy": ("Nadal czekam na zwrot pieniędzy.",),
    },
    "fa": {
        "pleased": ("ممنون، خیلی سریع پاسخ دادید.",),
        "neutral": ("کمی طول کشید.",),
        "unhappy": ("هنوز مشکلم حل نشده است.",),
    },
}
"""What customers write beside their scores, by language and mood."""
AGENTS = (
    # (role, tier, languages, how many)
    ("agent", 1, ("en",), 8),
    ("agent", 1, ("en", "ro"), 4),
    ("agent", 1, ("en", "pl"), 4),
    ("agent", 1, ("fa", "en"), 2),
    ("dispatcher", 1, (), 1),
    ("agent", 2, (), 4),
    ("agent", 3, (), 2),
    ("team_lead", 3, (), 1),
    ("manager", 3, (), 1),
)


def pick(rng: random.Random, weights: dict[Any, int]) -> Any:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def pick_language(rng: random.Random) -> Language:
    return rng.choices(LANGUAGES, weights=[language.share for language in LANGUAGES])[0]


def ascii_name(text: str, language: Language) -> str:
    text = language.transliterations.get(text, text).replace("ł", "l").replace("Ł", "L")
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


@dataclass(frozen=True)
class Product:
    name: str
    sku: str
    price: float


def catalog() -> list[Product]:
    """Return the store's products: one made-up brand each, so brands are selective terms."""
    rng = random.Random(SEED)  # noqa: S311  # repeatable made-up data, not a secret
    brands: set[str] = set()
    while len(brands) < BRANDS:
        brands.add("".join(rng.choice(SYLLABLES) for _ in range(3)).capitalize())
    products = []
    for index, brand in enumerate(sorted(brands)):
        item = ITEMS[index % len(ITEMS)]
        sku = f"{brand[:3].upper()}-{index % len(ITEMS):02d}-{index:04d}"
        products.append(Product(f"{brand} {item}", sku, round(rng.uniform(5, 400), 2)))
    rng.shuffle(products)
    return products
