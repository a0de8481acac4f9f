/** A business calendar as the editor holds it, and where the API's errors about it belong. */
import {
  WEEKDAYS,
  type BusinessCalendar,
  type BusinessCalendarInput,
  type SlaError,
  type Weekday,
} from "../../../api/typesSettingsSla";

export interface IntervalRow {
  key: number;
  weekday: Weekday;
  start: string;
  end: string;
}

export interface HolidayRow {
  key: number;
  date: string;
  name: string;
}

export interface CalendarDraft {
  name: string;
  timeZone: string;
  intervals: IntervalRow[];
  holidays: HolidayRow[];
}

let nextKey = 1;
export function rowKey(): number {
  nextKey += 1;
  return nextKey;
}

export function emptyDraft(timeZone: string): CalendarDraft {
  return {
    name: "",
    timeZone,
    intervals: WEEKDAYS.slice(0, 5).map((weekday) => ({ key: rowKey(), weekday, start: "09:00", end: "17:00" })),
    holidays: [],
  };
}

export function toDraft(calendar: BusinessCalendar): CalendarDraft {
  return {
    name: calendar.name,
    timeZone: calendar.timeZone,
    intervals: calendar.intervals.map((interval) => ({ key: rowKey(), ...interval })),
    holidays: calendar.holidays.map((holiday) => ({ key: rowKey(), ...holiday })),
  };
}

/** The input the API takes: intervals by weekday, in the order they were written. */
export function toInput(draft: CalendarDraft): BusinessCalendarInput {
  return {
    name: draft.name.trim(),
    timeZone: draft.timeZone.trim(),
    intervals: WEEKDAYS.flatMap((weekday) =>
      draft.intervals
        .filter((row) => row.weekday === weekday)
        .map((row) => ({ weekday, start: row.start.trim(), end: row.end.trim() })),
    ),
    holidays: draft.holidays.map((row) => ({ date: row.date, name: row.name.trim() })),
  };
}

/** Minute of the day of `HH:MM` (`24:00` is 1440), or null when it is not a time of day. */
export function minuteOfDay(text: string): number | null {
  const match = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(text.trim());
  if (!match) return null;
  const minute = Number(match[1]) * 60 + Number(match[2]);
  return minute <= 1440 ? minute : null;
}

/** Business minutes the calendar is open in a week (rows that are not valid count nothing). */
export function weeklyMinutes(intervals: readonly { start: string; end: string }[]): number {
  return intervals.reduce((total, interval) => {
    const start = minuteOfDay(interval.start);
    const end = minuteOfDay(interval.end);
    return start !== null && end !== null && end > start ? total + end - start : total;
  }, 0);
}

export type RowProblem =
  | { kind: "time" }
  | { kind: "overlap"; other: IntervalRow }
  | { kind: "duplicate" }
  | { kind: "tooLong" }
  | { kind: "required" };

/**
 * The rows an interval error is about, found the way the API checks them: a time that is not
 * HH:MM (or an end not after its start) for INVALID_TIME, intervals of one day sharing time for
 * OVERLAPPING_INTERVALS. Empty when the rows do not show it (the error then stays on the list).
 */
export function intervalProblems(rows: readonly IntervalRow[], error: SlaError): Map<number, RowProblem> {
  const problems = new Map<number, RowProblem>();
  if (error.code === "INVALID_TIME") {
    for (const row of rows) {
      const start = minuteOfDay(row.start);
      const end = minuteOfDay(row.end);
      if (start === null || end === null || end <= start) problems.set(row.key, { kind: "time" });
    }
  }
  if (error.code === "OVERLAPPING_INTERVALS") {
    for (const weekday of WEEKDAYS) {
      const day = rows
        .filter((row) => row.weekday === weekday)
        .map((row) => ({ row, start: minuteOfDay(row.start), end: minuteOfDay(row.end) }));
      for (const [index, item] of day.entries()) {
        if (item.start === null || item.end === null) continue;
        for (const other of day.slice(index + 1)) {
          if (other.start === null || other.end === null) continue;
          if (item.start < other.end && other.start < item.end) {
            if (!problems.has(item.row.key)) problems.set(item.row.key, { kind: "overlap", other: other.row });
            if (!problems.has(other.row.key)) problems.set(other.row.key, { kind: "overlap", other: item.row });
          }
        }
      }
    }
  }
  return problems;
}

/** The holiday rows an error is about: a date listed twice, a name too long, a missing date. */
export function holidayProblems(rows: readonly HolidayRow[], error: SlaError): Map<number, RowProblem> {
  const problems = new Map<number, RowProblem>();
  if (error.code === "INVALID") {
    const seen = new Map<string, number>();
    for (const row of rows) {
      const first = seen.get(row.date);
      if (first !== undefined) {
        problems.set(first, { kind: "duplicate" });
        problems.set(row.key, { kind: "duplicate" });
      } else {
        seen.set(row.date, row.key);
      }
    }
  }
  if (error.code === "TOO_LONG") {
    for (const row of rows) if (row.name.trim().length > 128) problems.set(row.key, { kind: "tooLong" });
  }
  return problems;
}

/** Holiday rows without a date: the API cannot take them, so they are named before sending. */
export function missingDates(rows: readonly HolidayRow[]): Map<number, RowProblem> {
  return new Map(rows.filter((row) => !row.date).map((row) => [row.key, { kind: "required" } as RowProblem]));
}
