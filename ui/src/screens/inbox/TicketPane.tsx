import {
  Alert,
  Badge,
  Button,
  Group,
  Image,
  Modal,
  Paper,
  Select,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { forwardRef, useEffect, useImperativeHandle, useRef, useState } from "react";
import { api } from "../../api";
import type { Message } from "../../bindings/Message";
import type { TicketDetail } from "../../bindings/TicketDetail";
import type { TicketStatus } from "../../bindings/TicketStatus";
import { formatDateTime } from "../../format";
import { useErrorDetail, useLanguage, useT } from "../../i18n";
import { Ltr } from "../../Ltr";
import { chooseAttachment } from "../../platform/dialogs";
import { ClockBadge, PriorityBadge, StatusBadge } from "./badges";

const STATUSES: TicketStatus[] = ["open", "in_progress", "waiting_response", "resolved", "closed"];
type ComposerKind = "reply" | "note" | "customer";

/** What the inbox's keyboard shortcuts reach inside the pane. */
export type TicketPaneHandle = {
  focusReply: () => void;
  assignToMe: () => void;
  focusStatus: () => void;
};

/**
 * One ticket: its header (status, priority, assignee, SLA clocks), the conversation, the
 * suggested reply, and the composer. Every change goes through a core use-case; a refused
 * status change shows core's reason and changes nothing.
 */
export const TicketPane = forwardRef<TicketPaneHandle, { detail: TicketDetail; staffId: string; onChanged: () => void; onOpenTicket: (id: string) => void }>(
  function TicketPane({ detail, staffId, onChanged, onOpenTicket }, ref) {
    const t = useT();
    const errorText = useErrorDetail();
    const { lang } = useLanguage();
    const queryClient = useQueryClient();
    const ticket = detail.ticket;
    const [body, setBody] = useState("");
    const [kind, setKind] = useState<ComposerKind>("reply");
    const [error, setError] = useState<string | null>(null);
    const [missing, setMissing] = useState<string[]>([]);
    const [busy, setBusy] = useState(false);
    const [mergeOpen, setMergeOpen] = useState(false);
    const [viewing, setViewing] = useState<{ name: string; url: string } | null>(null);
    const replyRef = useRef<HTMLTextAreaElement>(null);
    const statusRef = useRef<HTMLInputElement>(null);
    const staff = useQuery({ queryKey: ["staff"], queryFn: api.staffMembers });
    const canned = useQuery({ queryKey: ["canned-replies"], queryFn: api.cannedReplies });

    useEffect(() => {
      setBody("");
      setError(null);
      setMissing([]);
      setKind("reply");
    }, [ticket.id]);

    const run = async (action: () => Promise<unknown>) => {
      setBusy(true);
      setError(null);
      try {
        await action();
        await queryClient.invalidateQueries({ queryKey: ["inbox"] });
        onChanged();
        return true;
      } catch (e) {
        setError(errorText(e));
        return false;
      } finally {
        setBusy(false);
      }
    };

    const assignToMe = () => void run(() => api.assignTicket(ticket.id, { kind: "staff", id: staffId }));
    useImperativeHandle(ref, () => ({
      focusReply: () => replyRef.current?.focus(),
      assignToMe,
      focusStatus: () => statusRef.current?.focus(),
    }));

    const send = async () => {
      const text = body;
      const sent = await run(() =>
        kind === "customer" ? api.logCustomerMessage(ticket.id, text) : api.replyToTicket(ticket.id, kind === "note" ? "note" : "reply", text),
      );
      if (sent) {
        setBody("");
        setMissing([]);
      }
    };

    const insertCanned = async (id: string | null) => {
      if (!id) return;
      try {
        const filled = await api.fillCannedReply(id, ticket.id);
        setBody(filled.text);
        setMissing(filled.missing);
        replyRef.current?.focus();
      } catch (e) {
        setError(errorText(e));
      }
    };

    const attach = async () => {
      const path = await chooseAttachment();
      if (path) await run(() => api.attachFile(ticket.id, path));
    };

    const view = async (id: string, name: string) => {
      try {
        setViewing({ name, url: await api.attachmentData(id) });
      } catch (e) {
        setError(errorText(e));
      }
    };

    const assigneeOptions = [
      { value: "__nobody", label: t("inbox-unassigned") },
      { value: "__round_robin", label: t("inbox-round-robin") },
      ...(staff.data ?? []).map((s) => ({ value: s.id, label: s.displayName })),
    ];
    const assign = (value: string | null) => {
      if (!value || value === ticket.assignedTo) return;
      const assignee =
        value === "__nobody" ? { kind: "nobody" as const } : value === "__round_robin" ? { kind: "roundRobin" as const } : { kind: "staff" as const, id: value };
      void run(() => api.assignTicket(ticket.id, assignee));
    };

    const closed = ticket.status === "closed";
    return (
      <Stack gap="sm" className="inbox-pane" data-testid="ticket-pane">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={4}>
            <Title order={4} dir="auto" data-testid="ticket-subject">{ticket.subject}</Title>
            <Group gap={6}>
              <Text size="sm" c="dimmed"><Ltr>{ticket.ticketNumber}</Ltr></Text>
              <StatusBadge status={ticket.status} />
              <PriorityBadge priority={ticket.priority} />
              <Badge size="sm" variant="default">
                {t("ticket-category", { category: ticket.category })}
                {ticket.subcategory && ` · ${ticket.subcategory}`}
              </Badge>
              <Badge size="sm" variant="default">{t("ticket-channel", { channel: ticket.channel })}</Badge>
              {ticket.escalated && <Badge size="sm" color="red">{t("inbox-escalated")}</Badge>}
              {ticket.reopenedCount > 0 && <Badge size="sm" variant="outline">{t("inbox-reopened", { count: ticket.reopenedCount })}</Badge>}
            </Group>
            <Group gap={6}>
              <ClockBadge label={t("sla-first-response")} clock={detail.sla.firstResponse} />
              <ClockBadge label={t("sla-resolution")} clock={detail.sla.resolution} />
            </Group>
            {ticket.mergedInto && (
              <Button variant="subtle" size="compact-sm" onClick={() => onOpenTicket(ticket.mergedInto ?? "")}>{t("inbox-merged-into")}</Button>
            )}
            {detail.relatedTicketNumber && (
              <Text size="xs" c="dimmed">{t("inbox-follows-up", { number: detail.relatedTicketNumber })}</Text>
            )}
          </Stack>
          <Stack gap={6} w={220}>
            <Select
              ref={statusRef}
              size="xs"
              label={t("inbox-status")}
              data={STATUSES.map((s) => ({ value: s, label: t("ticket-status", { status: s }) }))}
              value={ticket.status}
              allowDeselect={false}
              disabled={busy}
              onChange={(value) => value && value !== ticket.status && void run(() => api.setTicketStatus(ticket.id, value as TicketStatus))}
              data-testid="status-select"
            />
            <Select
              size="xs"
              label={t("inbox-assignee")}
              data={assigneeOptions}
              value={ticket.assignedTo ?? "__nobody"}
              allowDeselect={false}
              disabled={busy || closed}
              onChange={assign}
              data-testid="assignee-select"
            />
            {ticket.assignedTo !== staffId && !closed && (
              <Button size="xs" variant="light" onClick={assignToMe} disabled={busy} data-testid="assign-to-me">
                {t("inbox-assign-to-me")}
              </Button>
            )}
          </Stack>
        </Group>

        {error && (
          <Alert color="red" withCloseButton onClose={() => setError(null)} data-testid="ticket-error">
            {error}
          </Alert>
        )}

        <Stack gap="xs" className="thread" data-testid="thread">
          <Paper withBorder p="sm" className="bubble bubble-customer">
            <Text size="xs" c="dimmed">{t("inbox-description")} · {formatDateTime(ticket.createdAt, lang)}</Text>
            <Text size="sm" className="message-body" dir="auto">{ticket.description}</Text>
          </Paper>
          {detail.messages.map((message) => (
            <MessageBubble
              key={message.id}
              message={message}
              attachments={detail.attachments.filter((a) => message.attachments.includes(a.id))}
              onView={view}
            />
          ))}
          {detail.attachments.filter((a) => !a.messageId).length > 0 && (
            <Group gap={6}>
              <Text size="xs" c="dimmed">{t("inbox-attachments")}</Text>
              {detail.attachments
                .filter((a) => !a.messageId)
                .map((a) => (
                  <Button key={a.id} size="compact-xs" variant="default" onClick={() => void view(a.id, a.filename)}>
                    {a.filename}
                  </Button>
                ))}
            </Group>
          )}
        </Stack>

        {(ticket.status === "open" || ticket.status === "in_progress" || ticket.status === "waiting_response") && (
          <Paper withBorder p="sm" className="suggestion" data-testid="suggestion">
            <Group justify="space-between" wrap="nowrap">
              <Text size="xs" c="dimmed">
                {t("inbox-suggested-reply")} · {t("ticket-intent", { intent: detail.suggestion.intent })}
              </Text>
              <Button
                size="compact-xs"
                variant="light"
                onClick={() => {
                  setKind("reply");
                  setBody(detail.suggestion.reply);
                  setMissing([]);
                  replyRef.current?.focus();
                }}
                data-testid="use-suggestion"
              >
                {t("inbox-use-suggestion")}
              </Button>
            </Group>
            <Text size="sm" className="message-body" dir="auto" data-testid="suggested-text">{detail.suggestion.reply}</Text>
          </Paper>
        )}

        {!closed && (
          <Stack gap={6} data-testid="composer">
            <Group justify="space-between">
              <SegmentedControl
                size="xs"
                value={kind}
                onChange={(v) => setKind(v as ComposerKind)}
                data={[
                  { value: "reply", label: t("inbox-kind-reply") },
                  { value: "note", label: t("inbox-kind-note") },
                  { value: "customer", label: t("inbox-kind-customer") },
                ]}
                data-testid="composer-kind"
              />
              <Group gap={6}>
                <Select
                  size="xs"
                  w={200}
                  placeholder={t("inbox-canned")}
                  data={(canned.data ?? []).map((c) => ({ value: c.id, label: c.title }))}
                  value={null}
                  onChange={(v) => void insertCanned(v)}
                  searchable
                  data-testid="canned-select"
                />
                <Button size="xs" variant="default" onClick={() => void attach()} disabled={busy}>{t("inbox-attach")}</Button>
              </Group>
            </Group>
            <Textarea
              ref={replyRef}
              autosize
              minRows={3}
              maxRows={8}
              value={body}
              onChange={(e) => setBody(e.currentTarget.value)}
              // The text's own direction once typed; the page's for the placeholder.
              dir={body ? "auto" : undefined}
              placeholder={t(kind === "note" ? "inbox-note-placeholder" : kind === "customer" ? "inbox-customer-placeholder" : "inbox-reply-placeholder")}
              onKeyDown={(e) => {
                if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
                  e.preventDefault();
                  void send();
                }
              }}
              className={kind === "note" ? "composer-note" : undefined}
              data-testid="reply-box"
            />
            {missing.length > 0 && <Text size="xs" c="orange">{t("inbox-fill-placeholders", { names: missing.join("، ") })}</Text>}
            <Group justify="space-between">
              <Group gap={6}>
                <Button size="xs" variant="subtle" onClick={() => setMergeOpen(true)} disabled={busy}>{t("inbox-merge")}</Button>
                {!ticket.escalated && (
                  <Button size="xs" variant="subtle" color="red" onClick={() => void run(() => api.escalateTicket(ticket.id))} disabled={busy}>
                    {t("inbox-escalate")}
                  </Button>
                )}
              </Group>
              <Button size="sm" onClick={() => void send()} loading={busy} disabled={!body.trim()} data-testid="send-reply" title={t("inbox-send-hint")}>
                {t(kind === "note" ? "inbox-add-note" : kind === "customer" ? "inbox-log-customer" : "inbox-send")}
              </Button>
            </Group>
          </Stack>
        )}

        {(ticket.status === "resolved" || closed) && (
          <Group gap={6} data-testid="rating">
            <Text size="sm">{t("inbox-rating")}</Text>
            {[1, 2, 3, 4, 5].map((n) => (
              <Button
                key={n}
                size="compact-sm"
                variant={ticket.satisfactionRating === n ? "filled" : "default"}
                onClick={() => void run(() => api.rateTicket(ticket.id, n))}
                data-testid={`rate-${n}`}
                aria-label={t("inbox-rate", { rating: n })}
              >
                {"★".repeat(n)}
              </Button>
            ))}
          </Group>
        )}

        <MergeModal opened={mergeOpen} onClose={() => setMergeOpen(false)} onMerge={(other) => run(() => api.mergeTickets(ticket.id, other))} />
        <Modal opened={viewing !== null} onClose={() => setViewing(null)} title={viewing?.name} size="lg">
          {viewing?.url.startsWith("data:image/") ? (
            <Image src={viewing.url} alt={viewing.name} fit="contain" mah={600} />
          ) : (
            <Text size="sm">{t("inbox-attachment-no-preview")}</Text>
          )}
        </Modal>
      </Stack>
    );
  },
);

