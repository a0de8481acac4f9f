import { Text } from "@saleor/macaw-ui";

import type { OrderSnapshot, TicketDetail } from "../../api/types";
import { Panel } from "../../components/common";
import { useI18n, type MessageKey, type Translate } from "../../i18n";
import { useSession } from "../../session";

export function parseSnapshot(raw: string | null): OrderSnapshot | null {
  if (!raw) return null;
  try {
    const value: unknown = JSON.parse(raw);
    // JSONString may arrive double-encoded.
    const parsed = typeof value === "string" ? (JSON.parse(value) as unknown) : value;
    if (parsed && typeof parsed === "object" && "lines" in parsed) {
      return parsed as OrderSnapshot;
    }
  } catch {
    return null;
  }
  return null;
}

function humanise(code: string): string {
  const text = code.replace(/_/g, " ").toLowerCase();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A store state code in the agent's language; codes the desk does not know read as words. */
function stateLabel(t: Translate, group: "orderStatus" | "charge" | "fulfilment", code: string): string {
  const key = `${group}.${code.toLowerCase()}` as MessageKey;
  const text = t(key);
  return text === key ? humanise(code) : text;
}

export function OrderPanel({ ticket }: { ticket: TicketDetail }) {
  const { t, money, dateTime, number } = useI18n();
  const { mode, dashboardRedirect } = useSession();
  const order = ticket.order;
  if (!order) {
    return (
      <Panel title={t("order.title", { number: "—" })}>
        <Text as="p">{t("order.none")}</Text>
      </Panel>
    );
  }
  const snapshot = parseSnapshot(order.snapshot);
  const currency = snapshot?.currency ?? "USD";
  const link =
    mode === "dashboard" ? (
      <a
        href={`#order-${order.number}`}
        onClick={(event) => {
          event.preventDefault();
          dashboardRedirect(`/orders/${encodeURIComponent(order.id)}`);
        }}
      >
        {t("order.open")}
      </a>
    ) : order.dashboardUrl ? (
      <a href={order.dashboardUrl} target="_blank" rel="noopener noreferrer">
        {t("order.open")}
      </a>
    ) : null;

  return (
    <Panel title={t("order.title", { number: order.number })} id="desk-order">
      {snapshot ? (
        <dl className="desk-facts">
          <dt>{t("order.status")}</dt>
          <dd>{stateLabel(t, "orderStatus", snapshot.status)}</dd>
          <dt>{t("order.payment")}</dt>
          <dd>{stateLabel(t, "charge", snapshot.charge_status)}</dd>
          {snapshot.created_at ? (
            <>
              <dt className="desk-visually-hidden">{t("order.placed", { date: "" })}</dt>
              <dd className="desk-muted">{t("order.placed", { date: dateTime(snapshot.created_at) })}</dd>
            </>
          ) : null}
        </dl>
      ) : null}
      {snapshot ? (
        <>
          <Text as="h3" size={4} fontWeight="bold">
            {t("order.items")}
          </Text>
          <ul className="desk-lines">
            {snapshot.lines.map((line) => (
              <li key={line.id}>
                <span className="desk-line-name">
                  {line.product_name}
                  {line.variant_name ? ` — ${line.variant_name}` : ""}
                </span>
                <span className="desk-line-qty">
                  {t("order.qty", { quantity: line.quantity, price: money(line.unit_price_gross, currency) })}
                </span>
                <span className="desk-muted">
                  {line.sku} ·{" "}
                  {t("order.fulfilledOf", {
                    fulfilled: number(line.quantity_fulfilled),
                    quantity: number(line.quantity),
                  })}
                </span>
              </li>
            ))}
          </ul>
          <dl className="desk-facts desk-totals">
            <dt>{t("order.total")}</dt>
            <dd>{money(snapshot.total_gross, currency)}</dd>
            <dt>{t("order.charged")}</dt>
            <dd>{money(snapshot.total_charged, currency)}</dd>
            <dt>{t("order.refunded")}</dt>
            <dd>{money(snapshot.total_refunded, currency)}</dd>
          </dl>
          <Text as="h3" size={4} fontWeight="bold">
            {t("order.fulfilments")}
          </Text>
          {snapshot.fulfillments.length === 0 ? (
            <Text as="p" className="desk-muted">
              {t("order.noFulfilments")}
            </Text>
          ) : (
            <ul className="desk-fulfilments">
              {snapshot.fulfillments.map((fulfilment) => (
                <li key={fulfilment.id} data-status={fulfilment.status}>
                  <span className={`desk-badge desk-fulfilment-${fulfilment.status}`}>
                    {stateLabel(t, "fulfilment", fulfilment.status)}
                  </span>
                  {fulfilment.tracking_number ? (
                    <span className="desk-muted"> {t("order.tracking", { number: fulfilment.tracking_number })}</span>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
          {snapshot.customer_note ? (
            <>
              <Text as="h3" size={4} fontWeight="bold">
                {t("order.note")}
              </Text>
              <blockquote className="desk-note">{snapshot.customer_note}</blockquote>
            </>
          ) : null}
        </>
      ) : null}
      {link ? <p className="desk-order-link">{link}</p> : null}
    </Panel>
  );
}
