import { Alert, Badge, Button, Card, Checkbox, Group, Modal, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Fragment, useState } from "react";
import { api } from "../api";
import type { OrderStatus } from "../bindings/OrderStatus";
import type { OrderDraft } from "../bindings/OrderDraft";
import type { ErrorPayload } from "../bindings/ErrorPayload";
import type { ChurnBand } from "../bindings/ChurnBand";
import { formatDate, formatDateTime, formatMoney } from "../format";
import { useErrorText, useLanguage, useT, useTextOr } from "../i18n";
import { Ltr } from "../Ltr";
import { SegmentBadge } from "./SegmentBadge";

const STATUS_COLOR: Record<OrderStatus, string> = {
  pending: "gray",
  confirmed: "blue",
  shipped: "indigo",
  delivered: "green",
  cancelled: "red",
  refunded: "orange",
};

const STATUSES: OrderStatus[] = ["pending", "confirmed", "shipped", "delivered", "cancelled", "refunded"];
const PAYMENTS = ["cash_on_delivery", "sadad", "mobicash", "card", "bank_transfer"];
const EMPTY_LINE = { productName: "", category: "", quantity: 1, unitPrice: "", isLocalProduct: false };

/**
 * Standalone mode: staff type an order in (lines, shipping, payment, status). Core checks
 * it and computes the total; it counts at once and fires what a synced order would.
 */
