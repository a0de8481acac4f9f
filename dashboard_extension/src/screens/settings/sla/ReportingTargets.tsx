/** Service levels kept for reports (chat, phone): a small table, one row edited at a time. */
import { Button, Text } from "@saleor/macaw-ui";
import { useId, useState } from "react";

import { SLA_REPORTING_TARGET_UPDATE } from "../../../api/operationsSettingsSla";
import type { Channel } from "../../../api/types";
import type { SlaError, SlaReportingTarget } from "../../../api/typesSettingsSla";
import { useI18n } from "../../../i18n";
import { submitWith } from "../shared/editor";
import { ErrorText, TextField, codeText } from "../shared/fields";
import { RowActions, SettingsTable } from "../shared/list";
import { ActionFailed, useAction, useMutate } from "../shared/resource";

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
  const mutate = useMutate();
  const { t, number } = useI18n();
  const [editing, setEditing] = useState(false);
  const [seconds, setSeconds] = useState("");
  const [share, setShare] = useState("");
  const [error, setError] = useState<SlaError | null>(null);
  const { busy, failure, run, clearFailure } = useAction();
  const channelName = t(`channel.${channel}`);

  const start = () => {
    setSeconds(target ? String(target.answerWithinSeconds) : "");
    setShare(target ? String(target.sharePercent) : "");
    setError(null);
    clearFailure();
    setEditing(true);
  };

  const save = () =>
    run(async () => {
      setError(null);
      const result = await mutate<Result>(SLA_REPORTING_TARGET_UPDATE, {
        channel,
        answerWithinSeconds: Number.parseInt(seconds, 10) || 0,
        sharePercent: Number.parseInt(share, 10) || 0,
      });
      const first = result?.errors[0];
      if (first) {
        setError(first);
      } else if (result?.reportingTarget) {
        onSaved(result.reportingTarget);
        setEditing(false);
      }
    });
  const fieldError = (field: string) =>
    error?.field === field ? codeText(t, [`settings.sla.error.${field}.${error.code}`], error) : null;

  if (!editing) {
    return (
      <tr>
        <th scope="row">{channelName}</th>
        <td>{target ? t("settings.sla.reportingSeconds", { seconds: target.answerWithinSeconds }) : "—"}</td>
        <td>{target ? `${number(target.sharePercent)} %` : "—"}</td>
        <RowActions name={channelName} onEdit={start} />
      </tr>
    );
  }
  return (
    <tr>
      <th scope="row">{channelName}</th>
      <td colSpan={3}>
        <form className="desk-cfg-inline" onSubmit={submitWith(save)} aria-label={channelName} noValidate>
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
        <ErrorText>
          {error && !["answerWithinSeconds", "sharePercent"].includes(error.field ?? "") ? codeText(t, [], error) : null}
        </ErrorText>
        <ActionFailed failure={failure} />
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
      <SettingsTable
        className="desk-cfg-table-small"
        columns={[t("filter.channel"), t("settings.sla.reportingWithin"), t("settings.sla.reportingShare")]}
      >
        {channels.map((channel) => (
          <TargetRow
            key={channel}
            channel={channel}
            target={targets.find((target) => target.channel === channel) ?? null}
            onSaved={onSaved}
          />
        ))}
      </SettingsTable>
    </section>
  );
}
