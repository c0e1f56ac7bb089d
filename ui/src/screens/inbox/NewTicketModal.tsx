import { Autocomplete, Button, Group, Modal, Select, Stack, Text, TextInput, Textarea } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { api } from "../../api";
import type { Category } from "../../bindings/Category";
import type { Channel } from "../../bindings/Channel";
import type { FieldError } from "../../bindings/FieldError";
import type { Priority } from "../../bindings/Priority";
import type { Ticket } from "../../bindings/Ticket";
import { useErrorText, useT } from "../../i18n";

const PRIORITIES: Priority[] = ["low", "medium", "high", "urgent"];
const CATEGORIES: Category[] = ["order", "payment", "shipping", "product", "technical", "other"];
const CHANNELS: Channel[] = ["phone", "whatsapp", "email", "sms", "platform"];

/** Opens a ticket for a customer found by name or phone; unset priority and category take core's defaults. */
export function NewTicketModal({ opened, onClose, onCreated }: { opened: boolean; onClose: () => void; onCreated: (ticket: Ticket) => void }) {
  const t = useT();
  const errorText = useErrorText();
  const [query, setQuery] = useState("");
  const [customerRef, setCustomerRef] = useState("");
  const [subject, setSubject] = useState("");
  const [description, setDescription] = useState("");
  const [priority, setPriority] = useState<string | null>(null);
  const [category, setCategory] = useState<string | null>(null);
  const [channel, setChannel] = useState<string>("phone");
  const [orderRef, setOrderRef] = useState("");
  const [subcategory, setSubcategory] = useState("");
  const desk = useQuery({ queryKey: ["desk-settings"], queryFn: api.deskSettings, enabled: opened });
  const subcategories = desk.data?.support.subcategories.find(([c]) => c === category)?.[1] ?? [];
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const found = useQuery({
    queryKey: ["customers", "search", query],
    queryFn: () => api.searchCustomers(query, 8),
    enabled: query.trim().length >= 2,
  });
  const options = (found.data ?? []).map((c) => ({ value: c.id, label: `${c.firstName} ${c.lastName} · ${c.phone}` }));

  const submit = async () => {
    setError(null);
    setFields({});
    try {
      const ticket = await api.createTicket({
        customerRef: customerRef || query,
        subject,
        description,
        priority: priority as Priority | null,
        category: category as Category | null,
        subcategory: subcategory.trim() || null,
        channel: channel as Channel,
        orderRef: orderRef.trim() || null,
      });
      setQuery("");
      setCustomerRef("");
      setSubject("");
      setDescription("");
      setOrderRef("");
      setSubcategory("");
      onCreated(ticket);
    } catch (e) {
      const payload = e as { fields?: FieldError[] };
      if (payload.fields?.length) {
        setFields(Object.fromEntries(payload.fields.map((f) => [f.field, t(f.messageId, f.args as Record<string, string>)])));
      } else {
        setError(errorText(e));
      }
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t("inbox-new-ticket")} size="lg">
      <Stack gap="sm" data-testid="new-ticket-form">
        <Autocomplete
          label={t("inbox-new-customer")}
          value={query}
          onChange={(v) => {
            setQuery(v);
            setCustomerRef("");
          }}
          data={options}
          onOptionSubmit={(id) => {
            setCustomerRef(id);
            const picked = options.find((o) => o.value === id);
            if (picked) setQuery(picked.label);
          }}
          error={fields.customerRef}
          data-autofocus
          data-testid="new-ticket-customer"
        />
        <TextInput label={t("inbox-new-subject")} value={subject} onChange={(e) => setSubject(e.currentTarget.value)} error={fields.subject} data-testid="new-ticket-subject" />
        <Textarea
          label={t("inbox-new-description")}
          autosize
          minRows={3}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          error={fields.description}
          data-testid="new-ticket-description"
        />
        <Group grow>
          <Select
            label={t("inbox-priority")}
            placeholder={t("inbox-default")}
            clearable
            data={PRIORITIES.map((p) => ({ value: p, label: t("ticket-priority", { priority: p }) }))}
            value={priority}
            onChange={setPriority}
          />
          <Select
            label={t("inbox-category")}
            placeholder={t("inbox-default")}
            clearable
            data={CATEGORIES.map((c) => ({ value: c, label: t("ticket-category", { category: c }) }))}
            value={category}
            onChange={setCategory}
          />
          <Select
            label={t("inbox-channel")}
            allowDeselect={false}
            data={CHANNELS.map((c) => ({ value: c, label: t("ticket-channel", { channel: c }) }))}
            value={channel}
            onChange={(v) => v && setChannel(v)}
          />
        </Group>
        <Autocomplete
          label={t("inbox-subcategory")}
          description={category ? undefined : t("inbox-subcategory-hint")}
          data={subcategories}
          value={subcategory}
          onChange={setSubcategory}
        />
        <TextInput label={t("inbox-new-order")} value={orderRef} onChange={(e) => setOrderRef(e.currentTarget.value)} error={fields.orderRef} dir="ltr" />
        {error && <Text c="red" size="sm">{error}</Text>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t("action-cancel")}</Button>
          <Button onClick={() => void submit()} data-testid="new-ticket-save">{t("inbox-new-save")}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
