import { Button, Group, MultiSelect, Select, Stack, Switch, TagsInput, Text, TextInput } from "@mantine/core";
import type { Campaign } from "../bindings/Campaign";
import type { Scope } from "../bindings/Scope";
import type { Segment } from "../bindings/Segment";
import { formatHijri } from "../format";
import { useLanguage, useT } from "../i18n";

const SEGMENTS: Segment[] = ["new", "bronze", "silver", "gold", "platinum", "vip"];
const SCOPES: Scope["kind"][] = ["order", "localProducts", "categories"];

/**
 * A campaign being proposed or edited (SPEC §4.7): its dates with the Hijri date under
 * each, the multiplier and which items it covers, who it is for, and for a monthly
 * campaign the days of the month it is on. Core checks the whole campaign on save.
 */
export function CampaignForm({ draft, onChange, onSave, onCancel }: { draft: Campaign; onChange: (c: Campaign) => void; onSave: () => void; onCancel: () => void }) {
  const t = useT();
  const { lang } = useLanguage();
  const setScope = (kind: Scope["kind"]) =>
    onChange({ ...draft, scope: kind === "categories" ? { kind, categories: draft.scope.kind === "categories" ? draft.scope.categories : [] } : { kind } });
  return (
    <Stack mt="sm" gap="xs" maw={760} data-testid="campaign-draft">
      <TextInput label={t("campaign-name")} value={draft.name} onChange={(e) => onChange({ ...draft, name: e.currentTarget.value })} />
      <Group align="flex-start">
        <TextInput type="date" label={t("campaign-starts")} value={draft.startDate} onChange={(e) => onChange({ ...draft, startDate: e.currentTarget.value })} dir="ltr" description={formatHijri(draft.startDate, lang)} />
        <TextInput type="date" label={t("campaign-ends")} value={draft.endDate} onChange={(e) => onChange({ ...draft, endDate: e.currentTarget.value })} dir="ltr" description={formatHijri(draft.endDate, lang)} />
        <TextInput label={t("campaign-multiplier")} value={draft.multiplier} onChange={(e) => onChange({ ...draft, multiplier: e.currentTarget.value })} dir="ltr" w={100} />
      </Group>
      <Group align="flex-end">
        <Select
          label={t("campaign-scope-label")}
          data={SCOPES.map((s) => ({ value: s, label: t("campaign-scope", { scope: s }) }))}
          value={draft.scope.kind}
          onChange={(v) => v && setScope(v as Scope["kind"])}
          allowDeselect={false}
          w={220}
          data-testid="campaign-scope"
        />
        {draft.scope.kind === "categories" && (
          <TagsInput
            label={t("campaign-categories")}
            value={draft.scope.categories}
            onChange={(categories) => onChange({ ...draft, scope: { kind: "categories", categories } })}
            w={320}
          />
        )}
      </Group>
      {draft.kind === "monthly" && (
        <MultiSelect
          label={t("campaign-monthly-days")}
          data={Array.from({ length: 31 }, (_, i) => String(i + 1))}
          value={draft.monthlyDays.map(String)}
          onChange={(days) => onChange({ ...draft, monthlyDays: days.map(Number).sort((a, b) => a - b) })}
          maw={500}
          data-testid="campaign-monthly-days"
        />
      )}
      <Text size="sm" fw={500}>{t("campaign-audience")}</Text>
      <Text size="xs" c="dimmed">{t("campaign-audience-hint")}</Text>
      <Group align="flex-end">
        <MultiSelect
          label={t("report-segment")}
          data={SEGMENTS.map((s) => ({ value: s, label: t(`segment-${s}`) }))}
          value={draft.audience.segments}
          onChange={(segments) => onChange({ ...draft, audience: { ...draft.audience, segments: segments as Segment[] } })}
          w={260}
          data-testid="campaign-segments"
        />
        <TagsInput label={t("campaign-tags")} value={draft.audience.tags} onChange={(tags) => onChange({ ...draft, audience: { ...draft.audience, tags } })} w={220} />
        <TagsInput
          label={t("campaign-nationalities")}
          value={draft.audience.nationalities}
          onChange={(codes) => onChange({ ...draft, audience: { ...draft.audience, nationalities: codes.map((c) => c.trim().toUpperCase()) } })}
          w={220}
          dir="ltr"
        />
        <Switch
          label={t("campaign-birthday")}
          checked={draft.audience.birthdayMonth}
          onChange={(e) => onChange({ ...draft, audience: { ...draft.audience, birthdayMonth: e.currentTarget.checked } })}
        />
      </Group>
      <Text size="xs" c="dimmed">{t("campaign-confirm-hint")}</Text>
      <Group>
        <Button onClick={onSave} data-testid="campaign-save">{t("campaign-save")}</Button>
        <Button variant="default" onClick={onCancel}>{t("action-cancel")}</Button>
      </Group>
    </Stack>
  );
}
