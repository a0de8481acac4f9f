import { Button, Text } from "@saleor/macaw-ui";
import { useCallback, useEffect, useId, useRef, useState } from "react";

import { TEAMS, TICKET_SET_TEAM } from "../../api/operationsTicketActions";
import type { TicketDetail } from "../../api/types";
import { isWorkable, tierStep, type Team, type TicketChangeResult } from "../../api/typesTicketActions";
import { ErrorState, SelectField } from "../../components/common";
import { useI18n } from "../../i18n";
import { useSession } from "../../session";
import { ActionConflictNote, useActionErrorText } from "./ActionConflictNote";
import { EscalateDialog } from "./EscalateDialog";
import { useTicketAction } from "./useTicketAction";

/** Every team (`supportTeams`), null until loaded; `error` when they could not be read. */
function useTeams(): { teams: Team[] | null; error: unknown; retry: () => void } {
  const { request } = useSession();
  const [teams, setTeams] = useState<Team[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    request<{ supportTeams: Team[] }>(TEAMS).then(
      (data) => {
        if (!live) return;
        setTeams(data.supportTeams);
        setError(null);
      },
      (failure: unknown) => live && setError(failure),
    );
    return () => {
      live = false;
    };
  }, [request, attempt]);
  return { teams, error, retry: useCallback(() => setAttempt((n) => n + 1), []) };
}

/**
 * The ticket's tier and team in the side panel: a team picked among the active teams of its
 * tier, and escalation or de-escalation (with a reason) to the next tier.
 */
export function TierTeamField({
  ticket,
  saving,
  reload,
}: {
  ticket: TicketDetail;
  saving: boolean;
  reload: () => Promise<TicketDetail | null>;
}) {
  const { t } = useI18n();
  const { request } = useSession();
  const errorText = useActionErrorText();
  const { teams, error: teamsError, retry } = useTeams();
  const action = useTicketAction(reload);
  const [dialog, setDialog] = useState<1 | -1 | null>(null);
  // What the last change did; shown while the ticket is still at the version it left.
  const [notice, setNotice] = useState<{ text: string; version: number | null } | null>(null);
  const [pending, setPending] = useState<string>("");
  const hintId = useId();
  const box = useRef<HTMLDivElement>(null);
  const upButton = useRef<HTMLButtonElement>(null);
  const downButton = useRef<HTMLButtonElement>(null);

  const workable = isWorkable(ticket);
  const up = tierStep(ticket.tier, 1);
  const down = tierStep(ticket.tier, -1);
  const options = new Map<string, string>([["", t("actions.team.none")]]);
  if (ticket.team) {
    options.set(
      ticket.team.id,
      ticket.team.isActive ? ticket.team.name : t("actions.team.inactive", { name: ticket.team.name }),
    );
  }
  for (const team of [...(teams ?? [])].sort((a, b) => a.position - b.position)) {
    if (team.isActive && team.tier === ticket.tier) options.set(team.id, team.name);
  }
  const teamName = (id: string) => (id ? options.get(id) ?? id : t("actions.team.none"));

  const setTeam = (base: TicketDetail, teamId: string) => {
    setPending(teamId);
    setNotice(null);
    void action.run(
      base,
      async (current) => {
        const data = await request<{ supportTicketSetTeam: TicketChangeResult | null }>(TICKET_SET_TEAM, {
          id: current.id,
          teamId: teamId || null,
          expectedVersion: current.version,
        });
        return { errors: data.supportTicketSetTeam?.errors ?? [], value: data.supportTicketSetTeam?.ticket };
      },
      (changed) => {
        const name = changed?.team?.name;
        setNotice({
          text: name ? t("actions.team.changed", { team: name }) : t("actions.team.removed"),
          version: changed?.version ?? null,
        });
      },
    );
  };

  const lockedHint = !workable
    ? t("actions.tier.locked")
    : !up
      ? t("actions.escalate.top", { tier: ticket.tier })
      : !down
        ? t("actions.deEscalate.bottom", { tier: ticket.tier })
        : null;
  const teamError = action.errors.teamId ?? action.errors.id ?? action.errors.__all__;

  return (
    <div className="desk-field desk-tier-team" ref={box} tabIndex={-1}>
      <div className="desk-tier-line">
        <span className="desk-label">{t("field.tier")}</span>
        <strong className="desk-tier">{ticket.tier}</strong>
      </div>
      {teams || ticket.team ? (
        <SelectField<string>
          label={t("actions.team")}
          name="team"
          value={ticket.team?.id ?? ""}
          disabled={saving || action.busy || !workable || !teams}
          options={[...options].map(([value, label]) => ({ value, label }))}
          error={teamError ? errorText(teamError) : null}
          onChange={(teamId) => setTeam(ticket, teamId)}
        />
      ) : (
        <>
          <span className="desk-label">{t("actions.team")}</span>
          <Text as="p">{t("actions.team.none")}</Text>
        </>
      )}
      {teamsError ? (
        // Quiet: the ticket works without the list; only changing the team waits for it.
        <div className="desk-tier-teams-error">
          <Text as="p" size={2}>
            {t("actions.team.loadFailed")}
          </Text>
          <Button variant="secondary" size="small" onClick={retry}>
            {t("error.retry")}
          </Button>
        </div>
      ) : null}
      {action.failure ? <ErrorState error={action.failure} onRetry={() => setTeam(ticket, pending)} /> : null}
      {action.conflict ? (
        <ActionConflictNote
          conflict={action.conflict}
          change={`${t("actions.team")}: ${teamName(pending)}`}
          busy={action.busy}
          onReapply={() => action.conflict && setTeam(action.conflict.after, pending)}
          onDiscard={action.reset}
        />
      ) : null}
      <div className="desk-tier-actions">
        <Button
          ref={upButton}
          variant="secondary"
          size="small"
          disabled={saving || !workable || up === null}
          aria-describedby={lockedHint && (!workable || !up) ? hintId : undefined}
          onClick={() => {
            setNotice(null);
            setDialog(1);
          }}
        >
          {up ? t("actions.escalate", { tier: up }) : t("actions.escalateAny")}
        </Button>
        <Button
          ref={downButton}
          variant="tertiary"
          size="small"
          disabled={saving || !workable || down === null}
          aria-describedby={lockedHint && (!workable || !down) ? hintId : undefined}
          onClick={() => {
            setNotice(null);
            setDialog(-1);
          }}
        >
          {down ? t("actions.deEscalate", { tier: down }) : t("actions.deEscalateAny")}
        </Button>
      </div>
      {lockedHint ? (
        <Text as="p" size={2} id={hintId} className="desk-muted desk-tier-hint">
          {lockedHint}
        </Text>
      ) : null}
      {notice && (notice.version === null || notice.version === ticket.version) ? (
        <Text as="p" role="status" className="desk-notice">
          {notice.text}
        </Text>
      ) : null}
      {dialog ? (
        <EscalateDialog
          ticket={ticket}
          step={dialog}
          teams={teams}
          reload={reload}
          onClose={() => setDialog(null)}
          onDone={(text, version) => {
            setDialog(null);
            setNotice({ text, version });
          }}
          fallbackFocus={() => {
            const opener = (dialog === 1 ? upButton : downButton).current;
            return opener && !opener.disabled ? opener : box.current;
          }}
        />
      ) : null}
    </div>
  );
}
