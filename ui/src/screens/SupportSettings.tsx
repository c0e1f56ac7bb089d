import { Alert, Badge, Button, Card, Checkbox, Group, NumberInput, Select, Stack, Switch, Table, TagsInput, Text, TextInput, Textarea, Title } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { api } from "../api";
import type { CannedReplyDraft } from "../bindings/CannedReplyDraft";
import type { Category } from "../bindings/Category";
import type { DeskSettings } from "../bindings/DeskSettings";
import { formatDate, formatHijri } from "../format";
import { useErrorDetail, useLanguage, useT } from "../i18n";

/** chrono's weekday numbers (0 = Monday), in the order of a Libyan week: Saturday first. */
const WEEK: number[] = [5, 6, 0, 1, 2, 3, 4];
const CATEGORIES: Category[] = ["order", "payment", "shipping", "product", "technical", "other"];

/**
 * The support desk's settings (issue #5): the store calendar the SLA counts business
 * hours in (working days, hours, holidays, with Libya's holidays proposed from the
 * Umm al-Qura calendar for the merchant to confirm), SLA targets per priority, the
 * automatic moves and auto-reply, agents available for round-robin, canned replies, and
 * the intent keywords.
 */
export function SupportSettings() {
  const t = useT();
  const errorText = useErrorDetail();
  const { lang } = useLanguage();
  const queryClient = useQueryClient();
  const stored = useQuery({ queryKey: ["desk-settings"], queryFn: api.deskSettings });
  const staff = useQuery({ queryKey: ["staff"], queryFn: api.staffMembers });
  const canned = useQuery({ queryKey: ["canned-replies", "all"], queryFn: api.allCannedReplies });
  const [draft, setDraft] = useState<DeskSettings | null>(null);
  const [year, setYear] = useState(new Date().getFullYear());
  const proposals = useQuery({ queryKey: ["proposed-holidays", year], queryFn: () => api.proposedHolidays(year) });
  const [message, setMessage] = useState<{ ok: string } | { error: unknown } | null>(null);
  const [newHoliday, setNewHoliday] = useState({ date: "", name: "" });
  const [reply, setReply] = useState<CannedReplyDraft | null>(null);
  useEffect(() => {
    if (stored.data && !draft) setDraft(stored.data);
  }, [stored.data, draft]);
  if (!draft) return null;

  const calendar = draft.sla.calendar;
  const setCalendar = (change: Partial<typeof calendar>) => setDraft({ ...draft, sla: { ...draft.sla, calendar: { ...calendar, ...change } } });
  const addHoliday = (date: string, name: string) => {
    if (!date || calendar.holidays.some((h) => h.date === date)) return;
    setCalendar({ holidays: [...calendar.holidays, { date, name }].sort((a, b) => a.date.localeCompare(b.date)) });
  };
  const shift = (date: string, days: number) => {
    const d = new Date(`${date}T12:00:00Z`);
    d.setUTCDate(d.getUTCDate() + days);
    return d.toISOString().slice(0, 10);
  };
  const save = async (what: () => Promise<unknown>, ok: string) => {
    setMessage(null);
    try {
      await what();
      setMessage({ ok });
      await queryClient.invalidateQueries({ queryKey: ["desk-settings"] });
      await queryClient.invalidateQueries({ queryKey: ["inbox"] });
    } catch (error) {
      setMessage({ error });
    }
  };

  return (
    <Card withBorder data-testid="desk-settings">
      <Title order={5}>{t("desk-settings")}</Title>
      {message && (
        <Alert mt="sm" color={"ok" in message ? "green" : "red"} data-testid="desk-settings-message">
          {"ok" in message ? t(message.ok) : errorText(message.error)}
        </Alert>
      )}

      <Title order={6} mt="md">{t("desk-hours")}</Title>
      <Group gap="xs" mt={4} data-testid="working-days">
        {WEEK.map((day) => (
          <Checkbox
            key={day}
            label={t("weekday", { day })}
            checked={calendar.workingDays.includes(day)}
            onChange={(e) =>
              setCalendar({ workingDays: e.currentTarget.checked ? [...calendar.workingDays, day] : calendar.workingDays.filter((d) => d !== day) })
            }
          />
        ))}
      </Group>
      <Group mt="xs">
        <TextInput type="time" label={t("desk-opens")} value={calendar.opens.slice(0, 5)} onChange={(e) => setCalendar({ opens: `${e.currentTarget.value}:00` })} dir="ltr" w={130} />
        <TextInput type="time" label={t("desk-closes")} value={calendar.closes.slice(0, 5)} onChange={(e) => setCalendar({ closes: `${e.currentTarget.value}:00` })} dir="ltr" w={130} />
      </Group>

      <Title order={6} mt="md">{t("desk-holidays")}</Title>
      <Table mt={4} data-testid="holidays">
        <Table.Tbody>
          {calendar.holidays.length === 0 && (
            <Table.Tr><Table.Td c="dimmed">{t("value-none")}</Table.Td></Table.Tr>
          )}
          {calendar.holidays.map((h) => (
            <Table.Tr key={h.date}>
              <Table.Td>{formatDate(h.date, lang)}</Table.Td>
              <Table.Td c="dimmed">{formatHijri(h.date, lang)}</Table.Td>
              <Table.Td>{h.name}</Table.Td>
              <Table.Td>
                <Button size="compact-xs" variant="subtle" color="red" onClick={() => setCalendar({ holidays: calendar.holidays.filter((x) => x.date !== h.date) })}>
                  {t("desk-remove")}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group mt="xs" align="flex-end">
        <TextInput type="date" label={t("desk-holiday-date")} value={newHoliday.date} onChange={(e) => setNewHoliday({ ...newHoliday, date: e.currentTarget.value })} dir="ltr" />
        <TextInput label={t("desk-holiday-name")} value={newHoliday.name} onChange={(e) => setNewHoliday({ ...newHoliday, name: e.currentTarget.value })} />
        <Button
          variant="light"
          disabled={!newHoliday.date || !newHoliday.name.trim()}
          onClick={() => {
            addHoliday(newHoliday.date, newHoliday.name.trim());
            setNewHoliday({ date: "", name: "" });
          }}
        >
          {t("desk-add")}
        </Button>
      </Group>
      <Group mt="sm" gap="xs">
        <Text size="sm" fw={600}>{t("desk-proposed", { year: String(year) })}</Text>
        <Button size="compact-xs" variant="default" onClick={() => setYear(year - 1)}>−</Button>
        <Button size="compact-xs" variant="default" onClick={() => setYear(year + 1)}>+</Button>
      </Group>
      <Text size="xs" c="dimmed">{t("desk-proposed-hint")}</Text>
      <Table mt={4} data-testid="proposed-holidays">
        <Table.Tbody>
          {(proposals.data ?? []).map((p) => {
            const name = t("holiday", { kind: p.kind, day: p.day });
            const added = calendar.holidays.some((h) => h.date === p.date);
            return (
              <Table.Tr key={`${p.kind}-${p.day}-${p.date}`}>
                <Table.Td>{name}</Table.Td>
                <Table.Td>{formatDate(p.date, lang)}</Table.Td>
                <Table.Td c="dimmed">{t("hijri-date", { day: p.hijri.day, month: p.hijri.month, year: String(p.hijri.year) })}</Table.Td>
                <Table.Td>
                  {added ? (
                    <Badge variant="light" color="green">{t("desk-added")}</Badge>
                  ) : (
                    <Group gap={4}>
                      <Button size="compact-xs" variant="light" onClick={() => addHoliday(p.date, name)} data-testid="holiday-confirm">
                        {t("desk-confirm")}
                      </Button>
                      {p.kind !== "revolution_day" && p.kind !== "labour_day" && p.kind !== "martyrs_day" && p.kind !== "liberation_day" && p.kind !== "independence_day" && (
                        <Button size="compact-xs" variant="subtle" onClick={() => addHoliday(shift(p.date, 1), name)} title={t("desk-shift-hint")}>
                          {t("desk-shift")}
                        </Button>
                      )}
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>

      <Title order={6} mt="md">{t("desk-sla-targets")}</Title>
      <Table mt={4} data-testid="sla-targets">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("inbox-priority")}</Table.Th>
            <Table.Th>{t("desk-first-response-minutes")}</Table.Th>
            <Table.Th>{t("desk-resolution-hours")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {draft.sla.targets.map((target, i) => (
            <Table.Tr key={target.priority}>
              <Table.Td>{t("ticket-priority", { priority: target.priority })}</Table.Td>
              <Table.Td>
                <NumberInput
                  min={1}
                  allowDecimal={false}
                  value={target.firstResponseMinutes}
                  onChange={(v) => setDraft({ ...draft, sla: { ...draft.sla, targets: draft.sla.targets.map((x, j) => (j === i ? { ...x, firstResponseMinutes: Number(v) || 0 } : x)) } })}
                  aria-label={t("desk-first-response-minutes")}
                />
              </Table.Td>
              <Table.Td>
                <NumberInput
                  min={1}
                  allowDecimal={false}
                  value={target.resolutionMinutes / 60}
                  onChange={(v) => setDraft({ ...draft, sla: { ...draft.sla, targets: draft.sla.targets.map((x, j) => (j === i ? { ...x, resolutionMinutes: (Number(v) || 0) * 60 } : x)) } })}
                  aria-label={t("desk-resolution-hours")}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group mt="sm">
        <Button onClick={() => void save(() => api.saveSlaSettings(draft.sla), "desk-sla-saved")} data-testid="save-sla">{t("desk-save-sla")}</Button>
      </Group>

      <Title order={6} mt="md">{t("desk-automation")}</Title>
      <Group mt={4} align="flex-end">
        <NumberInput
          label={t("desk-auto-resolve")}
          min={1}
          max={90}
          value={draft.support.autoResolveAfterDays}
          onChange={(v) => setDraft({ ...draft, support: { ...draft.support, autoResolveAfterDays: Number(v) || 0 } })}
          w={200}
        />
        <NumberInput
          label={t("desk-auto-close")}
          min={1}
          max={90}
          value={draft.support.autoCloseAfterDays}
          onChange={(v) => setDraft({ ...draft, support: { ...draft.support, autoCloseAfterDays: Number(v) || 0 } })}
          w={200}
        />
        <Switch
          label={t("desk-auto-reply")}
          checked={draft.support.autoReply}
          onChange={(e) => setDraft({ ...draft, support: { ...draft.support, autoReply: e.currentTarget.checked } })}
        />
        <Button variant="light" onClick={() => void save(() => api.saveSupportSettings(draft.support), "desk-saved")}>{t("desk-save")}</Button>
      </Group>

      <Title order={6} mt="md">{t("desk-agents")}</Title>
      <Stack gap={4} mt={4} data-testid="agents">
        {(staff.data ?? []).map((member) => (
          <Switch
            key={member.id}
            label={member.displayName}
            checked={member.available}
            onChange={async (e) => {
              await api.setStaffAvailable(member.id, e.currentTarget.checked);
              await queryClient.invalidateQueries({ queryKey: ["staff"] });
            }}
          />
        ))}
      </Stack>

      <Title order={6} mt="md">{t("desk-canned")}</Title>
      <Table mt={4}>
        <Table.Tbody>
          {(canned.data ?? []).map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>{c.title}</Table.Td>
              <Table.Td c="dimmed" maw={360} style={{ overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" }}>{lang === "ar" ? c.bodyAr : c.bodyEn}</Table.Td>
              <Table.Td>{!c.active && <Badge color="gray">{t("desk-inactive")}</Badge>}</Table.Td>
              <Table.Td>
                <Button size="compact-xs" variant="subtle" onClick={() => setReply({ ...c, id: c.id })}>{t("desk-edit")}</Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Button mt="xs" size="xs" variant="light" onClick={() => setReply({ id: null, title: "", bodyAr: "", bodyEn: "", category: null, active: true })}>
        {t("desk-add-canned")}
      </Button>
      {reply && (
        <Stack mt="xs" gap="xs" maw={640}>
          <TextInput label={t("desk-canned-title")} value={reply.title} onChange={(e) => setReply({ ...reply, title: e.currentTarget.value })} />
          <Textarea label={t("desk-canned-ar")} autosize minRows={2} value={reply.bodyAr} onChange={(e) => setReply({ ...reply, bodyAr: e.currentTarget.value })} dir="rtl" />
          <Textarea label={t("desk-canned-en")} autosize minRows={2} value={reply.bodyEn} onChange={(e) => setReply({ ...reply, bodyEn: e.currentTarget.value })} dir="ltr" />
          <Text size="xs" c="dimmed">{t("desk-canned-placeholders")}</Text>
          <Group>
            <Select
              clearable
              placeholder={t("inbox-category")}
              data={CATEGORIES.map((c) => ({ value: c, label: t("ticket-category", { category: c }) }))}
              value={reply.category}
              onChange={(v) => setReply({ ...reply, category: v as Category | null })}
            />
            <Switch label={t("desk-active")} checked={reply.active} onChange={(e) => setReply({ ...reply, active: e.currentTarget.checked })} />
            <Button
              onClick={() =>
                void save(async () => {
                  await api.saveCannedReply(reply);
                  setReply(null);
                  await queryClient.invalidateQueries({ queryKey: ["canned-replies"] });
                }, "desk-saved")
              }
            >
              {t("desk-save")}
            </Button>
            <Button variant="default" onClick={() => setReply(null)}>{t("action-cancel")}</Button>
          </Group>
        </Stack>
      )}

      <Title order={6} mt="md">{t("desk-intents")}</Title>
      <Text size="xs" c="dimmed">{t("desk-intents-hint")}</Text>
      <Stack gap="xs" mt={4} data-testid="intent-keywords">
        {draft.smartReplies.rules.map((rule, i) => (
          <TagsInput
            key={rule.intent}
            label={t("ticket-intent", { intent: rule.intent })}
            value={rule.keywords}
            onChange={(keywords) =>
              setDraft({ ...draft, smartReplies: { ...draft.smartReplies, rules: draft.smartReplies.rules.map((r, j) => (j === i ? { ...r, keywords } : r)) } })
            }
          />
        ))}
      </Stack>
      <Group mt="sm">
        <Button variant="light" onClick={() => void save(() => api.saveSmartReplySettings(draft.smartReplies), "desk-saved")}>{t("desk-save-intents")}</Button>
      </Group>
    </Card>
  );
}
