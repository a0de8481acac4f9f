/** Service levels kept for reports (chat, phone): a small table, one row edited at a time. */
import { Button, Text } from "@saleor/macaw-ui";
import { useId, useState, type FormEvent } from "react";

import { SLA_REPORTING_TARGET_UPDATE } from "../../../api/operationsSettingsSla";
import type { Channel } from "../../../api/types";
import type { SlaError, SlaReportingTarget } from "../../../api/typesSettingsSla";
import { useI18n } from "../../../i18n";
import { useSession } from "../../../session";
import { Failure, TextField, codeText } from "./parts";

type Result = { reportingTarget: SlaReportingTarget | null; errors: SlaError[] } | null;

/** Channels answered live, shown even before they have a target. */
const LIVE_CHANNELS: readonly Channel[] = ["CHAT", "PHONE"];

function TargetRow({
  channel,
  target,
  onSaved,
}: {
  channel: Channel;
  target: SlaReportingTarget | null;
  onSaved: (target: SlaReportingTarget) => void;
}) {
  const { request } = useSession();
  const { t, number } = useI18n();
  const [editing, setEditing] = useState(false);
  const [seconds, setSeconds] = useState("");
  const [share, setShare] = useState("");
  const [error, setError] = useState<SlaError | null>(null);
  const [failure, setFailure] = useState<{ error: unknown; retry: () => void } | null>(null);
  const [busy, setBusy] = useState(false);
  const channelName = t(`channel.${channel}`);

  const start = () => {
    setSeconds(target ? String(target.answerWithinSeconds) : "");
    setShare(target ? String(target.sharePercent) : "");
    setError(null);
    setFailure(null);
    setEditing(true);
  };

  const save = async () => {
    setBusy(true);
    setError(null);
    setFailure(null);
    try {
      const data = await request<{ supportSlaReportingTargetUpdate: Result }>(SLA_REPORTING_TARGET_UPDATE, {
        channel,
        answerWithinSeconds: Number.parseInt(seconds, 10) || 0,
        sharePercent: Number.parseInt(share, 10) || 0,
      });
      const result = data.supportSlaReportingTargetUpdate;
      const first = result?.errors[0];
      if (first) {
        setError(first);
      } else if (result?.reportingTarget) {
        onSaved(result.reportingTarget);
        setEditing(false);
      }
    } catch (caught) {
      setFailure({ error: caught, retry: () => void save() });
    } finally {
      setBusy(false);
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void save();
  };
  const fieldError = (field: string) =>
    error?.field === field ? codeText(t, [`settings.sla.error.${field}.${error.code}`], error) : null;

  if (!editing) {
    return (
      <tr>
        <th scope="row">{channelName}</th>
        <td>{target ? t("settings.sla.reportingSeconds", { seconds: target.answerWithinSeconds }) : "—"}</td>
        <td>{target ? `${number(target.sharePercent)} %` : "—"}</td>
        <td className="desk-cfg-cell-actions">
          <Button
            variant="secondary"
            size="small"
            aria-label={t("settings.common.editNamed", { name: channelName })}
            onClick={start}
          >
            {t("settings.common.edit")}
          </Button>
        </td>
      </tr>
    );
  }
  return (
    <tr>
      <th scope="row">{channelName}</th>
      <td colSpan={3}>
        <form className="desk-cfg-inline" onSubmit={onSubmit} aria-label={channelName} noValidate>
          <TextField
            label={t("settings.sla.reportingWithin")}
            type="number"
            min={1}
            max={86400}
            inputMode="numeric"
            value={seconds}
            onChange={setSeconds}
            error={fieldError("answerWithinSeconds")}
          />
          <TextField
            label={t("settings.sla.reportingShare")}
            type="number"
            min={1}
            max={100}
            inputMode="numeric"
            value={share}
            onChange={setShare}
            error={fieldError("sharePercent")}
          />
          <Button type="submit" variant="primary" size="small" disabled={busy}>
            {t("settings.common.save")}
          </Button>
          <Button type="button" variant="tertiary" size="small" onClick={() => setEditing(false)}>
            {t("settings.common.cancel")}
          </Button>
        </form>
        {error && !["answerWithinSeconds", "sharePercent"].includes(error.field ?? "") ? (
          <Text as="p" role="alert" className="desk-field-error">
            {codeText(t, [], error)}
          </Text>
        ) : null}
        {failure ? <Failure error={failure.error} onRetry={failure.retry} /> : null}
      </td>
    </tr>
  );
}

export function ReportingTargets({
  targets,
  onSaved,
}: {
  targets: SlaReportingTarget[];
  onSaved: (target: SlaReportingTarget) => void;
}) {
  const { t } = useI18n();
  const headingId = useId();
  const channels = [...new Set<Channel>([...LIVE_CHANNELS, ...targets.map((target) => target.channel)])];
  return (
    <section className="desk-cfg-subsection" aria-labelledby={headingId}>
      <Text as="h3" size={4} fontWeight="bold" id={headingId}>
        {t("settings.sla.reporting")}
      </Text>
      <Text as="p" size={2} className="desk-muted">
        {t("settings.sla.reportingHint")}
      </Text>
      <table className="desk-table desk-cfg-table desk-cfg-table-small">
        <thead>
          <tr>
            <th scope="col">{t("filter.channel")}</th>
            <th scope="col">{t("settings.sla.reportingWithin")}</th>
            <th scope="col">{t("settings.sla.reportingShare")}</th>
            <th scope="col">
              <span className="desk-visually-hidden">{t("settings.common.actions")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {channels.map((channel) => (
            <TargetRow
              key={channel}
              channel={channel}
              target={targets.find((target) => target.channel === channel) ?? null}
              onSaved={onSaved}
            />
          ))}
        </tbody>
      </table>
    </section>
  );
}
