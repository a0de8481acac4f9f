/** One business calendar: name, time zone, openings per weekday, holidays; saved or deleted. */
import { Button, Text } from "@saleor/macaw-ui";
import { useId, useMemo, useState } from "react";

import { SLA_CALENDAR_CREATE, SLA_CALENDAR_DELETE, SLA_CALENDAR_UPDATE } from "../../../api/operationsSettingsSla";
import { WEEKDAYS, type BusinessCalendar, type SlaError, type Weekday } from "../../../api/typesSettingsSla";
import { SelectField } from "../../../components/common";
import { useI18n } from "../../../i18n";
import { EditorForm, useEditor } from "../shared/editor";
import { ErrorText, FormErrors, TextField, codeText, fieldErrors } from "../shared/fields";
import {
  emptyDraft,
  holidayProblems,
  intervalProblems,
  missingDates,
  rowKey,
  toDraft,
  toInput,
  type CalendarDraft,
  type RowProblem,
} from "./calendarModel";
import { useWeekdayNames } from "./parts";

const FIELDS: ReadonlySet<string> = new Set(["name", "timeZone", "intervals", "holidays"]);

/** IANA zones the browser knows, with the calendar's own and UTC when it leaves them out. */
function timeZones(current: string): string[] | null {
  const supported = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : null;
  if (!supported) return null;
  const zones = new Set(supported);
  zones.add("UTC");
  if (current) zones.add(current);
  return [...zones].sort();
}

