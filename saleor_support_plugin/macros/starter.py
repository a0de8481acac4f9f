"""Shared macros a store can start from, in English, Romanian, Polish and Persian.

Short, warm and concrete: greet by first name, say what happened with the numbers the
customer needs, say what happens next, sign with the agent's first name. The sandbox seeds
them; a merchant edits or deletes them like any other macro.
"""

from dataclasses import dataclass

from ..tickets import TicketStatus
from ..tickets.actors import Actor
from . import MacroVisibility
from .actions import create_macro
from .cleaning import MacroActions
from .models import Macro


@dataclass(frozen=True)
class StarterMacro:
    name: str
    group: str
    translations: dict[str, str]
    actions: MacroActions


STARTER_MACROS: tuple[StarterMacro, ...] = (
    StarterMacro(
        name="Order on its way",
        group="Delivery",
        translations={
            "": (
                "<p>Hello {{ customer.first_name }},</p>"
                "<p>good news: order #{{ order.number }} is on its way. You can follow the"
                " parcel with tracking number {{ order.tracking_numbers }}.</p>"
                "<p>If anything is wrong when it arrives, just reply to this message.</p>"
                "<p>{{ agent.first_name }}</p>"
            ),
            "ro": (
                "<p>Bună ziua, {{ customer.first_name }},</p>"
                "<p>vești bune: comanda #{{ order.number }} este pe drum. Puteți urmări"
                " coletul cu numărul de urmărire {{ order.tracking_numbers }}.</p>"
                "<p>Dacă ceva nu este în regulă la livrare, răspundeți la acest mesaj.</p>"
                "<p>{{ agent.first_name }}</p>"
            ),
            "pl": (
                "<p>Dzień dobry, {{ customer.first_name }},</p>"
                "<p>dobra wiadomość: zamówienie #{{ order.number }} jest już w drodze."
                " Przesyłkę można śledzić pod numerem {{ order.tracking_numbers }}.</p>"
                "<p>Jeśli coś będzie nie tak z dostawą, wystarczy odpowiedzieć na tę"
                " wiadomość.</p>"
                "<p>{{ agent.first_name }}</p>"
            ),
            "fa": (
                "<p>سلام {{ customer.first_name }} عزیز،</p>"
                "<p>خبر خوب: سفارش #{{ order.number }} در راه است. می‌توانید بسته را با کد"
                " رهگیری {{ order.tracking_numbers }} دنبال کنید.</p>"
                "<p>اگر هنگام تحویل مشکلی بود، کافی است به همین پیام پاسخ دهید.</p>"
                "<p>{{ agent.first_name }}</p>"
            ),
        },
        actions=MacroActions(status=TicketStatus.SOLVED, add_tags=("tracking-sent",)),
    ),
    StarterMacro(
        name="Refund issued",
        group="Refunds",
        translations={
            "": (
                "<p>Hello {{ customer.first_name }},</p>"
                "<p>we have refunded {{ order.refunded }} for order #{{ order.number }}."
                " Depending on your bank, the money reaches your account within 3–5 working"
                " days.</p>"
                "<p>Thank you for your patience,<br>{{ agent.name }}</p>"
            ),
            "ro": (
                "<p>Bună ziua, {{ customer.first_name }},</p>"
                "<p>am rambursat {{ order.refunded }} pentru comanda #{{ order.number }}."
                " În funcție de bancă, banii ajung în cont în 3–5 zile lucrătoare.</p>"
                "<p>Vă mulțumim pentru răbdare,<br>{{ agent.name }}</p>"
            ),
            "pl": (
                "<p>Dzień dobry, {{ customer.first_name }},</p>"
                "<p>zwróciliśmy {{ order.refunded }} za zamówienie #{{ order.number }}."
                " W zależności od banku środki pojawią się na koncie w ciągu 3–5 dni"
                " roboczych.</p>"
                "<p>Dziękujemy za cierpliwość,<br>{{ agent.name }}</p>"
            ),
            "fa": (
                "<p>سلام {{ customer.first_name }} عزیز،</p>"
                "<p>مبلغ {{ order.refunded }} برای سفارش #{{ order.number }} بازپرداخت شد."
                " بسته به بانک شما، این مبلغ ظرف ۳ تا ۵ روز کاری به حسابتان برمی‌گردد.</p>"
                "<p>از صبر شما سپاسگزاریم،<br>{{ agent.name }}</p>"
            ),
        },
        actions=MacroActions(
            status=TicketStatus.SOLVED, category_slug="refund", add_tags=("refunded",)
        ),
    ),
    StarterMacro(
        name="Return approved",
        group="Returns",
        translations={
            "": (
                "<p>Hello {{ customer.first_name }},</p>"
                "<p>your return for order #{{ order.number }} is approved. Please pack the"
                " items in their original packaging and send them back within 14 days; once"
                " the parcel reaches us, we refund you within 3 working days.</p>"
                "<p>{{ agent.first_name }}</p>"
            ),
            "ro": (
                "<p>Bună ziua, {{ customer.first_name }},</p>"
                "<p>returul pentru comanda #{{ order.number }} a fost aprobat. Vă rugăm să"
                " ambalați produsele în ambalajul original și să le trimiteți înapoi în"
                " 14 zile; după ce coletul ajunge la noi, vă rambursăm banii în 3 zile"
                " lucrătoare.</p>"
                "<p>{{ agent.first_name }}</p>"
            ),
            "pl": (
                "<p>Dzień dobry, {{ customer.first_name }},</p>"
                "<p>zwrot do zamówienia #{{ order.number }} został zaakceptowany. Prosimy"
                " zapakować produkty w oryginalne opakowanie i odesłać je w ciągu 14 dni;"
                " gdy paczka do nas dotrze, zwrócimy pieniądze w ciągu 3 dni roboczych.</p>"
                "<p>{{ agent.first_name }}</p>"
            ),
            "fa": (
                "<p>سلام {{ customer.first_name }} عزیز،</p>"
                "<p>درخواست مرجوعی سفارش #{{ order.number }} تأیید شد. لطفاً کالاها را در"
                " بسته‌بندی اصلی ظرف ۱۴ روز برای ما بفرستید؛ پس از رسیدن بسته، مبلغ را ظرف"
                " ۳ روز کاری بازپرداخت می‌کنیم.</p>"
                "<p>{{ agent.first_name }}</p>"
            ),
        },
        actions=MacroActions(
            status=TicketStatus.PENDING, category_slug="return", add_tags=("return-approved",)
        ),
    ),
    StarterMacro(
        name="Asking for a photo of the damage",
        group="Returns",
        translations={
            "": (
                "<p>Hello {{ customer.first_name }},</p>"
                "<p>we are sorry that order #{{ order.number }} arrived damaged. Could you"
                " send us a photo of the damaged item and of the parcel? It helps us sort"
                " this out quickly, with a replacement or a refund, as you prefer.</p>"
                "<p>{{ agent.first_name }}</p>"
            ),
            "ro": (
                "<p>Bună ziua, {{ customer.first_name }},</p>"
                "<p>ne pare rău că comanda #{{ order.number }} a ajuns deteriorată. Ne puteți"
                " trimite o fotografie a produsului deteriorat și a coletului? Ne ajută să"
                " rezolvăm repede, cu un produs nou sau cu banii înapoi, cum preferați.</p>"
                "<p>{{ agent.first_name }}</p>"
            ),
            "pl": (
                "<p>Dzień dobry, {{ customer.first_name }},</p>"
                "<p>przykro nam, że zamówienie #{{ order.number }} dotarło uszkodzone."
                " Prosimy o zdjęcie uszkodzonego produktu i paczki – dzięki temu szybko"
                " wyślemy nowy produkt albo zwrócimy pieniądze, jak będzie wygodniej.</p>"
                "<p>{{ agent.first_name }}</p>"
            ),
            "fa": (
                "<p>سلام {{ customer.first_name }} عزیز،</p>"
                "<p>متأسفیم که سفارش #{{ order.number }} آسیب‌دیده به دستتان رسید. لطفاً یک"
                " عکس از کالای آسیب‌دیده و بسته برای ما بفرستید تا هر چه زودتر، با ارسال"
                " کالای جدید یا بازپرداخت مبلغ، موضوع را حل کنیم.</p>"
                "<p>{{ agent.first_name }}</p>"
            ),
        },
        actions=MacroActions(
            status=TicketStatus.PENDING, category_slug="complaint", add_tags=("damaged",)
        ),
    ),
)


def create_starter_macros(*, actor: Actor | None = None) -> list[Macro]:
    """Create the starter macros that are not there yet (by name); return the new ones."""
    existing = {
        name.lower()
        for name in Macro.objects.filter(visibility=MacroVisibility.SHARED).values_list(
            "name", flat=True
        )
    }
    return [
        create_macro(
            actor=actor or Actor.system(),
            name=starter.name,
            visibility=MacroVisibility.SHARED,
            translations=starter.translations,
            actions=starter.actions,
            group=starter.group,
            position=position,
        )
        for position, starter in enumerate(STARTER_MACROS)
        if starter.name.lower() not in existing
    ]
