/** Satisfaction surveys: what the customer answered before, beside the ticket. */

const en = {
  "surveys.title": "Previous satisfaction",
  "surveys.none": "No survey answers yet.",
  "surveys.responses": "Surveys answered",
  "surveys.csatAgent": "CSAT agent",
  "surveys.csatResolution": "CSAT resolution",
  "surveys.latestNps": "Latest NPS",
  "surveys.notAnswered": "not answered",
  "surveys.percent": "{value}%",
  "surveys.score": "{score}/{max}",
  "surveys.npsAnswers": "NPS answers: {count}",
  "surveys.recent": "Latest answers",
  "surveys.thisTicket": "This ticket's survey",
  "surveys.openTicket": "Open ticket #{number}",
  "surveys.question.CSAT_AGENT": "Help from the agent",
  "surveys.question.CSAT_RESOLUTION": "Outcome (product, delivery)",
  "surveys.question.NPS": "Would recommend the shop",
} as const;

type Keys = keyof typeof en;

export const surveysMessages: {
  en: typeof en;
  ro: Record<Keys, string>;
  pl: Record<Keys, string>;
  fa: Record<Keys, string>;
} = {
  en,
  ro: {
    "surveys.title": "Satisfacția de până acum",
    "surveys.none": "Niciun răspuns la chestionare încă.",
    "surveys.responses": "Chestionare completate",
    "surveys.csatAgent": "CSAT agent",
    "surveys.csatResolution": "CSAT rezolvare",
    "surveys.latestNps": "Ultimul NPS",
    "surveys.notAnswered": "fără răspuns",
    "surveys.percent": "{value} %",
    "surveys.score": "{score}/{max}",
    "surveys.npsAnswers": "Răspunsuri NPS: {count}",
    "surveys.recent": "Ultimele răspunsuri",
    "surveys.thisTicket": "Chestionarul acestui tichet",
    "surveys.openTicket": "Deschide tichetul #{number}",
    "surveys.question.CSAT_AGENT": "Ajutorul agentului",
    "surveys.question.CSAT_RESOLUTION": "Rezultatul (produs, livrare)",
    "surveys.question.NPS": "Ar recomanda magazinul",
  },
  pl: {
    "surveys.title": "Dotychczasowe zadowolenie",
    "surveys.none": "Brak odpowiedzi na ankiety.",
    "surveys.responses": "Wypełnione ankiety",
    "surveys.csatAgent": "CSAT konsultant",
    "surveys.csatResolution": "CSAT rozwiązanie",
    "surveys.latestNps": "Ostatni NPS",
    "surveys.notAnswered": "bez odpowiedzi",
    "surveys.percent": "{value}%",
    "surveys.score": "{score}/{max}",
    "surveys.npsAnswers": "Odpowiedzi NPS: {count}",
    "surveys.recent": "Ostatnie odpowiedzi",
    "surveys.thisTicket": "Ankieta tego zgłoszenia",
    "surveys.openTicket": "Otwórz zgłoszenie #{number}",
    "surveys.question.CSAT_AGENT": "Pomoc konsultanta",
    "surveys.question.CSAT_RESOLUTION": "Wynik (produkt, dostawa)",
    "surveys.question.NPS": "Poleciłby sklep",
  },
  fa: {
    "surveys.title": "رضایت پیشین",
    "surveys.none": "هنوز پاسخی به نظرسنجی‌ها نیست.",
    "surveys.responses": "نظرسنجی‌های پاسخ‌داده",
    "surveys.csatAgent": "CSAT کارشناس",
    "surveys.csatResolution": "CSAT نتیجه",
    "surveys.latestNps": "آخرین NPS",
    "surveys.notAnswered": "بی‌پاسخ",
    "surveys.percent": "{value}٪",
    "surveys.score": "{score}/{max}",
    "surveys.npsAnswers": "پاسخ‌های NPS: {count}",
    "surveys.recent": "آخرین پاسخ‌ها",
    "surveys.thisTicket": "نظرسنجی این تیکت",
    "surveys.openTicket": "باز کردن تیکت #{number}",
    "surveys.question.CSAT_AGENT": "کمک کارشناس",
    "surveys.question.CSAT_RESOLUTION": "نتیجه (کالا، ارسال)",
    "surveys.question.NPS": "فروشگاه را توصیه می‌کند",
  },
};
