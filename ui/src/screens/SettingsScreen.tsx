import { Alert, Button, Card, Checkbox, Group, NumberInput, Progress, SimpleGrid, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { listen } from "@tauri-apps/api/event";
import { useEffect, useState } from "react";
import { api } from "../api";
import type { Progress as ProgressEvent } from "../bindings/Progress";
import type { RecomputeSummary } from "../bindings/RecomputeSummary";
import type { SegmentationSettings } from "../bindings/SegmentationSettings";
import type { TaskRules } from "../bindings/TaskRules";
import { formatMoney } from "../format";
import { useErrorText, useLanguage, useT } from "../i18n";
import { SegmentBadge } from "./SegmentBadge";
import { SupportSettings } from "./SupportSettings";

/**
 * Settings (SPEC §2.1, §2.4, §3.5): the tier thresholds and margin, with the total spent
 * each tier implies; the churn band limits; and which follow-up task rules are on. Saving
 * the tiers recomputes every customer, with progress.
 */
export function SettingsScreen() {
  const t = useT();
  const errorText = useErrorText();
  const { lang } = useLanguage();
  const queryClient = useQueryClient();
  const stored = useQuery({ queryKey: ["segmentation-settings"], queryFn: api.segmentationSettings });
  const storedRules = useQuery({ queryKey: ["task-rules"], queryFn: api.taskRules });
  const [draft, setDraft] = useState<SegmentationSettings | null>(null);
  const [rules, setRules] = useState<TaskRules | null>(null);
  const [progress, setProgress] = useState<ProgressEvent | null>(null);
  const [saving, setSaving] = useState(false);
  // Kept as what happened, not as text, so it follows a language switch.
  const [message, setMessage] = useState<{ summary: RecomputeSummary } | { error: unknown } | null>(null);
  useEffect(() => {
    if (stored.data && !draft) setDraft(stored.data);
  }, [stored.data, draft]);
  useEffect(() => {
    if (storedRules.data && !rules) setRules(storedRules.data);
  }, [storedRules.data, rules]);
  useEffect(() => {
    const unlisten = listen<ProgressEvent>("recompute-progress", (e) => setProgress(e.payload));
    return () => {
      unlisten.then((f) => f()).catch(() => {});
    };
  }, []);
  const [debounced] = useDebouncedValue(draft, 250);
  const equivalents = useQuery({
    queryKey: ["tier-equivalents", debounced],
    queryFn: () => api.tierEquivalents(debounced as SegmentationSettings),
    enabled: debounced !== null,
    retry: false,
  });

  if (!draft || !rules) return <Text>{t("loading")}</Text>;
  const setTier = (index: number, change: Partial<SegmentationSettings["tiers"][number]>) =>
    setDraft({ ...draft, tiers: draft.tiers.map((tier, i) => (i === index ? { ...tier, ...change } : tier)) });

  const saveTiers = async () => {
    setSaving(true);
    setMessage(null);
    setProgress(null);
    try {
      const summary = await api.saveSegmentationSettings(draft);
      setMessage({ summary });
      await queryClient.invalidateQueries({ queryKey: ["customers"] });
      await queryClient.invalidateQueries({ queryKey: ["segments-overview"] });
      await queryClient.invalidateQueries({ queryKey: ["segmentation-settings"] });
    } catch (e) {
      setMessage({ error: e });
    } finally {
      setSaving(false);
    }
  };
  const saveRules = async (next: TaskRules) => {
    setRules(next);
    await api.saveTaskRules(next);
  };

  return (
    <div className="scroll-page">
      <Stack maw={1000}>
        <Title order={3}>{t("settings-title")}</Title>
        <Card withBorder>
          <Title order={5}>{t("settings-tiers")}</Title>
          <Text size="sm" c="dimmed" mb="sm">{t("settings-tiers-hint")}</Text>
          <TextInput
            label={t("settings-margin")}
            value={draft.margin}
            onChange={(e) => setDraft({ ...draft, margin: e.currentTarget.value })}
            dir="ltr"
            w={160}
            data-testid="settings-margin"
          />
          <Table mt="sm" data-testid="tier-settings">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("field-segment")}</Table.Th>
                <Table.Th>{t("settings-min-ltv")}</Table.Th>
                <Table.Th>{t("settings-min-orders")}</Table.Th>
                <Table.Th>{t("settings-equivalent")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {draft.tiers.map((tier, i) => (
                <Table.Tr key={tier.segment}>
                  <Table.Td><SegmentBadge segment={tier.segment} /></Table.Td>
                  <Table.Td>
                    <TextInput dir="ltr" value={tier.minLifetimeValue} onChange={(e) => setTier(i, { minLifetimeValue: e.currentTarget.value })} aria-label={t("settings-min-ltv")} data-testid={`tier-ltv-${tier.segment}`} />
                  </Table.Td>
                  <Table.Td>
                    <NumberInput min={0} allowDecimal={false} value={tier.minOrders} onChange={(v) => setTier(i, { minOrders: Number(v) || 0 })} aria-label={t("settings-min-orders")} />
                  </Table.Td>
                  <Table.Td data-testid={`tier-equivalent-${tier.segment}`}>
                    {equivalents.data?.[i] ? formatMoney(equivalents.data[i], lang) : "—"}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {equivalents.isError && <Text c="red" size="sm">{errorText(equivalents.error)}</Text>}
          <Title order={6} mt="md">{t("settings-churn-bands")}</Title>
          <SimpleGrid cols={2} maw={400}>
            <TextInput dir="ltr" label={t("settings-medium-from")} value={draft.churn.mediumFrom} onChange={(e) => setDraft({ ...draft, churn: { ...draft.churn, mediumFrom: e.currentTarget.value } })} />
            <TextInput dir="ltr" label={t("settings-high-from")} value={draft.churn.highFrom} onChange={(e) => setDraft({ ...draft, churn: { ...draft.churn, highFrom: e.currentTarget.value } })} />
          </SimpleGrid>
          <Group mt="md">
            <Button onClick={() => void saveTiers()} loading={saving} disabled={equivalents.isError} data-testid="save-tiers">{t("settings-save-recompute")}</Button>
          </Group>
          {saving && progress && <Progress mt="sm" value={(100 * progress.done) / Math.max(1, progress.total)} />}
          {message && (
            <Alert mt="sm" color={"summary" in message ? "green" : "red"} data-testid="settings-message">
              {"summary" in message
                ? t("settings-recomputed", { customers: message.summary.customers, changed: message.summary.changed })
                : errorText(message.error)}
            </Alert>
          )}
        </Card>
        <Card withBorder>
          <Title order={5} mb="sm">{t("settings-task-rules")}</Title>
          <Stack gap="xs">
            {(["welcomeCall", "accountManagerFollowUp", "assignAccountManager"] as const).map((rule) => (
              <Checkbox key={rule} label={t(`settings-rule-${rule}`)} checked={rules[rule]} onChange={(e) => void saveRules({ ...rules, [rule]: e.currentTarget.checked })} data-testid={`rule-${rule}`} />
            ))}
          </Stack>
        </Card>
        <SupportSettings />
      </Stack>
    </div>
  );
}
