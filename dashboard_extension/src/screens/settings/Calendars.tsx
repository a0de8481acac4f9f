/** Business calendars: time zone, opening hours per weekday, holidays. */
import { Button, Text } from "@saleor/macaw-ui";
import { useState } from "react";

import { SLA_CALENDARS } from "../../api/operationsSettingsSla";
import { WEEKDAYS, type BusinessCalendar } from "../../api/typesSettingsSla";
import { useI18n } from "../../i18n";
import { CalendarEditor } from "./sla/CalendarEditor";
import { weeklyMinutes } from "./sla/calendarModel";
import { Pending, useBusinessTime, useQuery, useWeekdayNames } from "./sla/parts";

const byName = (a: BusinessCalendar, b: BusinessCalendar) => a.name.localeCompare(b.name);

export function CalendarsSettings() {
  const { t, number } = useI18n();
  const businessTime = useBusinessTime();
  const shortDays = useWeekdayNames("short");
  const { data, setData, error, reload } = useQuery<{ supportBusinessCalendars: BusinessCalendar[] }>(SLA_CALENDARS);
  const [editing, setEditing] = useState<BusinessCalendar | "new" | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  if (!data) {
    return <Pending error={error} onRetry={reload} />;
  }
  const calendars = data.supportBusinessCalendars;

  if (editing) {
    return (
      <CalendarEditor
        key={editing === "new" ? "new" : editing.id}
        calendar={editing === "new" ? null : editing}
        defaultTimeZone={Intl.DateTimeFormat().resolvedOptions().timeZone}
        onCancel={() => setEditing(null)}
        onSaved={(saved) => {
          setData({ supportBusinessCalendars: [...calendars.filter((item) => item.id !== saved.id), saved].sort(byName) });
          setEditing(null);
          setNotice(t("settings.calendars.saved"));
        }}
        onDeleted={(id) => {
          setData({ supportBusinessCalendars: calendars.filter((item) => item.id !== id) });
          setEditing(null);
          setNotice(t("settings.calendars.deleted"));
        }}
      />
    );
  }

  return (
    <div className="desk-cfg-screen">
      <div className="desk-cfg-toolbar">
        <Text as="p" className="desk-muted">
          {t("settings.calendars.intro")}
        </Text>
        <Button
          variant="primary"
          size="small"
          onClick={() => {
            setNotice(null);
            setEditing("new");
          }}
        >
          {t("settings.calendars.add")}
        </Button>
      </div>
      {notice ? (
        <Text as="p" className="desk-notice" role="status">
          {notice}
        </Text>
      ) : null}
      {calendars.length === 0 ? (
        <Text as="p" className="desk-empty">
          {t("settings.calendars.empty")}
        </Text>
      ) : (
        <table className="desk-table desk-cfg-table">
          <thead>
            <tr>
              <th scope="col">{t("settings.calendars.name")}</th>
              <th scope="col">{t("settings.calendars.timeZone")}</th>
              <th scope="col">{t("settings.calendars.weekly")}</th>
              <th scope="col">{t("settings.calendars.holidays")}</th>
              <th scope="col">
                <span className="desk-visually-hidden">{t("settings.common.actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {calendars.map((calendar) => (
              <tr key={calendar.id}>
                <td>{calendar.name}</td>
                <td>{calendar.timeZone}</td>
                <td>
                  {t("settings.calendars.weeklyValue", {
                    time: businessTime(weeklyMinutes(calendar.intervals)),
                    days: WEEKDAYS.flatMap((weekday, index) =>
                      calendar.intervals.some((interval) => interval.weekday === weekday) ? [shortDays[index] ?? weekday] : [],
                    ).join(", "),
                  })}
                </td>
                <td>{number(calendar.holidays.length)}</td>
                <td className="desk-cfg-cell-actions">
                  <Button
                    variant="secondary"
                    size="small"
                    aria-label={t("settings.common.editNamed", { name: calendar.name })}
                    onClick={() => {
                      setNotice(null);
                      setEditing(calendar);
                    }}
                  >
                    {t("settings.common.edit")}
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