export function CalendarEditor({
  calendar,
  defaultTimeZone,
  onSaved,
  onDeleted,
  onCancel,
}: {
  calendar: BusinessCalendar | null;
  defaultTimeZone: string;
  onSaved: (calendar: BusinessCalendar) => void;
  onDeleted: (id: string) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const weekdayNames = useWeekdayNames();
  const [draft, setDraft] = useState<CalendarDraft>(() => (calendar ? toDraft(calendar) : emptyDraft(defaultTimeZone)));
  const [missing, setMissing] = useState<Map<number, RowProblem>>(new Map());
  const editor = useEditor<BusinessCalendar, SlaError>({
    id: calendar?.id ?? null,
    create: SLA_CALENDAR_CREATE,
    update: SLA_CALENDAR_UPDATE,
    remove: SLA_CALENDAR_DELETE,
    field: "calendar",
    onSaved,
    onDeleted,
  });
  // The first refusal is shown, at its field or row when it names one.
  const error = editor.errors[0] ?? null;
  const baseId = useId();
  const problemId = (key: number) => `${baseId}-row-${key}`;
  const zones = useMemo(() => timeZones(draft.timeZone), [draft.timeZone]);

  const errorText = (found: SlaError) => codeText(t, [`settings.calendars.error.${found.code}`], found);
  const fieldError = fieldErrors(error ? [error] : [], errorText);
  const intervalRows = error?.field === "intervals" ? intervalProblems(draft.intervals, error) : new Map<number, RowProblem>();
  const holidayRows =
    missing.size > 0 ? missing : error?.field === "holidays" ? holidayProblems(draft.holidays, error) : new Map<number, RowProblem>();

  const update = (change: Partial<CalendarDraft>) => setDraft((current) => ({ ...current, ...change }));

  const save = () => {
    const undated = missingDates(draft.holidays);
    setMissing(undated);
    if (undated.size > 0) return;
    void editor.save(toInput(draft));
  };

  const rowText = (problem: RowProblem | undefined): string | null => {
    if (!problem) return null;
    switch (problem.kind) {
      case "time":
        return t("settings.calendars.error.rowTime");
      case "overlap":
        return t("settings.calendars.error.rowOverlap", { start: problem.other.start, end: problem.other.end });
      case "duplicate":
        return t("settings.calendars.error.holidayTwice");
      case "tooLong":
        return t("error.code.TOO_LONG");
      case "required":
        return t("settings.calendars.error.holidayDate");
    }
  };

  const addInterval = (weekday: Weekday) =>
    update({ intervals: [...draft.intervals, { key: rowKey(), weekday, start: "09:00", end: "17:00" }] });
  const setInterval = (key: number, change: { start?: string; end?: string }) =>
    update({ intervals: draft.intervals.map((row) => (row.key === key ? { ...row, ...change } : row)) });
  const removeInterval = (key: number) => update({ intervals: draft.intervals.filter((row) => row.key !== key) });
  const setHoliday = (key: number, change: { date?: string; name?: string }) =>
    update({ holidays: draft.holidays.map((row) => (row.key === key ? { ...row, ...change } : row)) });

  const intervalsError = error?.field === "intervals" && intervalRows.size === 0 ? fieldError("intervals") : null;
  const holidaysError = error?.field === "holidays" && holidayRows.size === 0 ? fieldError("holidays") : null;

  return (
    <EditorForm
      editor={editor}
      title={calendar ? calendar.name : t("settings.calendars.newTitle")}
      onSave={save}
      onCancel={onCancel}
      errors={<FormErrors errors={error ? [error] : []} shown={FIELDS} text={errorText} />}
      deletion={
        calendar && {
          label: t("settings.calendars.delete"),
          question: t("settings.calendars.deleteQuestion", { name: calendar.name }),
        }
      }
    >
      <div className="desk-cfg-row">
        <TextField
          label={t("settings.calendars.name")}
          value={draft.name}
          onChange={(name) => update({ name })}
          error={fieldError("name")}
          maxLength={128}
          required
        />
        {zones ? (
          <SelectField
            label={t("settings.calendars.timeZone")}
            value={draft.timeZone}
            options={zones.map((zone) => ({ value: zone, label: zone.replace(/_/g, " ") }))}
            onChange={(timeZone) => update({ timeZone })}
            error={fieldError("timeZone")}
          />
        ) : (
          <TextField
            label={t("settings.calendars.timeZone")}
            value={draft.timeZone}
            onChange={(timeZone) => update({ timeZone })}
            error={fieldError("timeZone")}
            placeholder="Europe/Bucharest"
          />
        )}
      </div>

      <fieldset className="desk-cfg-fieldset">
        <legend>{t("settings.calendars.opening")}</legend>
        <Text as="p" size={2} className="desk-muted">
          {t("settings.calendars.openingHint")}
        </Text>
        <ErrorText>{intervalsError}</ErrorText>
        <div className="desk-cfg-week">
          {WEEKDAYS.map((weekday, dayIndex) => {
            const day = weekdayNames[dayIndex] ?? weekday;
            const rows = draft.intervals.filter((row) => row.weekday === weekday);
            return (
              <div className="desk-cfg-day" key={weekday} role="group" aria-label={day}>
                <span className="desk-cfg-day-name">{day}</span>
                <div className="desk-cfg-day-rows">
                  {rows.length === 0 ? <span className="desk-muted">{t("settings.calendars.closed")}</span> : null}
                  {rows.map((row, index) => {
                    const problem = rowText(intervalRows.get(row.key));
                    const number = index + 1;
                    return (
                      <div className="desk-cfg-interval" key={row.key} data-invalid={problem ? "true" : undefined}>
                        <div className="desk-cfg-interval-times">
                          <TextField
                            label={t("settings.calendars.from", { day, number })}
                            labelHidden
                            value={row.start}
                            onChange={(start) => setInterval(row.key, { start })}
                            error={null}
                            aria-invalid={problem ? true : undefined}
                            aria-describedby={problem ? problemId(row.key) : undefined}
                            placeholder="09:00"
                            inputMode="numeric"
                            size={5}
                            maxLength={5}
                          />
                          <span aria-hidden="true">–</span>
                          <TextField
                            label={t("settings.calendars.to", { day, number })}
                            labelHidden
                            value={row.end}
                            onChange={(end) => setInterval(row.key, { end })}
                            error={null}
                            aria-invalid={problem ? true : undefined}
                            aria-describedby={problem ? problemId(row.key) : undefined}
                            placeholder="17:00"
                            inputMode="numeric"
                            size={5}
                            maxLength={5}
                          />
                          <Button
                            type="button"
                            variant="tertiary"
                            size="small"
                            aria-label={t("settings.calendars.removeInterval", { day, number })}
                            onClick={() => removeInterval(row.key)}
                          >
                            {t("settings.common.remove")}
                          </Button>
                        </div>
                        <ErrorText id={problemId(row.key)}>{problem}</ErrorText>
                      </div>
                    );
                  })}
                </div>
                <Button
                  type="button"
                  variant="secondary"
                  size="small"
                  aria-label={t("settings.calendars.addIntervalOn", { day })}
                  onClick={() => addInterval(weekday)}
                >
                  {t("settings.calendars.addInterval")}
                </Button>
              </div>
            );
          })}
        </div>
      </fieldset>

      <fieldset className="desk-cfg-fieldset">
        <legend>{t("settings.calendars.holidays")}</legend>
        <Text as="p" size={2} className="desk-muted">
          {t("settings.calendars.holidaysHint")}
        </Text>
        <ErrorText>{holidaysError}</ErrorText>
        {draft.holidays.length === 0 ? <Text as="p">{t("settings.calendars.noHolidays")}</Text> : null}
        {draft.holidays.map((row, index) => {
          const number = index + 1;
          const problem = rowText(holidayRows.get(row.key));
          return (
            <div className="desk-cfg-holiday" key={row.key}>
              <TextField
                label={t("settings.calendars.holidayDate", { number })}
                labelHidden
                type="date"
                value={row.date}
                onChange={(date) => setHoliday(row.key, { date })}
                error={problem}
              />
              <TextField
                label={t("settings.calendars.holidayName", { number })}
                labelHidden
                value={row.name}
                onChange={(name) => setHoliday(row.key, { name })}
                placeholder={t("settings.calendars.holidayNamePlaceholder")}
                maxLength={128}
              />
              <Button
                type="button"
                variant="tertiary"
                size="small"
                aria-label={t("settings.calendars.removeHoliday", { number })}
                onClick={() => update({ holidays: draft.holidays.filter((item) => item.key !== row.key) })}
              >
                {t("settings.common.remove")}
              </Button>
            </div>
          );
        })}
        <div>
          <Button
            type="button"
            variant="secondary"
            size="small"
            onClick={() => update({ holidays: [...draft.holidays, { key: rowKey(), date: "", name: "" }] })}
          >
            {t("settings.calendars.addHoliday")}
          </Button>
        </div>
      </fieldset>
    </EditorForm>
  );
}
