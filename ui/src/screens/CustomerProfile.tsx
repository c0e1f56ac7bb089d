import { Alert, Badge, Button, Card, Group, SimpleGrid, Stack, Table, Text, Timeline, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { api } from "../api";
import { formatDate, formatDateTime, formatMoney } from "../format";
import { useErrorText, useFieldLabel, useLanguage, useT } from "../i18n";
import { Ltr } from "../Ltr";
import { SegmentBadge } from "./SegmentBadge";
import { CustomerOrders } from "./CustomerOrders";
import { LoyaltyCard } from "./LoyaltyCard";
import { fieldLabel as customFieldLabel, formatCustomValue, useCustomFieldDefinitions } from "../customFields";

function Field({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  const t = useT();
  const empty = children === null || children === undefined || children === "";
  return (
    <div>
      <div className="field-label">{label}</div>
      <div data-testid={testId}>{empty ? t("value-none") : children}</div>
    </div>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card withBorder padding="md">
      <Title order={5} mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  );
}

/** Every group of SPEC §1.1 on one page, total spent and LTV side by side. */
export function CustomerProfileScreen({ id, onBack, onEdit }: { id: string; onBack: () => void; onEdit: () => void }) {
  const t = useT();
  const errorText = useErrorText();
  const { lang } = useLanguage();
  const fieldLabel = useFieldLabel();
  const profile = useQuery({ queryKey: ["customers", "profile", id], queryFn: () => api.customerProfile(id) });
  const definitions = useCustomFieldDefinitions().data ?? [];

  if (profile.isPending) return <Text>{t("loading")}</Text>;
  if (profile.isError) return <Alert color="red">{errorText(profile.error)}</Alert>;
  const { customer: c, consentLog } = profile.data;
  const yesNo = (v: boolean) => t(v ? "value-yes" : "value-no");
  // Consent values are stored as text: booleans read as yes/no, the rest as they are.
  const consentValue = (v: string | null) =>
    v === null
      ? t("value-none")
      : v === "true" || v === "false"
        ? yesNo(v === "true")
        : ["whatsapp", "sms", "phone", "email"].includes(v)
          ? t(`contact-${v}`)
          : ["daily", "weekly", "monthly"].includes(v)
            ? t(`freq-${v}`)
            : v;
  const prefs = c.contactInfo.communicationPreferences;

  return (
    <div className="scroll-page">
    <Stack gap="md" pb="xl">
      <Group justify="space-between">
        <Group>
          <Button variant="subtle" onClick={onBack} data-testid="back">
            {t("action-back")}
          </Button>
          <Title order={2} data-testid="profile-name">
            {c.personalInfo.firstName} {c.personalInfo.lastName}
          </Title>
          <SegmentBadge segment={c.segmentation.segment} />
          {c.incomplete && <Badge color="red" variant="outline">{t("customers-incomplete")}</Badge>}
        </Group>
        <Button onClick={onEdit} data-testid="edit-customer">
          {t("action-edit")}
        </Button>
      </Group>

      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Section title={t("section-segmentation")}>
          <SimpleGrid cols={2}>
            <Field label={t("field-total-spent")} testId="total-spent">{formatMoney(c.history.totalSpent, lang)}</Field>
            <Field label={t("field-lifetime-value")}>{formatMoney(c.segmentation.lifetimeValue, lang)}</Field>
            <Field label={t("field-segment")}><SegmentBadge segment={c.segmentation.segment} /></Field>
            <Field label={t("field-churn-risk")}>{c.segmentation.churnRisk}</Field>
            <Field label={t("field-engagement-score")}>{c.segmentation.engagementScore}</Field>
            <Field label={t("field-satisfaction-score")}>{c.segmentation.satisfactionScore}</Field>
          </SimpleGrid>
        </Section>
        <Section title={t("section-contact")}>
          <SimpleGrid cols={2}>
            <Field label={t("field-phone")} testId="profile-phone"><Ltr>{c.phone}</Ltr></Field>
            <Field label={t("field-operator")}>{c.phoneOperator ? t(`operator-${c.phoneOperator}`) : null}</Field>
            <Field label={t("field-email")}>{c.email ? <Ltr>{c.email}</Ltr> : null}</Field>
            <Field label={t("field-secondary-phone")}>{c.contactInfo.secondaryPhone ? <Ltr>{c.contactInfo.secondaryPhone}</Ltr> : null}</Field>
            <Field label={t("field-whatsapp")}>{c.contactInfo.whatsapp ? <Ltr>{c.contactInfo.whatsapp}</Ltr> : null}</Field>
            <Field label={t("field-preferred-contact-method")}>{t(`contact-${c.contactInfo.preferredContactMethod}`)}</Field>
          </SimpleGrid>
        </Section>
        <Section title={t("section-personal")}>
          <SimpleGrid cols={2}>
            <Field label={t("field-first-name")}>{c.personalInfo.firstName}</Field>
            <Field label={t("field-last-name")}>{c.personalInfo.lastName}</Field>
            <Field label={t("field-date-of-birth")}>{formatDate(c.personalInfo.dateOfBirth, lang)}</Field>
            <Field label={t("field-gender")}>{c.personalInfo.gender ? t(`gender-${c.personalInfo.gender}`) : null}</Field>
            <Field label={t("field-preferred-language")}>{t(`lang-${c.personalInfo.preferredLanguage}`)}</Field>
            <Field label={t("field-nationality")}><Ltr>{c.personalInfo.nationality}</Ltr></Field>
          </SimpleGrid>
        </Section>
        <Section title={t("section-preferences")}>
          <SimpleGrid cols={2}>
            <Field label={t("field-order-updates")}>{yesNo(prefs.orderUpdates)}</Field>
            <Field label={t("field-marketing-emails")}>{yesNo(prefs.marketingEmails)}</Field>
            <Field label={t("field-sms-notifications")}>{yesNo(prefs.smsNotifications)}</Field>
            <Field label={t("field-promotional-offers")}>{yesNo(prefs.promotionalOffers)}</Field>
            <Field label={t("field-whatsapp-messages")}>{yesNo(prefs.whatsappMessages)}</Field>
            <Field label={t("field-push-notifications")}>{yesNo(prefs.pushNotifications)}</Field>
            <Field label={t("field-email-frequency")}>{t(`freq-${prefs.emailFrequency}`)}</Field>
            <Field label={t("field-newsletter-subscription")}>{yesNo(c.interactions.newsletterSubscription)}</Field>
          </SimpleGrid>
        </Section>
        <Section title={t("section-addresses")}>
          <Stack gap="xs">
            {c.address.length === 0 && <Text c="dimmed">{t("value-none")}</Text>}
            {c.address.map((a, i) => (
              <Text key={i}>
                {[a.city, a.area, a.street, a.building, a.apartment].filter(Boolean).join("، ")}
                {a.isDefault && <Badge ms="xs" size="xs" variant="light">{t("field-default-address")}</Badge>}
              </Text>
            ))}
          </Stack>
        </Section>
        <Section title={t("section-history")}>
          <SimpleGrid cols={2}>
            <Field label={t("field-total-orders")}>{c.history.totalOrders}</Field>
            <Field label={t("field-average-order-value")}>{formatMoney(c.history.averageOrderValue, lang)}</Field>
            <Field label={t("field-first-order-date")}>{formatDate(c.history.firstOrderDate, lang)}</Field>
            <Field label={t("field-last-order-date")}>{formatDate(c.history.lastOrderDate, lang)}</Field>
            <Field label={t("field-preferred-payment")}>{c.history.preferredPaymentMethod}</Field>
            <Field label={t("field-preferred-shipping")}>{c.history.preferredShippingMethod}</Field>
          </SimpleGrid>
        </Section>
        <Section title={t("section-interactions")}>
          <SimpleGrid cols={2}>
            <Field label={t("field-last-activity")}>{formatDateTime(c.interactions.lastActivityDate, lang)}</Field>
            <Field label={t("field-total-logins")}>{c.interactions.totalLogins}</Field>
            <Field label={t("field-total-page-views")}>{c.interactions.totalPageViews}</Field>
            <Field label={t("field-total-cart-additions")}>{c.interactions.totalCartAdditions}</Field>
            <Field label={t("field-total-wishlist-items")}>{c.interactions.totalWishlistItems}</Field>
            <Field label={t("field-referral-source")}>{c.interactions.referralSource}</Field>
          </SimpleGrid>
        </Section>
        <Section title={t("section-metadata")}>
          <SimpleGrid cols={2}>
            <Field label={t("field-tags")}>
              {c.metadata.tags.length > 0 ? (
                <Group gap={4}>{c.metadata.tags.map((tag) => <Badge key={tag} variant="outline">{tag}</Badge>)}</Group>
              ) : null}
            </Field>
            <Field label={t("field-referral-code")}><Ltr>{c.referralCode}</Ltr></Field>
            <Field label={t("field-created-at")}>{formatDateTime(c.metadata.createdAt, lang)}</Field>
            <Field label={t("field-updated-at")}>{formatDateTime(c.metadata.updatedAt, lang)}</Field>
          </SimpleGrid>
          <Field label={t("field-notes")}>
            <Text style={{ whiteSpace: "pre-wrap" }}>{c.metadata.notes}</Text>
          </Field>
        </Section>
        {(definitions.length > 0 || Object.keys(c.metadata.customFields).length > 0) && (
          <Section title={t("section-custom-fields")}>
            <SimpleGrid cols={2}>
              {definitions.map((d) => (
                <Field key={d.key} label={customFieldLabel(d, lang)} testId={`custom-value-${d.key}`}>
                  {formatCustomValue(c.metadata.customFields[d.key], lang, t)}
                </Field>
              ))}
              {/* Values with no definition are shown as they are, read-only (SPEC §1.7). */}
              {Object.entries(c.metadata.customFields)
                .filter(([key]) => !definitions.some((d) => d.key === key))
                .map(([key, value]) => (
                  <Field key={key} label={key}>
                    {formatCustomValue(value, lang, t)}
                  </Field>
                ))}
            </SimpleGrid>
          </Section>
        )}
      </SimpleGrid>

      <Section title={t("section-consent-log")}>
        <Table striped>
          <Table.Tbody>
            {consentLog.map((entry, i) => (
              <Table.Tr key={i}>
                <Table.Td>{formatDateTime(entry.changedAt, lang)}</Table.Td>
                <Table.Td>{fieldLabel(entry.field)}</Table.Td>
                <Table.Td>{t("consent-transition", { old: consentValue(entry.oldValue), new: consentValue(entry.newValue) })}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Section>
      <CustomerOrders customerId={id} />
      <LoyaltyCard customerId={id} />
      <Section title={t("section-timeline")}>
        <Timeline bulletSize={14} lineWidth={2} data-testid="timeline">
          {profile.data.timeline.map((entry, i) => (
            <Timeline.Item
              key={i}
              title={
                entry.kind === "consent"
                  ? t("timeline-consent", {
                      field: fieldLabel(entry.detail.field ?? ""),
                      change: t("consent-transition", { old: consentValue(entry.detail.old ?? null), new: consentValue(entry.detail.new ?? null) }),
                    })
                  : entry.kind === "order"
                    ? t("timeline-order", { number: entry.detail.number ?? "", status: t(`order-status-${entry.detail.status}`), net: formatMoney(entry.detail.net ?? "0", lang) })
                    : entry.kind === "segment"
                      ? t("timeline-segment", { previous: t(`segment-${entry.detail.previous}`), segment: t(`segment-${entry.detail.segment}`) })
                      : entry.kind === "task"
                        ? t("timeline-task", { task: t(`task-${entry.detail.type}`) })
                        : t(`audit-${entry.kind}`)
              }
            >
              <Text size="xs" c="dimmed">
                {formatDateTime(entry.at, lang)}
              </Text>
              {entry.fields.length > 0 && entry.kind !== "consent" && (
                <Text size="sm">{entry.fields.map(fieldLabel).join("، ")}</Text>
              )}
            </Timeline.Item>
          ))}
        </Timeline>
      </Section>
    </Stack>
    </div>
  );
}
