import { ActionIcon, Alert, Button, Group, Select, Stack, Table, TagsInput, Text, TextInput, Title } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { api } from "../api";
import type { CustomFieldDefinition } from "../bindings/CustomFieldDefinition";
import type { CustomFieldKind } from "../bindings/CustomFieldKind";
import type { ErrorPayload } from "../bindings/ErrorPayload";
import { useCustomFieldDefinitions } from "../customFields";
import { useErrorText, useT } from "../i18n";

const KINDS: CustomFieldKind[] = ["text", "number", "boolean", "date", "list"];

/**
 * The workspace's custom fields (SPEC §1.7): key, Arabic and English label, type and the
 * values allowed. Saving replaces the whole list; core checks it and nothing is saved when
 * a row is wrong. Removing a field keeps customers' values, shown read-only.
 */
export function CustomFieldsScreen({ onBack }: { onBack: () => void }) {
  const t = useT();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const stored = useCustomFieldDefinitions();
  const [rows, setRows] = useState<CustomFieldDefinition[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (stored.data) setRows(stored.data);
  }, [stored.data]);

  const update = (index: number, change: Partial<CustomFieldDefinition>) => {
    setRows((current) => current.map((row, i) => (i === index ? { ...row, ...change } : row)));
    setMessage(null);
  };
  const err = (index: number, field: string) => errors[`definitions.${index}.${field}`];

  const save = async () => {
    setSaving(true);
    setErrors({});
    try {
      const saved = await api.saveCustomFieldDefinitions(rows);
      queryClient.setQueryData(["custom-field-definitions"], saved);
      setRows(saved);
      setMessage({ ok: true, text: t("custom-fields-saved") });
    } catch (e) {
      const payload = e as Partial<ErrorPayload>;
      setErrors(Object.fromEntries((payload.fields ?? []).map((f) => [f.field, t(f.messageId, f.args)])));
      setMessage({ ok: false, text: errorText(e) });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3}>{t("custom-fields-title")}</Title>
        <Button variant="default" onClick={onBack} data-testid="back">
          {t("action-back")}
        </Button>
      </Group>
      <Text size="sm" c="dimmed" data-testid="custom-fields-hint">
        {t("custom-fields-hint")}
      </Text>
      {message && (
        <Alert color={message.ok ? "green" : "red"} data-testid="custom-fields-message">
          {message.text}
        </Alert>
      )}
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("custom-field-key")}</Table.Th>
            <Table.Th>{t("custom-field-label")}</Table.Th>
            <Table.Th>{t("custom-field-label-en")}</Table.Th>
            <Table.Th>{t("custom-field-kind")}</Table.Th>
            <Table.Th>{t("custom-field-allowed")}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row, index) => (
            <Table.Tr key={index} data-testid={`custom-field-row-${index}`}>
              <Table.Td>
                <TextInput dir="ltr" value={row.key} onChange={(e) => update(index, { key: e.currentTarget.value })} error={err(index, "key")} aria-label={t("custom-field-key")} data-testid={`definition-key-${index}`} />
              </Table.Td>
              <Table.Td>
                <TextInput dir="rtl" value={row.label} onChange={(e) => update(index, { label: e.currentTarget.value })} error={err(index, "label")} aria-label={t("custom-field-label")} data-testid={`definition-label-${index}`} />
              </Table.Td>
              <Table.Td>
                <TextInput dir="ltr" value={row.labelEn} onChange={(e) => update(index, { labelEn: e.currentTarget.value })} aria-label={t("custom-field-label-en")} data-testid={`definition-label-en-${index}`} />
              </Table.Td>
              <Table.Td>
                <Select
                  data={KINDS.map((k) => ({ value: k, label: t(`custom-field-kind-${k}`) }))}
                  value={row.kind}
                  allowDeselect={false}
                  onChange={(v) => v && update(index, { kind: v as CustomFieldKind })}
                  aria-label={t("custom-field-kind")}
                  data-testid={`definition-kind-${index}`}
                />
              </Table.Td>
              <Table.Td>
                <TagsInput
                  value={row.allowedValues}
                  onChange={(v) => update(index, { allowedValues: v })}
                  disabled={row.kind !== "text" && row.kind !== "list"}
                  error={err(index, "allowedValues")}
                  aria-label={t("custom-field-allowed")}
                  data-testid={`definition-allowed-${index}`}
                />
              </Table.Td>
              <Table.Td>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t("custom-field-remove")}
                  title={t("custom-field-remove")}
                  onClick={() => setRows((current) => current.filter((_, i) => i !== index))}
                >
                  ×
                </ActionIcon>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {rows.length === 0 && <Text c="dimmed">{t("custom-fields-empty")}</Text>}
      <Group>
        <Button
          variant="default"
          data-testid="add-custom-field"
          onClick={() => setRows((current) => [...current, { key: "", label: "", labelEn: "", kind: "text", allowedValues: [] }])}
        >
          {t("custom-field-add")}
        </Button>
        <Button onClick={() => void save()} loading={saving} data-testid="save-custom-fields">
          {t("action-save")}
        </Button>
      </Group>
    </Stack>
  );
}
