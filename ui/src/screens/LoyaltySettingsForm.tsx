import { Alert, Button, Group, NumberInput, Select, Stack, TagsInput, Text, TextInput } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { api } from "../api";
import type { EarnStatus } from "../bindings/EarnStatus";
import type { LoyaltySettings } from "../bindings/LoyaltySettings";
import { useErrorDetail, useT } from "../i18n";

/**
 * The programme's settings (SPEC §4.1): the earning rate and multipliers, the bonus and
 * school-season categories, expiry, the minimum to redeem, the referral bonus, when an
 * order earns, when the programme started, and what a point is worth for the report's
 * liability. Core checks them on save and names the field at fault.
 */
export function LoyaltySettingsForm() {
  const t = useT();
  const errorText = useErrorDetail();
  const queryClient = useQueryClient();
  const stored = useQuery({ queryKey: ["loyalty-settings"], queryFn: api.loyaltySettings });
  const [draft, setDraft] = useState<LoyaltySettings | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (stored.data) setDraft(stored.data);
  }, [stored.data]);
  if (!draft) return null;
  const set = (change: Partial<LoyaltySettings>) => {
    setSaved(false);
    setDraft({ ...draft, ...change });
  };
  const save = async () => {
    setError(null);
    try {
      await api.saveLoyaltySettings(draft);
      setSaved(true);
      await queryClient.invalidateQueries({ queryKey: ["loyalty-settings"] });
      await queryClient.invalidateQueries({ queryKey: ["loyalty-report"] });
      await queryClient.invalidateQueries({ queryKey: ["rebate"] });
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Stack maw={760} data-testid="loyalty-settings">
      <Group align="flex-end">
        <TextInput label={t("loyalty-settings-rate")} value={draft.pointsPerDinar} onChange={(e) => set({ pointsPerDinar: e.currentTarget.value })} dir="ltr" w={140} />
        <TextInput label={t("loyalty-settings-new")} value={draft.multipliers.newCustomer} onChange={(e) => set({ multipliers: { ...draft.multipliers, newCustomer: e.currentTarget.value } })} dir="ltr" w={140} />
        <TextInput label={t("loyalty-settings-loyal")} value={draft.multipliers.loyalCustomer} onChange={(e) => set({ multipliers: { ...draft.multipliers, loyalCustomer: e.currentTarget.value } })} dir="ltr" w={140} />
        <TextInput label={t("loyalty-settings-special")} value={draft.multipliers.specialCategory} onChange={(e) => set({ multipliers: { ...draft.multipliers, specialCategory: e.currentTarget.value } })} dir="ltr" w={140} />
      </Group>
      <TagsInput label={t("loyalty-settings-bonus-categories")} value={draft.bonusCategories} onChange={(bonusCategories) => set({ bonusCategories })} />
      <TagsInput label={t("loyalty-settings-school-categories")} value={draft.schoolCategories} onChange={(schoolCategories) => set({ schoolCategories })} />
      <Group align="flex-end">
        <NumberInput label={t("loyalty-settings-expiry")} value={draft.pointsExpiryDays} onChange={(v) => set({ pointsExpiryDays: Number(v) || 0 })} allowDecimal={false} w={160} />
        <NumberInput label={t("loyalty-settings-minimum")} value={draft.minimumRedemption} onChange={(v) => set({ minimumRedemption: Number(v) || 0 })} allowDecimal={false} w={160} />
        <NumberInput label={t("loyalty-settings-referral")} value={draft.referralBonus} onChange={(v) => set({ referralBonus: Number(v) || 0 })} allowDecimal={false} w={160} />
      </Group>
      <Group align="flex-end">
        <Select
          label={t("loyalty-settings-earn-status")}
          data={(["confirmed", "delivered"] as EarnStatus[]).map((s) => ({ value: s, label: t("loyalty-settings-earn", { status: s }) }))}
          value={draft.pointsEarnStatus}
          onChange={(v) => v && set({ pointsEarnStatus: v as EarnStatus })}
          allowDeselect={false}
          w={200}
        />
        <TextInput type="date" label={t("loyalty-settings-start")} value={draft.programStartDate ?? ""} onChange={(e) => set({ programStartDate: e.currentTarget.value || null })} dir="ltr" w={180} />
        <TextInput label={t("loyalty-settings-point-value")} value={draft.pointValue} onChange={(e) => set({ pointValue: e.currentTarget.value })} dir="ltr" w={160} data-testid="loyalty-point-value" />
      </Group>
      <Text size="xs" c="dimmed">{t("loyalty-settings-hint")}</Text>
      {error !== null && <Alert color="red" data-testid="loyalty-settings-error">{errorText(error)}</Alert>}
      {saved && <Alert color="green" data-testid="loyalty-settings-saved">{t("loyalty-settings-saved")}</Alert>}
      <Group>
        <Button onClick={() => void save()} data-testid="loyalty-settings-save">{t("desk-save")}</Button>
      </Group>
    </Stack>
  );
}
