import { act, fireEvent, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { ApiError } from "../../api/client";
import type { BusinessCalendar } from "../../api/typesSettingsSla";
import { LEAD, fakeRequest, renderWith } from "../../test/render";
import { ViewerContext } from "../../viewer";
import { CalendarsSettings } from "./Calendars";

const WEEK = ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"] as const;

function calendar(overrides: Partial<BusinessCalendar> = {}): BusinessCalendar {
  return {
    id: "cal-1",
    name: "Business hours",
    timeZone: "Europe/Bucharest",
    intervals: WEEK.map((weekday) => ({ weekday, start: "09:00", end: "17:00" })),
    holidays: [],
    ...overrides,
  };
}

type Answers = Parameters<typeof fakeRequest>[0];

function renderCalendars(answers: Answers) {
  const fake = fakeRequest({ SlaCalendars: { supportBusinessCalendars: [calendar()] }, ...answers });
  renderWith(
    <ViewerContext.Provider value={LEAD}>
      <CalendarsSettings />
    </ViewerContext.Provider>,
    { request: fake.request },
  );
  return fake;
}

function describedText(element: HTMLElement): string | null | undefined {
  const id = element.getAttribute("aria-describedby");
  return id ? document.getElementById(id)?.textContent : null;
}

const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

describe("Business calendars", () => {
  it("lists calendars with their weekly hours and holidays", async () => {
    renderCalendars({});

    const row = (await screen.findByText("Business hours")).closest("tr") as HTMLElement;
    expect(within(row).getByText("Europe/Bucharest")).toBeTruthy();
    expect(within(row).getByText("40 hr a week (Mon, Tue, Wed, Thu, Fri)")).toBeTruthy();
  });

  it("sends a new calendar with two Monday openings and a holiday", async () => {
    const { calls } = renderCalendars({
      SlaCalendarCreate: (variables) => ({
        supportBusinessCalendarCreate: {
          calendar: { id: "cal-2", ...(variables.input as object) },
          errors: [],
        },
      }),
    });
    fireEvent.click(await screen.findByRole("button", { name: "Add calendar" }));

    type("Name", "Weekend desk");
    fireEvent.change(screen.getByLabelText("Time zone"), { target: { value: "Europe/Warsaw" } });
    for (const day of ["Tuesday", "Wednesday", "Thursday", "Friday"]) {
      fireEvent.click(screen.getByRole("button", { name: `Remove opening 1 on ${day}` }));
    }
    type("Monday, opening 1, until", "12:00");
    fireEvent.click(screen.getByRole("button", { name: "Add an opening on Monday" }));
    type("Monday, opening 2, from", "13:00");
    type("Monday, opening 2, until", "24:00");
    fireEvent.click(screen.getByRole("button", { name: "Add holiday" }));
    type("Holiday 1, date", "2026-12-25");
    type("Holiday 1, name", " Christmas ");
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Save" })));

    expect(calls.find((call) => call.operation === "SlaCalendarCreate")?.variables).toEqual({
      input: {
        name: "Weekend desk",
        timeZone: "Europe/Warsaw",
        intervals: [
          { weekday: "MONDAY", start: "09:00", end: "12:00" },
          { weekday: "MONDAY", start: "13:00", end: "24:00" },
        ],
        holidays: [{ date: "2026-12-25", name: "Christmas" }],
      },
    });
    expect(await screen.findByText("Calendar saved.")).toBeTruthy();
    const row = screen.getByText("Weekend desk").closest("tr") as HTMLElement;
    expect(within(row).getByText("14 hr a week (Mon)")).toBeTruthy();
  });

  it("adds a holiday to an existing calendar, keeping its openings", async () => {
    const { calls } = renderCalendars({
      SlaCalendarUpdate: (variables) => ({
        supportBusinessCalendarUpdate: { calendar: { id: "cal-1", ...(variables.input as object) }, errors: [] },
      }),
    });
    fireEvent.click(await screen.findByRole("button", { name: "Edit Business hours" }));
    fireEvent.click(screen.getByRole("button", { name: "Add holiday" }));
    type("Holiday 1, date", "2026-12-01");
    type("Holiday 1, name", "Ziua Națională");
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Save" })));

    expect(calls.find((call) => call.operation === "SlaCalendarUpdate")?.variables).toEqual({
      id: "cal-1",
      input: {
        name: "Business hours",
        timeZone: "Europe/Bucharest",
        intervals: WEEK.map((weekday) => ({ weekday, start: "09:00", end: "17:00" })),
        holidays: [{ date: "2026-12-01", name: "Ziua Națională" }],
      },
    });
    expect(await screen.findByText("Calendar saved.")).toBeTruthy();
  });

  it("shows overlapping openings at both rows of the day", async () => {
    renderCalendars({
      SlaCalendarUpdate: {
        supportBusinessCalendarUpdate: {
          calendar: null,
          errors: [{ field: "intervals", code: "OVERLAPPING_INTERVALS", message: "On Monday, 09:00-17:00 overlaps 11:00-13:00." }],
        },
      },
    });
    fireEvent.click(await screen.findByRole("button", { name: "Edit Business hours" }));
    fireEvent.click(screen.getByRole("button", { name: "Add an opening on Monday" }));
    type("Monday, opening 2, from", "11:00");
    type("Monday, opening 2, until", "13:00");
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Save" })));

    const second = screen.getByLabelText("Monday, opening 2, from");
    expect(second.getAttribute("aria-invalid")).toBe("true");
    expect(describedText(second)).toBe("Overlaps 09:00–17:00 on the same day.");
    expect(describedText(screen.getByLabelText("Monday, opening 1, until"))).toBe("Overlaps 11:00–13:00 on the same day.");
    expect(screen.getByLabelText("Tuesday, opening 1, from").getAttribute("aria-invalid")).toBeNull();
  });

  it("shows a time that is not HH:MM at its row", async () => {
    renderCalendars({
      SlaCalendarUpdate: {
        supportBusinessCalendarUpdate: {
          calendar: null,
          errors: [{ field: "intervals", code: "INVALID_TIME", message: "'25:00' is not a time of day." }],
        },
      },
    });
    fireEvent.click(await screen.findByRole("button", { name: "Edit Business hours" }));
    type("Wednesday, opening 1, until", "25:00");
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Save" })));

    expect(describedText(screen.getByLabelText("Wednesday, opening 1, until"))).toBe(
      "Write HH:MM from 00:00 to 24:00, the end after the start.",
    );
    expect(screen.getByLabelText("Monday, opening 1, until").getAttribute("aria-invalid")).toBeNull();
  });

  it("shows an unknown time zone and a taken name at their fields", async () => {
    renderCalendars({
      SlaCalendarUpdate: {
        supportBusinessCalendarUpdate: {
          calendar: null,
          errors: [{ field: "name", code: "UNIQUE", message: "Another calendar has this name." }],
        },
      },
    });
    fireEvent.click(await screen.findByRole("button", { name: "Edit Business hours" }));
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Save" })));

    expect(describedText(screen.getByLabelText("Name"))).toBe("Another calendar has this name.");
    expect(screen.getByLabelText("Time zone").getAttribute("aria-invalid")).toBeNull();
  });

  it("names a holiday without a date and sends nothing", async () => {
    const { calls } = renderCalendars({});
    fireEvent.click(await screen.findByRole("button", { name: "Edit Business hours" }));
    fireEvent.click(screen.getByRole("button", { name: "Add holiday" }));
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Save" })));

    expect(describedText(screen.getByLabelText("Holiday 1, date"))).toBe("Choose a date.");
    expect(calls.map((call) => call.operation)).toEqual(["SlaCalendars"]);
  });

  it("says a calendar in use cannot be deleted", async () => {
    const { calls } = renderCalendars({
      SlaCalendarDelete: {
        supportBusinessCalendarDelete: {
          id: null,
          errors: [{ field: "id", code: "IN_USE", message: "Policies use this calendar; give them another one first." }],
        },
      },
    });
    fireEvent.click(await screen.findByRole("button", { name: "Edit Business hours" }));
    fireEvent.click(screen.getByRole("button", { name: "Delete calendar" }));
    expect(calls.map((call) => call.operation)).toEqual(["SlaCalendars"]);
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Yes, delete" })));

    expect(calls.at(-1)).toEqual({ operation: "SlaCalendarDelete", variables: { id: "cal-1" } });
    expect((await screen.findByRole("alert")).textContent).toBe(
      "SLA policies use this calendar. Give them another calendar first, then delete it.",
    );
  });

  it("says when the lead may not change calendars", async () => {
    renderCalendars({ SlaCalendarUpdate: new ApiError("forbidden", "No.", "PERMISSION_DENIED") });
    fireEvent.click(await screen.findByRole("button", { name: "Edit Business hours" }));
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Save" })));

    expect((await screen.findByRole("alert")).textContent).toBe(
      "Only team leads, managers and support administrators can change this.",
    );
  });

  it("offers a retry when the desk cannot be reached", async () => {
    let attempts = 0;
    renderCalendars({
      SlaCalendars: () => {
        attempts += 1;
        return attempts === 1 ? new ApiError("network", "down") : { supportBusinessCalendars: [calendar()] };
      },
    });

    expect((await screen.findByRole("alert")).textContent).toContain("The support desk cannot be reached.");
    fireEvent.click(screen.getByRole("button", { name: "Retry" }));
    expect(await screen.findByText("Business hours")).toBeTruthy();
  });
});
