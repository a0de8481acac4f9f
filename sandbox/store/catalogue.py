"""What the demo store's simulated customers are called, write and buy, per language."""

from dataclasses import dataclass
from decimal import Decimal

E_MAIL_DOMAINS = ("example.com", "example.net", "example.org")
CENT = Decimal("0.01")


@dataclass(frozen=True)
class Person:
    first_name: str
    last_name: str
    login: str
    """ASCII username and local part of the e-mail address."""


def _people(*rows: str) -> tuple[Person, ...]:
    return tuple(Person(*row.split()) for row in rows)


@dataclass(frozen=True)
class LanguageKit:
    """What customers of one language are called and write, and how agents answer them."""

    code: str
    people: tuple[Person, ...]
    notes: tuple[str, ...]
    follow_ups: tuple[str, ...]
    greeting: str
    comma: str
    first_replies: tuple[str, ...]
    solved_replies: tuple[str, ...]
    parcel_subject: str
    parcel_body: str


KITS = (
    LanguageKit(
        code="ro",
        people=_people(
            "Ana Popescu ana.popescu",
            "Ioana Ionescu ioana.ionescu",
            "Maria Dumitrescu maria.dumitrescu",
            "Elena Stănescu elena.stanescu",
            "Andrei Popa andrei.popa",
            "Mihai Georgescu mihai.georgescu",
            "Alexandru Munteanu alexandru.munteanu",
            "Cristina Constantinescu cristina.constantinescu",
            "Răzvan Marin razvan.marin",
            "Ștefan Dobre stefan.dobre",
            "Gabriela Niculescu gabriela.niculescu",
            "Bogdan Șerban bogdan.serban",
        ),
        notes=(
            "Vă rog să livrați după ora 17:00.",
            "Este un cadou, vă rog să nu puneți bonul în colet.",
            "Sunați-mă înainte de livrare, vă rog.",
            "Puteți ambala produsele separat?",
        ),
        follow_ups=(
            "Bună ziua, aveți vreo noutate?",
            "Mulțumesc! Când primesc banii înapoi?",
            "Coletul nu a ajuns încă.",
            "Am trimis produsul înapoi ieri.",
        ),
        greeting="Bună ziua",
        comma=",",
        first_replies=(
            "Ne ocupăm de comanda #{order} și revenim în cel mult o zi lucrătoare.",
            "Am verificat comanda #{order}: vă ținem la curent cu fiecare pas.",
        ),
        solved_replies=(
            "Rambursarea a fost procesată; banii ajung în 3–5 zile lucrătoare.",
            "Vă mulțumim pentru răbdare, problema a fost rezolvată.",
        ),
        parcel_subject="Unde este coletul meu?",
        parcel_body="Comanda #{order} nu a ajuns încă. Puteți verifica, vă rog?",
    ),
    LanguageKit(
        code="pl",
        people=_people(
            "Jan Kowalski jan.kowalski",
            "Katarzyna Nowak katarzyna.nowak",
            "Małgorzata Wiśniewska malgorzata.wisniewska",
            "Piotr Wójcik piotr.wojcik",
            "Agnieszka Kamińska agnieszka.kaminska",
            "Tomasz Lewandowski tomasz.lewandowski",
            "Łukasz Zieliński lukasz.zielinski",
            "Zofia Szymańska zofia.szymanska",
            "Michał Woźniak michal.wozniak",
            "Anna Dąbrowska anna.dabrowska",
            "Krzysztof Kozłowski krzysztof.kozlowski",
            "Ewa Mazur ewa.mazur",
        ),
        notes=(
            "Proszę o dostawę po godzinie 16.",
            "To prezent – proszę nie dołączać paragonu.",
            "Proszę zostawić paczkę u sąsiada spod piątki.",
            "Czy mogę jeszcze zmienić rozmiar na L?",
        ),
        follow_ups=(
            "Dzień dobry, czy są jakieś nowe informacje?",
            "Dziękuję! Kiedy otrzymam zwrot pieniędzy?",
            "Paczka jeszcze nie dotarła.",
            "Odesłałem produkt wczoraj.",
        ),
        greeting="Dzień dobry",
        comma=",",
        first_replies=(
            "Zajmujemy się zamówieniem #{order}; odpowiemy w ciągu jednego dnia roboczego.",
            "Sprawdziliśmy zamówienie #{order} i będziemy informować o każdym kroku.",
        ),
        solved_replies=(
            "Zwrot został zlecony; środki pojawią się w ciągu 3–5 dni roboczych.",
            "Dziękujemy za cierpliwość, sprawa została rozwiązana.",
        ),
        parcel_subject="Gdzie jest moja paczka?",
        parcel_body="Zamówienie #{order} jeszcze nie dotarło. Czy możecie to sprawdzić?",
    ),
    LanguageKit(
        code="fa",
        people=_people(
            "مریم احمدی maryam.ahmadi",
            "علی رضایی ali.rezaei",
            "زهرا محمدی zahra.mohammadi",
            "محمد حسینی mohammad.hosseini",
            "فاطمه کریمی fatemeh.karimi",
            "رضا موسوی reza.mousavi",
            "سارا جعفری sara.jafari",
            "حسین صادقی hossein.sadeghi",
            "نرگس رحیمی narges.rahimi",
            "امیر کاظمی amir.kazemi",
            "لیلا نوری leila.nouri",
            "مهدی اکبری mehdi.akbari",
        ),
        notes=(
            "لطفاً بعد از ساعت ۵ عصر تحویل دهید.",
            "این یک هدیه است، لطفاً فاکتور را داخل بسته نگذارید.",
            "لطفاً قبل از ارسال با من تماس بگیرید.",
            "لطفاً بسته‌بندی محکم باشد.",
        ),
        follow_ups=(
            "سلام، خبر جدیدی هست؟",
            "ممنون! کی پول به حسابم برمی‌گردد؟",
            "بسته هنوز نرسیده است.",
            "دیروز کالا را پس فرستادم.",
        ),
        greeting="سلام",
        comma="،",
        first_replies=(
            "سفارش #{order} در حال بررسی است و حداکثر تا یک روز کاری پاسخ می‌دهیم.",
            "سفارش #{order} را بررسی کردیم و شما را در جریان می‌گذاریم.",
        ),
        solved_replies=(
            "بازپرداخت انجام شد؛ مبلغ ظرف ۳ تا ۵ روز کاری به حساب شما برمی‌گردد.",
            "از صبر شما سپاسگزاریم، مشکل برطرف شد.",
        ),
        parcel_subject="بسته‌ام کجاست؟",
        parcel_body="سفارش #{order} هنوز نرسیده است. لطفاً پیگیری کنید.",
    ),
    LanguageKit(
        code="en",
        people=_people(
            "Emily Clarke emily.clarke",
            "James Walker james.walker",
            "Olivia Bennett olivia.bennett",
            "Thomas Wright thomas.wright",
            "Sophie Turner sophie.turner",
            "Daniel Hughes daniel.hughes",
            "Charlotte Evans charlotte.evans",
            "George Harris george.harris",
            "Amelia Lewis amelia.lewis",
            "Jack Robinson jack.robinson",
            "Grace Mitchell grace.mitchell",
            "Harry Cooper harry.cooper",
        ),
        notes=(
            "Please leave the parcel with the concierge.",
            "It's a gift, please don't include the receipt.",
            "Could you deliver after 5 pm?",
            "Please pack it well, the last one arrived damaged.",
        ),
        follow_ups=(
            "Hi, any news on this?",
            "Thanks! When will I get the money back?",
            "The parcel still hasn't arrived.",
            "I sent the item back yesterday.",
        ),
        greeting="Hello",
        comma=",",
        first_replies=(
            "We're looking into order #{order} and will get back to you within a working day.",
            "We've checked order #{order} and will keep you posted on every step.",
        ),
        solved_replies=(
            "The refund has been issued; it reaches your account in 3–5 working days.",
            "Thanks for your patience, this is sorted now.",
        ),
        parcel_subject="Where is my parcel?",
        parcel_body="Order #{order} hasn't arrived yet. Could you check, please?",
    ),
)
KIT_BY_CODE = {kit.code: kit for kit in KITS}

