import { Alert, Badge, Button, Card, Group, NumberInput, Select, Stack, Switch, Table, Tabs, Text, TextInput, Title } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api } from "../api";
import type { Campaign } from "../bindings/Campaign";
import type { CampaignKind } from "../bindings/CampaignKind";
import type { Reward } from "../bindings/Reward";
import { formatDate, formatHijri } from "../format";
import { useErrorDetail, useLanguage, useT } from "../i18n";
import { Ltr } from "../Ltr";
import { CampaignForm } from "./CampaignForm";
import { LoyaltyReport } from "./LoyaltyReport";
import { LoyaltySettingsForm } from "./LoyaltySettingsForm";

const KINDS: CampaignKind[] = ["ramadan", "eid_al_fitr", "eid_al_adha", "national_day", "school_season", "monthly", "custom"];

/**
 * Loyalty (SPEC §4, §8.5), in tabs: the managers' report; the campaign calendar with
 * Gregorian and Hijri dates, where a new campaign starts from its kind's proposed dates
 * (Umm al-Qura for Ramadan and the Eids) and default multiplier, for the merchant to
 * confirm or shift; the rewards catalogue (edit, deactivate) with the programme's
 * effective rebate; and the programme's settings.
 */
export function LoyaltyScreen() {
  const t = useT();
  const errorText = useErrorDetail();
  const { lang } = useLanguage();
  const queryClient = useQueryClient();
  const campaigns = useQuery({ queryKey: ["campaigns"], queryFn: api.loyaltyCampaigns });
  const rewards = useQuery({ queryKey: ["rewards"], queryFn: api.loyaltyRewards });
  const rebate = useQuery({ queryKey: ["rebate"], queryFn: api.effectiveRebate });
  const [draft, setDraft] = useState<Campaign | null>(null);
  const [kind, setKind] = useState<CampaignKind>("ramadan");
  const [year, setYear] = useState(new Date().getFullYear() + 1);
  const [reward, setReward] = useState<Reward | null>(null);
  const [error, setError] = useState<unknown>(null);
  const run = async (action: () => Promise<unknown>, after: () => void) => {
    setError(null);
    try {
      await action();
      after();
      await queryClient.invalidateQueries({ queryKey: ["campaigns"] });
      await queryClient.invalidateQueries({ queryKey: ["rewards"] });
      await queryClient.invalidateQueries({ queryKey: ["rebate"] });
      await queryClient.invalidateQueries({ queryKey: ["loyalty"] });
    } catch (e) {
      setError(e);
    }
  };
  const dates = (iso: string) => (
    <Stack gap={0}>
      <Text size="sm">{formatDate(iso, lang)}</Text>
      <Text size="xs" c="dimmed">{formatHijri(iso, lang)}</Text>
    </Stack>
  );
  return (
    <div className="scroll-page">
      <Stack maw={1100}>
        <Title order={3}>{t("loyalty-screen-title")}</Title>
        {error !== null && <Alert color="red">{errorText(error)}</Alert>}
        <Tabs defaultValue="report" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="report" data-testid="loyalty-tab-report">{t("loyalty-tab-report")}</Tabs.Tab>
            <Tabs.Tab value="campaigns" data-testid="loyalty-tab-campaigns">{t("loyalty-tab-campaigns")}</Tabs.Tab>
            <Tabs.Tab value="rewards" data-testid="loyalty-tab-rewards">{t("loyalty-tab-rewards")}</Tabs.Tab>
            <Tabs.Tab value="settings" data-testid="loyalty-tab-settings">{t("loyalty-tab-settings")}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="report" pt="md">
            <LoyaltyReport />
          </Tabs.Panel>
          <Tabs.Panel value="settings" pt="md">
            <LoyaltySettingsForm />
          </Tabs.Panel>
          <Tabs.Panel value="campaigns" pt="md">
        <Card withBorder>
          <Title order={5}>{t("campaigns-title")}</Title>
          <Text size="xs" c="dimmed">{t("campaigns-hint")}</Text>
          <Table mt="sm" data-testid="campaigns">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("campaign-name")}</Table.Th>
                <Table.Th>{t("campaign-starts")}</Table.Th>
                <Table.Th>{t("campaign-ends")}</Table.Th>
                <Table.Th>{t("campaign-points")}</Table.Th>
                <Table.Th />
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(campaigns.data ?? []).map((c) => (
                <Table.Tr key={c.id} data-testid="campaign-row">
                  <Table.Td>
                    <Text size="sm">{c.name}</Text>
                    <Text size="xs" c="dimmed">{t("campaign-kind", { kind: c.kind })}</Text>
                  </Table.Td>
                  <Table.Td>{dates(c.startDate)}</Table.Td>
                  <Table.Td>{dates(c.endDate)}</Table.Td>
                  <Table.Td>
                    <Badge variant="light"><Ltr>{`×${c.multiplier}`}</Ltr></Badge> {t("campaign-scope", { scope: c.scope.kind })}
                  </Table.Td>
                  <Table.Td>
                    <Button size="compact-xs" variant="subtle" onClick={() => setDraft(c)}>{t("campaign-edit")}</Button>
                  </Table.Td>
                  <Table.Td>
                    <Switch checked={c.active} onChange={(e) => void run(() => api.saveCampaign({ ...c, active: e.currentTarget.checked }), () => {})} aria-label={t("desk-active")} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Group mt="md" align="flex-end">
            <Select label={t("campaign-kind-label")} data={KINDS.map((k) => ({ value: k, label: t("campaign-kind", { kind: k }) }))} value={kind} onChange={(v) => v && setKind(v as CampaignKind)} allowDeselect={false} data-testid="campaign-kind" />
            <NumberInput label={t("campaign-year")} value={year} onChange={(v) => setYear(Number(v) || year)} w={110} allowDecimal={false} />
            <Button variant="light" onClick={() => void api.campaignTemplate(kind, year).then((c) => setDraft({ ...c, name: `${t("campaign-kind", { kind })} ${year}` }))} data-testid="campaign-propose">
              {t("campaign-propose")}
            </Button>
          </Group>
          {draft && <CampaignForm draft={draft} onChange={setDraft} onSave={() => void run(() => api.saveCampaign(draft), () => setDraft(null))} onCancel={() => setDraft(null)} />}
        </Card>
          </Tabs.Panel>
          <Tabs.Panel value="rewards" pt="md">
        <Card withBorder>
          <Group justify="space-between">
            <Title order={5}>{t("rewards-title")}</Title>
            {rebate.data && <Badge size="lg" variant="light" data-testid="rebate">{t("rewards-rebate", { percent: (Number(rebate.data) * 100).toFixed(1) })}</Badge>}
          </Group>
          <Table mt="sm" data-testid="rewards-catalogue">
            <Table.Tbody>
              {(rewards.data ?? []).map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>{r.name}</Table.Td>
                  <Table.Td>{t("loyalty-points", { points: r.pointsRequired })}</Table.Td>
                  <Table.Td>{t("reward-valid-for", { days: r.validForDays })}</Table.Td>
                  <Table.Td>{!r.active && <Badge color="gray">{t("desk-inactive")}</Badge>}</Table.Td>
                  <Table.Td><Button size="compact-xs" variant="subtle" onClick={() => setReward(r)}>{t("desk-edit")}</Button></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {!reward && (
            <Button
              mt="sm"
              size="xs"
              variant="light"
              onClick={() =>
                setReward({ id: `reward_${Date.now()}`, name: "", pointsRequired: 100, type: "discount", value: 5, maxDiscount: null, productId: null, validForDays: 30, category: "next_order", active: true })
              }
            >
              {t("reward-new")}
            </Button>
          )}
          {reward && (
            <Group mt="sm" align="flex-end">
              <Select
                label={t("reward-type")}
                data={(["discount", "shipping", "product"] as const).map((k) => ({ value: k, label: t("reward-type-name", { type: k }) }))}
                value={reward.type}
                onChange={(v) => v && setReward({ ...reward, type: v as Reward["type"], productId: v === "product" ? reward.productId ?? "" : null })}
                allowDeselect={false}
                w={150}
              />
              {reward.type === "discount" && (
                <NumberInput label={t("reward-percent")} value={reward.value} onChange={(v) => setReward({ ...reward, value: Number(v) || 0 })} w={110} allowDecimal={false} />
              )}
              {reward.type === "product" && (
                <TextInput label={t("reward-product")} value={reward.productId ?? ""} onChange={(e) => setReward({ ...reward, productId: e.currentTarget.value })} dir="ltr" w={160} />
              )}
              <TextInput label={t("campaign-name")} value={reward.name} onChange={(e) => setReward({ ...reward, name: e.currentTarget.value })} />
              <NumberInput label={t("reward-points")} value={reward.pointsRequired} onChange={(v) => setReward({ ...reward, pointsRequired: Number(v) || 0 })} w={120} allowDecimal={false} />
              <NumberInput label={t("reward-days")} value={reward.validForDays} onChange={(v) => setReward({ ...reward, validForDays: Number(v) || 0 })} w={120} allowDecimal={false} />
              <Switch label={t("desk-active")} checked={reward.active} onChange={(e) => setReward({ ...reward, active: e.currentTarget.checked })} />
              <Button onClick={() => void run(() => api.saveReward(reward), () => setReward(null))}>{t("desk-save")}</Button>
              <Button variant="default" onClick={() => setReward(null)}>{t("action-cancel")}</Button>
            </Group>
          )}
        </Card>
          </Tabs.Panel>
        </Tabs>
      </Stack>
    </div>
  );
}