function MessageBubble({
  message,
  attachments,
  onView,
}: {
  message: Message;
  attachments: { id: string; filename: string }[];
  onView: (id: string, name: string) => void;
}) {
  const t = useT();
  const { lang } = useLanguage();
  const who =
    message.sender === "customer" ? t("inbox-from-customer") : message.sender === "system" ? t("inbox-from-system") : message.authorName ?? t("inbox-from-agent");
  const className = message.internal ? "bubble bubble-note" : `bubble bubble-${message.sender}`;
  return (
    <Paper withBorder p="sm" className={className} data-testid={`message-${message.sender}${message.internal ? "-note" : ""}`}>
      <Text size="xs" c="dimmed">
        <bdi>{who}</bdi>
        {message.internal && ` · ${t("inbox-kind-note")}`} · <bdi>{formatDateTime(message.createdAt, lang)}</bdi>
      </Text>
      <Text size="sm" className="message-body" dir="auto">{message.body}</Text>
      {attachments.map((a) => (
        <Button key={a.id} size="compact-xs" variant="default" mt={4} onClick={() => onView(a.id, a.filename)}>
          {a.filename}
        </Button>
      ))}
    </Paper>
  );
}

function MergeModal({ opened, onClose, onMerge }: { opened: boolean; onClose: () => void; onMerge: (other: string) => Promise<boolean> }) {
  const t = useT();
  const [other, setOther] = useState("");
  return (
    <Modal opened={opened} onClose={onClose} title={t("inbox-merge-title")}>
      <Stack>
        <Text size="sm">{t("inbox-merge-body")}</Text>
        <TextInput label={t("inbox-merge-other")} value={other} onChange={(e) => setOther(e.currentTarget.value)} dir="ltr" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t("action-cancel")}</Button>
          <Button
            color="red"
            disabled={!other.trim()}
            onClick={async () => {
              if (await onMerge(other.trim())) {
                setOther("");
                onClose();
              }
            }}
          >
            {t("inbox-merge-confirm")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