AGENTS = (
    ("agent1", "Irina", "Vasile", ("ro",)),
    ("agent2", "Paweł", "Nowicki", ("pl",)),
    ("agent3", "Sam", "Taylor", ("fa", "en")),
)
"""Staff users of the desk: username, names, the languages whose tickets they take."""
INTERNAL_NOTES = (
    "Checked with the warehouse, waiting for their answer.",
    "Carrier confirmed the return scan.",
    "Payment provider asked for the transaction reference.",
)
PAYMENT_ERRORS = ("Card declined", "Insufficient funds", "3-D Secure authentication failed")

PRODUCTS = (
    ("RO-SNEAKER-42", "Pantofi sport", "Mărimea 42", "89.90"),
    ("RO-DRESS-M", "Rochie de vară", "M", "59.00"),
    ("RO-BLOUSE-S", "Ie tradițională", "S", "120.00"),
    ("RO-MUG", "Cană de ceramică pictată", "", "12.50"),
    ("PL-JACKET-L", "Kurtka zimowa", "L", "149.00"),
    ("PL-BACKPACK", "Plecak miejski", "", "45.00"),
    ("PL-THERMO", "Kubek termiczny", "450 ml", "19.99"),
    ("PL-SWEATER-M", "Sweter wełniany", "M", "79.00"),
    ("FA-SCARF", "شال گردن ابریشمی", "", "39.50"),
    ("FA-RUG", "فرش دستباف کوچک", "۶۰×۹۰", "210.00"),
    ("FA-SAFFRON", "زعفران ممتاز", "۱۰ گرم", "24.00"),
    ("FA-TEAPOT", "قوری چینی", "", "32.00"),
    ("EN-BEANIE", "Wool beanie", "", "18.00"),
    ("EN-WALLET", "Leather wallet", "", "55.00"),
    ("EN-SOCKS-3", "Running socks", "3-pack", "14.90"),
    ("EN-LAMP", "Desk lamp", "", "42.00"),
)
