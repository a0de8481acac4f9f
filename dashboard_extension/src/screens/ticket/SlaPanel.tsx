import { Text } from "@saleor/macaw-ui";

import type { TicketDetail } from "../../api/types";
import { Panel } from "../../components/common";
import { minutesLeft, useNow } from "../../components/sla";
import { useI18n } from "../../i18n";

/** The ticket's SLA clocks: the due time and the time left, counting down. */
export function SlaPanel({ ticket }: { ticket: TicketDetail }) {
  const { t, dateTime, duration } = useI18n();
  const now = useNow();
  const clocks = ticket.slaClocks ?? [];
  return (
    <Panel title={t("sla.title")} id="desk-sla">
      {clocks.length === 0 ? (
        <Text as="p" className="desk-muted">
          {t("sla.none")}
        </Text>
      ) : (
        <ul className="desk-sla-list">
          {clocks.map((clock) => {
            const left = minutesLeft(clock, now);
            const running = ["ON_TRACK", "WARNING", "BREACHED"].includes(clock.state);
            const overdue = running && left !== null && left < 0;
            const state = overdue && clock.state !== "BREACHED" ? "BREACHED" : clock.state;
            let detail: string;
            if (!running) {
              detail = clock.completedAt ? t("sla.done", { time: dateTime(clock.completedAt) }) : "";
            } else if (left === null) {
              detail = t("sla.paused", { left: duration(clock.remainingMinutes) });
            } else if (left < 0) {
              detail = t("sla.overdue", { time: dateTime(clock.dueAt ?? ""), left: duration(left) });
            } else {
              detail = t("sla.dueIn", { time: dateTime(clock.dueAt ?? ""), left: duration(left) });
            }
            return (
              <li key={`${clock.kind}`} data-state={state}>
                <span className="desk-sla-kind">{t(`sla.kind.${clock.kind}`)}</span>
                <span className={`desk-badge desk-sla-${state.toLowerCase()}`}>{t(`sla.state.${state}`)}</span>
                {detail ? <span className="desk-muted desk-sla-detail">{detail}</span> : null}
              </li>
            );
          })}
        </ul>
      )}
    </Panel>
  );
}
