import { Text } from "@saleor/macaw-ui";
import { useEffect, useState } from "react";

import { MERGED_TARGET } from "../../api/operationsTicketActions";
import type { TicketDetail } from "../../api/types";
import { useI18n } from "../../i18n";
import { ticketPath, useRouter } from "../../router";
import { useSession } from "../../session";

interface Target {
  id: string;
  number: number;
  subject: string;
}

/** A merged ticket says where its conversation went, with a link there. */
export function MergedBanner({ ticket }: { ticket: TicketDetail }) {
  const { t } = useI18n();
  const { request } = useSession();
  const { href, navigate } = useRouter();
  const [target, setTarget] = useState<Target | null>(null);
  const targetId = ticket.mergedIntoId;

  useEffect(() => {
    setTarget(null);
    if (!targetId) return;
    let live = true;
    request<{ supportTicket: Target | null }>(MERGED_TARGET, { id: targetId }).then(
      (data) => live && setTarget(data.supportTicket && "number" in data.supportTicket ? data.supportTicket : null),
      // The link still works without the number.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [request, targetId]);

  if (!targetId) return null;
  const path = ticketPath(targetId);
  return (
    <section className="desk-merged-banner" aria-labelledby="desk-merged-title">
      <Text as="h2" size={5} fontWeight="bold" id="desk-merged-title">
        {target ? t("actions.merged.title", { number: String(target.number) }) : t("actions.merged.titleUnknown")}
      </Text>
      <Text as="p">{t("actions.merged.body")}</Text>
      <a
        href={href(path)}
        onClick={(event) => {
          event.preventDefault();
          navigate(path);
        }}
      >
        {target ? t("actions.merged.open", { number: String(target.number) }) : t("actions.merged.openUnknown")}
        {target ? (
          <>
            {" · "}
            <bdi dir="auto">{target.subject}</bdi>
          </>
        ) : null}
      </a>
    </section>
  );
}
