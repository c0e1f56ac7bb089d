import { Alert, Badge, Button, Card, Group, NumberInput, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api } from "../api";
import type { LedgerEntry } from "../bindings/LedgerEntry";
import { formatDate, formatDateTime, formatHijri } from "../format";
import { useErrorDetail, useLanguage, useT } from "../i18n";
import { Ltr } from "../Ltr";

/**
 * The profile's loyalty card (SPEC §4.4–§4.6): the balance and the next expiry, rewards
 * the balance can buy with a redeem button each, the vouchers (mark used, cancel), and
 * the ledger with each earn entry's breakdown.
 */
export function LoyaltyCard({ customerId }: { customerId: string }) {
  const t = useT();
  const errorText = useErrorDetail();
  const { lang } = useLanguage();
  const queryClient = useQueryClient();
  const card = useQuery({ queryKey: ["loyalty", customerId], queryFn: () => api.loyaltyCard(customerId) });
  const [error, setError] = useState<unknown>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [adjustment, setAdjustment] = useState<{ points: number; reason: string } | null>(null);
  const run = async (action: () => Promise<unknown>) => {
    setError(null);
    try {
      await action();
      await queryClient.invalidateQueries({ queryKey: ["loyalty", customerId] });
      return true;
    } catch (e) {
      setError(e);
      return false;
    }
  };
  if (!card.data) return null;
  const data = card.data;
  return (
    <Card withBorder data-testid="loyalty-card">
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Title order={5}>{t("loyalty-title")}</Title>
          <Text size="xl" fw={700} data-testid="loyalty-balance">{t("loyalty-points", { points: data.balance })}</Text>
          {data.nextExpiry && (
            <Text size="sm" c="dimmed">
              {t("loyalty-next-expiry", { points: data.nextExpiryPoints, date: formatDate(data.nextExpiry, lang) ?? "", hijri: formatHijri(data.nextExpiry, lang) ?? "" })}
            </Text>
          )}
        </Stack>
        <Stack gap={4} data-testid="rewards">
          {data.rewards.map((reward) => (
            <Group key={reward.id} gap="xs" justify="flex-end">
              <Text size="sm">{reward.name}</Text>
              <Badge variant="light">{t("loyalty-points", { points: reward.pointsRequired })}</Badge>
              <Button size="compact-xs" disabled={data.balance < reward.pointsRequired} onClick={() => void run(() => api.redeemReward(customerId, reward.id))} data-testid={`redeem-${reward.id}`}>
                {t("loyalty-redeem")}
              </Button>
            </Group>
          ))}
        </Stack>
      </Group>
      {error !== null && <Alert color="red" mt="sm" data-testid="loyalty-error">{errorText(error)}</Alert>}
      {adjustment ? (
        <Group mt="sm" align="flex-end" data-testid="adjust-form">
          <NumberInput label={t("loyalty-adjust-points")} value={adjustment.points} onChange={(v) => setAdjustment({ ...adjustment, points: Number(v) || 0 })} allowDecimal={false} w={140} data-testid="adjust-points" />
          <TextInput label={t("loyalty-adjust-reason")} value={adjustment.reason} onChange={(e) => setAdjustment({ ...adjustment, reason: e.currentTarget.value })} data-testid="adjust-reason" />
          <Button onClick={() => void run(() => api.adjustPoints(customerId, adjustment.points, adjustment.reason)).then((done) => done && setAdjustment(null))} data-testid="adjust-save">
            {t("loyalty-adjust-save")}
          </Button>
          <Button variant="default" onClick={() => setAdjustment(null)}>{t("action-cancel")}</Button>
        </Group>
      ) : (
        <Button mt="sm" size="xs" variant="subtle" onClick={() => setAdjustment({ points: 0, reason: "" })} data-testid="adjust-open">{t("loyalty-adjust")}</Button>
      )}

      {data.vouchers.length > 0 && (
        <>
          <Text fw={600} mt="md">{t("loyalty-vouchers")}</Text>
          <Table data-testid="vouchers">
            <Table.Tbody>
              {data.vouchers.map((v) => (
                <Table.Tr key={v.id} data-testid="voucher-row">
                  <Table.Td><Ltr>{v.code}</Ltr></Table.Td>
                  <Table.Td>{v.rewardName}</Table.Td>
                  <Table.Td>{t("loyalty-voucher-status", { status: v.status })}</Table.Td>
                  <Table.Td>{t("loyalty-voucher-expires", { date: formatDate(v.expiresAt, lang) ?? "" })}</Table.Td>
                  <Table.Td>
                    {v.status === "issued" && (
                      <Group gap={4}>
                        <Button size="compact-xs" variant="light" onClick={() => void run(() => api.useVoucher(v.id))}>{t("loyalty-voucher-use")}</Button>
                        <Button size="compact-xs" variant="subtle" color="red" onClick={() => void run(() => api.cancelVoucher(v.id))}>{t("loyalty-voucher-cancel")}</Button>
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}

      <Text fw={600} mt="md">{t("loyalty-history")}</Text>
      {data.entries.length === 0 && <Text size="sm" c="dimmed">{t("value-none")}</Text>}
      <Table data-testid="ledger">
        <Table.Tbody>
          {data.entries.map((entry) => (
            <LedgerRow key={entry.id} entry={entry} open={open === entry.id} onToggle={() => setOpen(open === entry.id ? null : entry.id)} />
          ))}
        </Table.Tbody>
      </Table>
      <Text size="xs" c="dimmed" mt={4}>{t("loyalty-hint")}</Text>
    </Card>
  );
}

// Notes core writes itself (a merge's transfer); staff's own reasons are shown as written.
const NOTES: Record<string, string> = { merge: "loyalty-note-merge", "merge-undone": "loyalty-note-merge-undone" };

function LedgerRow({ entry, open, onToggle }: { entry: LedgerEntry; open: boolean; onToggle: () => void }) {
  const t = useT();
  const { lang } = useLanguage();
  // A campaign's line names the campaign as the merchant called it.
  const campaigns = useQuery({ queryKey: ["campaigns"], queryFn: api.loyaltyCampaigns, enabled: open });
  const campaignName = (id: string) => campaigns.data?.find((c) => c.id === id)?.name ?? id;
  return (
    <>
      <Table.Tr data-testid="ledger-row">
        <Table.Td>
          {formatDateTime(entry.createdAt, lang)}
          {entry.earnedAt && formatDate(entry.earnedAt, lang) !== formatDate(entry.createdAt, lang) && (
            <Text size="xs" c="dimmed" data-testid="earned-on">{t("loyalty-earned-on", { date: formatDate(entry.earnedAt, lang) ?? "" })}</Text>
          )}
        </Table.Td>
        <Table.Td>{t("loyalty-entry", { type: entry.type })}</Table.Td>
        <Table.Td className="num" c={entry.points < 0 ? "red" : "teal"}>
          <Ltr>{entry.points > 0 ? `+${entry.points}` : `${entry.points}`}</Ltr>
        </Table.Td>
        <Table.Td>
          {entry.unrecovered > 0 && <Badge color="orange" variant="light">{t("loyalty-unrecovered", { points: entry.unrecovered })}</Badge>}
          {NOTES[entry.note] ? t(NOTES[entry.note]) : entry.note}
        </Table.Td>
        <Table.Td>
          {entry.breakdown && (
            <Button size="compact-xs" variant="subtle" onClick={onToggle} data-testid="breakdown-toggle">
              {t("loyalty-breakdown")}
            </Button>
          )}
        </Table.Td>
      </Table.Tr>
      {open && entry.breakdown && (
        <Table.Tr>
          <Table.Td colSpan={5}>
            <Table withRowBorders={false} data-testid="breakdown">
              <Table.Tbody>
                {entry.breakdown.lines.map((line) => (
                  <Table.Tr key={line.line}>
                    <Table.Td>{line.line.startsWith("campaignBonus:") ? t("loyalty-line-campaign", { campaign: campaignName(line.line.slice("campaignBonus:".length)) }) : t("loyalty-line", { line: line.line })}</Table.Td>
                    <Table.Td c="dimmed"><Ltr>{line.multiplier ? `×${line.multiplier}` : ""}{line.share ? ` · ${Math.round(Number(line.share) * 100)}%` : ""}</Ltr></Table.Td>
                    <Table.Td className="num"><Ltr>{line.line === "purchasePoints" ? line.points : `+${line.points}`}</Ltr></Table.Td>
                  </Table.Tr>
                ))}
                <Table.Tr>
                  <Table.Td fw={700}>{t("loyalty-total")}</Table.Td>
                  <Table.Td />
                  <Table.Td className="num" fw={700}>{entry.breakdown.totalPoints}</Table.Td>
                </Table.Tr>
              </Table.Tbody>
            </Table>
          </Table.Td>
        </Table.Tr>
      )}
    </>
  );
}
