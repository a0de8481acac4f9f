/** Pieces of the calendar and SLA policy settings: lengths of business time, weekday names. */
import { useI18n } from "../../../i18n";

/** Hours and minutes of a length of business time ("4 h", "1 h 30 min"), never in days. */
export function useBusinessTime(): (minutes: number) => string {
  const { locale } = useI18n();
  return (minutes) => {
    const unit = (name: "hour" | "minute", value: number) =>
      new Intl.NumberFormat(locale, { style: "unit", unit: name, unitDisplay: "short" }).format(value);
    const hours = Math.floor(minutes / 60);
    const rest = minutes % 60;
    if (!hours) return unit("minute", rest);
    return rest ? `${unit("hour", hours)} ${unit("minute", rest)}` : unit("hour", hours);
  };
}

/** Weekday names in the agent's language, Monday first. */
export function useWeekdayNames(style: "long" | "short" = "long"): string[] {
  const { locale } = useI18n();
  const format = new Intl.DateTimeFormat(locale, { weekday: style, timeZone: "UTC" });
  // 2024-01-01 was a Monday.
  return Array.from({ length: 7 }, (_, day) => format.format(new Date(Date.UTC(2024, 0, 1 + day))));
}