function AddOrder({ customerId, onClose }: { customerId: string; onClose: () => void }) {
  const t = useT();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [lines, setLines] = useState([{ ...EMPTY_LINE }]);
  const [status, setStatus] = useState<OrderStatus>("confirmed");
  const [payment, setPayment] = useState("cash_on_delivery");
  const [shipping, setShipping] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const setLine = (i: number, change: Partial<typeof EMPTY_LINE>) => setLines(lines.map((line, n) => (n === i ? { ...line, ...change } : line)));
  const save = async () => {
    setErrors({});
    setError(null);
    const draft: OrderDraft = {
      orderNumber: "",
      status,
      paymentMethod: payment,
      shippingMethod: "home_delivery",
      shippingFee: shipping.trim() || null,
      items: lines.map((line) => ({ ...line, unitPrice: line.unitPrice.trim() || "0" })),
    };
    try {
      await api.addOrder(customerId, draft);
      await queryClient.invalidateQueries({ queryKey: ["customers"] });
      await queryClient.invalidateQueries({ queryKey: ["tasks"] });
      onClose();
    } catch (e) {
      const payload = e as Partial<ErrorPayload>;
      setErrors(Object.fromEntries((payload.fields ?? []).map((f) => [f.field, t(f.messageId, f.args)])));
      setError(errorText(e));
    }
  };
  return (
    <Modal opened onClose={onClose} title={t("order-add-title")} size="lg" centered>
      <Stack>
        {error && <Alert color="red">{error}</Alert>}
        {lines.map((line, i) => (
          <SimpleGrid key={i} cols={4} spacing="xs">
            <TextInput label={t("order-line-product")} value={line.productName} onChange={(e) => setLine(i, { productName: e.currentTarget.value })} error={errors[`items.${i}.productName`]} data-testid={`order-line-product-${i}`} />
            <TextInput label={t("order-line-category")} value={line.category} onChange={(e) => setLine(i, { category: e.currentTarget.value })} />
            <TextInput label={t("order-line-quantity")} dir="ltr" value={String(line.quantity)} onChange={(e) => setLine(i, { quantity: Number(e.currentTarget.value) || 0 })} error={errors[`items.${i}.quantity`]} data-testid={`order-line-quantity-${i}`} />
            <TextInput label={t("order-line-price")} dir="ltr" value={line.unitPrice} onChange={(e) => setLine(i, { unitPrice: e.currentTarget.value })} data-testid={`order-line-price-${i}`} />
            <Checkbox label={t("order-local")} checked={line.isLocalProduct} onChange={(e) => setLine(i, { isLocalProduct: e.currentTarget.checked })} />
          </SimpleGrid>
        ))}
        {errors.items && <Text c="red" size="sm">{errors.items}</Text>}
        <Group>
          <Button variant="subtle" onClick={() => setLines([...lines, { ...EMPTY_LINE }])}>{t("order-add-line")}</Button>
        </Group>
        <SimpleGrid cols={3}>
          <TextInput label={t("order-shipping-fee")} dir="ltr" value={shipping} onChange={(e) => setShipping(e.currentTarget.value)} />
          <Select label={t("order-payment")} data={PAYMENTS.map((p) => ({ value: p, label: t(`payment-${p}`) }))} value={payment} onChange={(v) => v && setPayment(v)} allowDeselect={false} comboboxProps={{ withinPortal: false }} />
          <Select label={t("order-status")} data={STATUSES.map((s) => ({ value: s, label: t(`order-status-${s}`) }))} value={status} onChange={(v) => v && setStatus(v as OrderStatus)} allowDeselect={false} comboboxProps={{ withinPortal: false }} />
        </SimpleGrid>
        <Group>
          <Button onClick={() => void save()} data-testid="order-add-save">{t("action-save")}</Button>
          <Button variant="default" onClick={onClose}>{t("action-cancel")}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

const BAND_COLOR: Record<ChurnBand, string> = { low: "green", medium: "yellow", high: "red" };

/**
 * The profile's order-derived panels (issue #4): churn band, engagement and RFM beside the
 * tier; the tier's history; follow-up tasks; and the orders with their lines, in LYD.
 */
export function CustomerOrders({ customerId }: { customerId: string }) {
  const t = useT();
  const textOr = useTextOr();
  const errorText = useErrorText();
  const { lang } = useLanguage();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const insights = useQuery({ queryKey: ["customers", "insights", customerId], queryFn: () => api.customerInsights(customerId) });
  if (insights.isPending) return null;
  if (insights.isError) return <Text c="red">{errorText(insights.error)}</Text>;
  const { derived, segmentHistory, orders, tasks } = insights.data;
  const changeStatus = async (orderId: string, status: OrderStatus) => {
    await api.changeOrderStatus(orderId, status, null);
    await queryClient.invalidateQueries({ queryKey: ["customers"] });
    await queryClient.invalidateQueries({ queryKey: ["tasks"] });
  };
  const closeTask = async (id: string, status: "done" | "cancelled") => {
    await api.closeTask(id, status);
    await queryClient.invalidateQueries({ queryKey: ["customers", "insights", customerId] });
    await queryClient.invalidateQueries({ queryKey: ["tasks"] });
  };

  return (
    <>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder padding="md">
          <Title order={5} mb="sm">{t("section-value")}</Title>
          <SimpleGrid cols={2}>
            <div>
              <div className="field-label">{t("field-churn-band")}</div>
              <Badge color={BAND_COLOR[derived.churnBand]} variant="light" data-testid="churn-band">
                {t(`churn-band-${derived.churnBand}`)} · {derived.churnRisk}
              </Badge>
            </div>
            <div>
              <div className="field-label">{t("field-engagement-score")}</div>
              <Text>{derived.engagementScore} / 100</Text>
            </div>
            <div>
              <div className="field-label">{t("field-rfm")}</div>
              {derived.rfm ? (
                <Group gap={6} data-testid="rfm">
                  <Ltr><b>{derived.rfmCode}</b></Ltr>
                  <Badge variant="outline">{t(`rfm-${derived.rfm.group}`)}</Badge>
                </Group>
              ) : (
                <Text c="dimmed">{t("rfm-none")}</Text>
              )}
            </div>
            <div>
              <div className="field-label">{t("field-average-order-value")}</div>
              <Text>{formatMoney(derived.averageOrderValue, lang)}</Text>
            </div>
          </SimpleGrid>
        </Card>
        <Card withBorder padding="md">
          <Title order={5} mb="sm">{t("section-segment-history")}</Title>
          {segmentHistory.length === 0 ? (
            <Text c="dimmed">{t("segment-history-empty")}</Text>
          ) : (
            <Table data-testid="segment-history">
              <Table.Tbody>
                {segmentHistory.slice(0, 8).map((entry, i) => (
                  <Table.Tr key={i}>
                    <Table.Td>{formatDate(entry.at, lang)}</Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <SegmentBadge segment={entry.previous} />
                        <span aria-hidden>{lang === "ar" ? "←" : "→"}</span>
                        <SegmentBadge segment={entry.segment} />
                      </Group>
                    </Table.Td>
                    <Table.Td>{t(`segment-reason-${entry.reason}`)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Card>
      </SimpleGrid>

      {tasks.length > 0 && (
        <Card withBorder padding="md">
          <Title order={5} mb="sm">{t("section-tasks")}</Title>
          <Table data-testid="customer-tasks">
            <Table.Tbody>
              {tasks.map((task) => (
                <Table.Tr key={task.id}>
                  <Table.Td>{t(`task-${task.type}`)}</Table.Td>
                  <Table.Td>{t("task-due", { date: formatDateTime(task.dueAt, lang) ?? "" })}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={task.status === "open" ? "blue" : "gray"}>{t(`task-status-${task.status}`)}</Badge>
                  </Table.Td>
                  <Table.Td>
                    {task.status === "open" && (
                      <Group gap={4}>
                        <Button size="xs" variant="light" onClick={() => void closeTask(task.id, "done")}>{t("task-done")}</Button>
                        <Button size="xs" variant="subtle" color="gray" onClick={() => void closeTask(task.id, "cancelled")}>{t("task-cancel")}</Button>
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      )}

      <Card withBorder padding="md">
        <Group justify="space-between" mb="sm">
          <Title order={5}>{t("section-orders", { count: orders.length })}</Title>
          <Button size="xs" variant="light" onClick={() => setAdding(true)} data-testid="order-add">{t("order-add-title")}</Button>
        </Group>
        {adding && <AddOrder customerId={customerId} onClose={() => setAdding(false)} />}
        {orders.length === 0 ? (
          <Text c="dimmed">{t("orders-none")}</Text>
        ) : (
          <Table striped highlightOnHover data-testid="customer-orders">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("order-number")}</Table.Th>
                <Table.Th>{t("order-date")}</Table.Th>
                <Table.Th>{t("order-status")}</Table.Th>
                <Table.Th>{t("order-payment")}</Table.Th>
                <Table.Th className="num">{t("order-net")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {orders.map((order) => (
                <Fragment key={order.id}>
                  <Table.Tr
                    style={{ cursor: "pointer" }}
                    tabIndex={0}
                    onClick={() => setOpen(open === order.id ? null : order.id)}
                    onKeyDown={(e) => e.key === "Enter" && setOpen(open === order.id ? null : order.id)}
                    data-testid="order-row"
                  >
                    <Table.Td><Ltr>{order.orderNumber}</Ltr></Table.Td>
                    <Table.Td>{formatDate(order.createdAt, lang)}</Table.Td>
                    <Table.Td>
                      <Badge color={STATUS_COLOR[order.status]} variant="light">{t(`order-status-${order.status}`)}</Badge>
                    </Table.Td>
                    <Table.Td>{textOr(`payment-${order.paymentMethod}`, order.paymentMethod)}</Table.Td>
                    <Table.Td className="num">
                      {formatMoney(order.netAmount, lang)}
                      {order.refundedAmount !== "0.000" && (
                        <Text size="xs" c="dimmed">{t("order-refunded", { amount: formatMoney(order.refundedAmount, lang) })}</Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                  {open === order.id && (
                    <Table.Tr>
                      <Table.Td />
                      <Table.Td colSpan={4}>
                        <Select
                          size="xs"
                          w={220}
                          label={t("order-change-status")}
                          data={STATUSES.map((s) => ({ value: s, label: t(`order-status-${s}`) }))}
                          value={order.status}
                          allowDeselect={false}
                          onChange={(v) => v && v !== order.status && void changeStatus(order.id, v as OrderStatus)}
                          data-testid="order-status-select"
                        />
                      </Table.Td>
                    </Table.Tr>
                  )}
                  {open === order.id &&
                    order.items.map((item, i) => (
                      <Table.Tr key={i} data-testid="order-line">
                        <Table.Td />
                        <Table.Td colSpan={2}>
                          {item.productName}
                          {item.isLocalProduct && <Badge size="xs" ms={6} variant="outline" color="teal">{t("order-local")}</Badge>}
                        </Table.Td>
                        <Table.Td>{item.category}</Table.Td>
                        <Table.Td className="num">
                          {item.quantity} × {formatMoney(item.unitPrice, lang)}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                </Fragment>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
    </>
  );
}
