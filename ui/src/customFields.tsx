// Custom fields (SPEC §1.7): the workspace's definitions, how a value reads, and the input
// that edits one. Values are plain JSON; core checks them against the definitions.
import { Checkbox, MultiSelect, Select, TagsInput, TextInput } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { api } from "./api";
import type { CustomFieldDefinition } from "./bindings/CustomFieldDefinition";
import type { Lang } from "./bindings/Lang";
import { useLanguage } from "./i18n";

export function useCustomFieldDefinitions() {
  return useQuery({ queryKey: ["custom-field-definitions"], queryFn: api.customFieldDefinitions });
}

export function fieldLabel(definition: CustomFieldDefinition, lang: Lang): string {
  return lang === "en" && definition.labelEn ? definition.labelEn : definition.label;
}

/** A stored value as staff read it; `t` supplies yes/no. Unknown shapes show as JSON text. */
export function formatCustomValue(value: unknown, lang: Lang, t: (id: string) => string): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return t(value ? "value-yes" : "value-no");
  if (Array.isArray(value)) return value.map((v) => String(v)).join(lang === "ar" ? "، " : ", ");
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/** The input for one defined field; `onChange(null)` clears the value. */
export function CustomFieldInput({
  definition,
  value,
  error,
  onChange,
}: {
  definition: CustomFieldDefinition;
  value: unknown;
  error?: string;
  onChange: (value: unknown) => void;
}) {
  const { lang } = useLanguage();
  const label = fieldLabel(definition, lang);
  const testId = `custom-field-${definition.key}`;
  const allowed = definition.allowedValues;
  switch (definition.kind) {
    case "boolean":
      return <Checkbox mt="lg" label={label} checked={value === true} onChange={(e) => onChange(e.currentTarget.checked)} error={error} data-testid={testId} />;
    case "number":
      return (
        <TextInput
          label={label}
          dir="ltr"
          inputMode="decimal"
          value={typeof value === "number" || typeof value === "string" ? String(value) : ""}
          // A number that does not parse is sent as text, so core names the problem.
          onChange={(e) => {
            const text = e.currentTarget.value.trim();
            onChange(text === "" ? null : Number.isFinite(Number(text)) ? Number(text) : text);
          }}
          error={error}
          data-testid={testId}
        />
      );
    case "date":
      return <TextInput type="date" label={label} value={typeof value === "string" ? value : ""} onChange={(e) => onChange(e.currentTarget.value || null)} error={error} data-testid={testId} />;
    case "list": {
      const items = Array.isArray(value) ? value.map(String) : [];
      return allowed.length > 0 ? (
        <MultiSelect label={label} data={allowed} value={items} onChange={(v) => onChange(v.length ? v : null)} error={error} clearable data-testid={testId} />
      ) : (
        <TagsInput label={label} value={items} onChange={(v) => onChange(v.length ? v : null)} error={error} data-testid={testId} />
      );
    }
    default:
      return allowed.length > 0 ? (
        <Select label={label} data={allowed} value={typeof value === "string" ? value : null} onChange={(v) => onChange(v)} error={error} clearable data-testid={testId} />
      ) : (
        <TextInput label={label} value={typeof value === "string" ? value : ""} onChange={(e) => onChange(e.currentTarget.value || null)} error={error} data-testid={testId} />
      );
  }
}

/** The value choices a list filter offers for a field: its allowed values, or yes/no. */
export function filterChoices(definition: CustomFieldDefinition, t: (id: string) => string): { value: string; label: string }[] | null {
  if (definition.kind === "boolean") {
    return [
      { value: "true", label: t("value-yes") },
      { value: "false", label: t("value-no") },
    ];
  }
  return definition.allowedValues.length > 0 ? definition.allowedValues.map((v) => ({ value: v, label: v })) : null;
}
