import { Alert, Button, Card, Checkbox, Group, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from "@mantine/core";
import { useHotkeys } from "@mantine/hooks";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { api } from "../api";
import type { Customer } from "../bindings/Customer";
import type { CustomerDraft } from "../bindings/CustomerDraft";
import type { CustomerSummary } from "../bindings/CustomerSummary";
import type { ErrorPayload } from "../bindings/ErrorPayload";
import { useT } from "../i18n";
import { Ltr } from "../Ltr";
import { CustomFieldInput, useCustomFieldDefinitions } from "../customFields";

const EMPTY: CustomerDraft = {
  firstName: "",
  lastName: "",
  email: "",
  phone: "",
  secondaryPhone: "",
  whatsapp: "",
  dateOfBirth: "",
  gender: null,
  preferredLanguage: "ar",
  nationality: "LY",
  preferredContactMethod: "whatsapp",
  communicationPreferences: {
    marketingEmails: false,
    smsNotifications: false,
    orderUpdates: true,
    promotionalOffers: false,
    whatsappMessages: false,
    pushNotifications: false,
    emailFrequency: "daily",
    emailCategories: [],
  },
  newsletterSubscription: false,
  addresses: [{ country: "LY", city: "", area: "", street: "", building: "", apartment: "", postalCode: "", isDefault: true }],
  tags: [],
  notes: "",
  customFields: {},
};

function draftOf(c: Customer): CustomerDraft {
  return {
    firstName: c.personalInfo.firstName,
    lastName: c.personalInfo.lastName,
    email: c.email,
    phone: c.phone,
    secondaryPhone: c.contactInfo.secondaryPhone ?? "",
    whatsapp: c.contactInfo.whatsapp ?? "",
    dateOfBirth: c.personalInfo.dateOfBirth ?? "",
    gender: c.personalInfo.gender,
    preferredLanguage: c.personalInfo.preferredLanguage,
    nationality: c.personalInfo.nationality,
    preferredContactMethod: c.contactInfo.preferredContactMethod,
    communicationPreferences: c.contactInfo.communicationPreferences,
    newsletterSubscription: c.interactions.newsletterSubscription,
    // The form edits the default address; the others are kept as they are.
    addresses: c.address.map((a) => ({
      country: a.country,
      city: a.city,
      area: a.area,
      street: a.street ?? "",
      building: a.building ?? "",
      apartment: a.apartment ?? "",
      postalCode: a.postalCode ?? "",
      isDefault: a.isDefault,
    })).sort((a, b) => Number(b.isDefault) - Number(a.isDefault)),
    tags: c.metadata.tags,
    notes: c.metadata.notes,
    customFields: c.metadata.customFields,
  };
}

/**
 * Create or edit a customer. Validation is core's: the form sends the draft and shows the
 * localised field errors that come back, so the UI, the CLI and import share one rule set.
 */
export function CustomerForm({
  id,
  onSaved,
  onCancel,
  onOpen,
}: {
  id?: string;
  onSaved: (id: string) => void;
  onCancel: () => void;
  onOpen: (id: string) => void;
}) {
  const t = useT();
  const definitions = useCustomFieldDefinitions().data ?? [];
  const queryClient = useQueryClient();
  const existing = useQuery({
    queryKey: ["customers", "profile", id],
    queryFn: () => api.customerProfile(id!),
    enabled: id !== undefined,
  });
  const [draft, setDraft] = useState<CustomerDraft>(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [duplicates, setDuplicates] = useState<CustomerSummary[]>([]);
  const [saving, setSaving] = useState(false);
  useHotkeys([["Escape", onCancel]], []);

  useEffect(() => {
    if (existing.data) setDraft(draftOf(existing.data.customer));
  }, [existing.data]);

  const set = <K extends keyof CustomerDraft>(key: K, value: CustomerDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const setPref = (key: keyof CustomerDraft["communicationPreferences"], value: boolean) =>
    setDraft((d) => ({ ...d, communicationPreferences: { ...d.communicationPreferences, [key]: value } }));
  const setAddress = (key: "city" | "area" | "street" | "building" | "apartment" | "postalCode", value: string) =>
    setDraft((d) => {
      const addresses = d.addresses.length > 0 ? [...d.addresses] : [{ ...EMPTY.addresses[0] }];
      addresses[0] = { ...addresses[0], [key]: value };
      return { ...d, addresses };
    });

  const save = async (confirmDuplicate: boolean) => {
    setSaving(true);
    setErrors({});
    setFormError(null);
    try {
      const saved = id ? await api.updateCustomer(id, draft) : await api.createCustomer(draft, confirmDuplicate);
      await queryClient.invalidateQueries({ queryKey: ["customers"] });
      await queryClient.invalidateQueries({ queryKey: ["app-status"] });
      onSaved(saved.id);
    } catch (e) {
      const payload = e as ErrorPayload;
      if (payload?.code === "possibleDuplicate") {
        setDuplicates(payload.duplicates);
      } else if (payload?.fields?.length) {
        const next: Record<string, string> = {};
        for (const f of payload.fields) next[f.field] = t(f.messageId, f.args as Record<string, string>);
        setErrors(next);
        setFormError(t(payload.messageId));
        // Take the keyboard to the first field that needs correcting.
        requestAnimationFrame(() => document.querySelector<HTMLElement>("[aria-invalid=true]")?.focus());
      } else {
        setFormError(payload?.messageId ? t(payload.messageId, payload.args as Record<string, string>) : String(e));
      }
    } finally {
      setSaving(false);
    }
  };

  const address = draft.addresses[0] ?? EMPTY.addresses[0];
  const err = (field: string) => errors[field];
  const text = (field: keyof CustomerDraft, label: string, props: Record<string, unknown> = {}) => (
    <TextInput
      label={t(label)}
      value={draft[field] as string}
      onChange={(e) => set(field, e.currentTarget.value as never)}
      error={err(field)}
      data-testid={`field-${field}`}
      {...props}
    />
  );

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void save(false);
      }}
      className="scroll-page"
    >
      <Stack gap="md" pb="xl" maw={980}>
        <Title order={3}>{t(id ? "form-edit-title" : "form-create-title")}</Title>
        {formError && (
          <Alert color="red" data-testid="form-error">
            {formError}
          </Alert>
        )}
        {duplicates.length > 0 && (
          <Alert color="yellow" title={t("duplicate-title")} data-testid="duplicate-warning">
            <Stack gap="xs">
              <Text size="sm">{t("duplicate-body")}</Text>
              {duplicates.map((d) => (
                <Group key={d.id} gap="xs">
                  <Text size="sm">
                    {d.firstName} {d.lastName} · <Ltr>{d.phone}</Ltr> · <Ltr>{d.email}</Ltr>
                  </Text>
                  <Button size="xs" variant="light" onClick={() => onOpen(d.id)}>
                    {t("duplicate-open")}
                  </Button>
                </Group>
              ))}
              <Group>
                <Button size="xs" color="yellow" data-testid="save-anyway" onClick={() => void save(true)}>
                  {t("duplicate-save-anyway")}
                </Button>
              </Group>
            </Stack>
          </Alert>
        )}
        <Card withBorder>
          <Title order={5} mb="sm">{t("section-personal")}</Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {text("firstName", "field-first-name", { withAsterisk: true, autoFocus: true })}
            {text("lastName", "field-last-name", { withAsterisk: true })}
            {text("dateOfBirth", "field-date-of-birth", { type: "date" })}
            <Select
              label={t("field-gender")}
              data={[
                { value: "male", label: t("gender-male") },
                { value: "female", label: t("gender-female") },
              ]}
              value={draft.gender}
              clearable
              placeholder={t("gender-unset")}
              onChange={(v) => set("gender", (v as CustomerDraft["gender"]) ?? null)}
            />
            <Select
              label={t("field-preferred-language")}
              data={[
                { value: "ar", label: t("lang-ar") },
                { value: "en", label: t("lang-en") },
              ]}
              value={draft.preferredLanguage}
              allowDeselect={false}
              onChange={(v) => v && set("preferredLanguage", v as CustomerDraft["preferredLanguage"])}
            />
            {text("nationality", "field-nationality", { dir: "ltr", maxLength: 2 })}
          </SimpleGrid>
        </Card>
        <Card withBorder>
          <Title order={5} mb="sm">{t("section-contact")}</Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {text("phone", "field-phone", { withAsterisk: true, dir: "ltr", inputMode: "tel" })}
            {text("email", "field-email", { withAsterisk: true, dir: "ltr", inputMode: "email" })}
            {text("secondaryPhone", "field-secondary-phone", { dir: "ltr", inputMode: "tel" })}
            {text("whatsapp", "field-whatsapp", { dir: "ltr", inputMode: "tel" })}
            <Select
              label={t("field-preferred-contact-method")}
              data={(["whatsapp", "sms", "phone", "email"] as const).map((m) => ({ value: m, label: t(`contact-${m}`) }))}
              value={draft.preferredContactMethod}
              allowDeselect={false}
              onChange={(v) => v && set("preferredContactMethod", v as CustomerDraft["preferredContactMethod"])}
            />
          </SimpleGrid>
        </Card>
        <Card withBorder>
          <Title order={5} mb="sm">{t("section-preferences")}</Title>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            {(["orderUpdates", "marketingEmails", "smsNotifications", "promotionalOffers", "whatsappMessages", "pushNotifications"] as const).map((key) => (
              <Checkbox
                key={key}
                label={t(`field-${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`)}
                checked={draft.communicationPreferences[key]}
                onChange={(e) => setPref(key, e.currentTarget.checked)}
              />
            ))}
            <Checkbox
              label={t("field-newsletter-subscription")}
              checked={draft.newsletterSubscription}
              onChange={(e) => set("newsletterSubscription", e.currentTarget.checked)}
            />
          </SimpleGrid>
        </Card>
        <Card withBorder>
          <Title order={5} mb="sm">{t("form-address-title")}</Title>
          {errors["addresses"] && <Text c="red" size="sm">{errors["addresses"]}</Text>}
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            {(["city", "area", "street", "building", "apartment", "postalCode"] as const).map((key) => (
              <TextInput
                key={key}
                label={t(`field-${key === "postalCode" ? "postal-code" : key}`)}
                withAsterisk={key === "city" || key === "area"}
                value={address[key]}
                onChange={(e) => setAddress(key, e.currentTarget.value)}
                error={err(`addresses.0.${key}`)}
                data-testid={`field-address-${key}`}
              />
            ))}
          </SimpleGrid>
        </Card>
        <Card withBorder>
          <Title order={5} mb="sm">{t("section-metadata")}</Title>
          <Stack>
            <TextInput
              label={t("field-tags")}
              description={t("field-tags-hint")}
              value={draft.tags.join("، ")}
              onChange={(e) => set("tags", e.currentTarget.value.split(/[,،]/).map((s) => s.trimStart()))}
              error={err("tags")}
            />
            <Textarea
              label={t("field-notes")}
              value={draft.notes}
              autosize
              minRows={2}
              onChange={(e) => set("notes", e.currentTarget.value)}
              error={err("notes")}
            />
          </Stack>
        </Card>
        {definitions.length > 0 && (
          <Card withBorder>
            <Title order={5} mb="sm">{t("section-custom-fields")}</Title>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              {definitions.map((definition) => (
                <CustomFieldInput
                  key={definition.key}
                  definition={definition}
                  value={draft.customFields[definition.key]}
                  error={err(`customFields.${definition.key}`)}
                  onChange={(value) => set("customFields", { ...draft.customFields, [definition.key]: value })}
                />
              ))}
            </SimpleGrid>
          </Card>
        )}
        <Group>
          <Button type="submit" loading={saving} data-testid="save-customer">
            {t("action-save")}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t("action-cancel")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
