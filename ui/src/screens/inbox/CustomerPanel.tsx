import { Badge, Button, Divider, Stack, Text } from "@mantine/core";
import type { CustomerPanel as Panel } from "../../bindings/CustomerPanel";
import { formatDate, formatMoney } from "../../format";
import { useLanguage, useT, useTextOr } from "../../i18n";
import { Ltr } from "../../Ltr";
import { SegmentBadge } from "../SegmentBadge";
import { StatusBadge } from "./badges";

/** Who the customer is to the store, beside the conversation. */
export function CustomerPanel({
  customer,
  onOpenCustomer,
  onOpenTicket,
}: {
  customer: Panel;
  onOpenCustomer: (id: string) => void;
  onOpenTicket: (id: string) => void;
}) {
  const t = useT();
  const textOr = useTextOr();
  const { lang } = useLanguage();
  return (
    <Stack gap="xs" className="inbox-side" data-testid="customer-panel">
      <Button variant="subtle" px={0} justify="flex-start" onClick={() => onOpenCustomer(customer.id)} data-testid="panel-customer-name">
        {customer.name}
      </Button>
      <SegmentBadge segment={customer.segment} />
      {customer.phone && <Text size="sm"><Ltr>{customer.phone}</Ltr></Text>}
      {customer.email && <Text size="sm"><Ltr>{customer.email}</Ltr></Text>}
      {customer.city && <Text size="sm">{customer.city}</Text>}
      <Divider />
      <Text size="xs" className="field-label">{t("field-lifetime-value")}</Text>
      <Text size="sm" data-testid="panel-ltv">{formatMoney(customer.lifetimeValue, lang)}</Text>
      <Text size="xs" className="field-label">{t("field-total-spent")}</Text>
      <Text size="sm">{formatMoney(customer.totalSpent, lang)} · {t("panel-orders", { count: customer.totalOrders })}</Text>
      <Text size="xs" className="field-label">{t("panel-satisfaction")}</Text>
      <Text size="sm">{customer.satisfactionScore ?? t("value-none")}</Text>
      {customer.loyaltyBalance !== null && (
        <>
          <Text size="xs" className="field-label">{t("panel-loyalty")}</Text>
          <Text size="sm">{customer.loyaltyBalance}</Text>
        </>
      )}
      <Divider label={t("panel-recent-orders")} labelPosition="center" />
      {customer.recentOrders.length === 0 && <Text size="sm" c="dimmed">{t("value-none")}</Text>}
      {customer.recentOrders.map((order) => (
        <Stack key={order.id} gap={0}>
          <Text size="sm"><Ltr>{order.orderNumber}</Ltr> · {formatMoney(order.total, lang)}</Text>
          <Text size="xs" c="dimmed">
            {formatDate(order.createdAt, lang)} · {textOr(`order-status-${order.status}`, order.status)}
          </Text>
        </Stack>
      ))}
      <Divider label={t("panel-open-tickets")} labelPosition="center" />
      {customer.openTickets.length === 0 && <Text size="sm" c="dimmed">{t("value-none")}</Text>}
      {customer.openTickets.map((ticket) => (
        <Button key={ticket.id} variant="subtle" size="compact-sm" justify="space-between" onClick={() => onOpenTicket(ticket.id)}>
          <Text size="sm" truncate><Ltr>{ticket.ticketNumber}</Ltr> {ticket.subject}</Text>
          <Badge size="xs" variant="transparent"><StatusBadge status={ticket.status} /></Badge>
        </Button>
      ))}
    </Stack>
  );
}
