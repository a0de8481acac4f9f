/** Business calendars: time zone, opening hours per weekday, holidays. */
import { SLA_CALENDARS } from "../../api/operationsSettingsSla";
import { WEEKDAYS, type BusinessCalendar } from "../../api/typesSettingsSla";
import { useI18n } from "../../i18n";
import { Notice, RowActions, ScreenToolbar, SettingsTable, useListEditing, without } from "./shared/list";
import { Pending, useSettingsResource } from "./shared/resource";
import { CalendarEditor } from "./sla/CalendarEditor";
import { weeklyMinutes } from "./sla/calendarModel";
import { useBusinessTime, useWeekdayNames } from "./sla/parts";

const byName = (a: BusinessCalendar, b: BusinessCalendar) => a.name.localeCompare(b.name);

export function CalendarsSettings() {
  const { t, number } = useI18n();
  const businessTime = useBusinessTime();
  const shortDays = useWeekdayNames("short");
  const { data, setData, error, reload } = useSettingsResource<{ supportBusinessCalendars: BusinessCalendar[] }>(SLA_CALENDARS);
  const { editing, notice, open, close, done } = useListEditing<BusinessCalendar>();

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
        onCancel={close}
        onSaved={(saved) => {
          setData({ supportBusinessCalendars: [...without(calendars, saved.id), saved].sort(byName) });
          done(t("settings.calendars.saved"));
        }}
        onDeleted={(id) => {
          setData({ supportBusinessCalendars: without(calendars, id) });
          done(t("settings.calendars.deleted"));
        }}
      />
    );
  }

  return (
    <div className="desk-cfg-screen">
      <ScreenToolbar intro={t("settings.calendars.intro")} addLabel={t("settings.calendars.add")} onAdd={() => open("new")} />
      <Notice text={notice} />
      <SettingsTable
        columns={[
          t("settings.calendars.name"),
          t("settings.calendars.timeZone"),
          t("settings.calendars.weekly"),
          t("settings.calendars.holidays"),
        ]}
        empty={calendars.length === 0 ? t("settings.calendars.empty") : null}
      >
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
            <RowActions name={calendar.name} onEdit={() => open(calendar)} />
          </tr>
        ))}
      </SettingsTable>
    </div>
  );
}
