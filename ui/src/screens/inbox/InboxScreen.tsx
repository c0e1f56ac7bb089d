import { ActionIcon, Badge, Button, Group, Kbd, Menu, Modal, Select, Stack, Text, TextInput, UnstyledButton } from "@mantine/core";
import { useHotkeys } from "@mantine/hooks";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { api } from "../../api";
import type { Category } from "../../bindings/Category";
import type { InboxFilter } from "../../bindings/InboxFilter";
import type { Priority } from "../../bindings/Priority";
import type { Queue } from "../../bindings/Queue";
import type { QueueCounts } from "../../bindings/QueueCounts";
import { formatDateTime } from "../../format";
import { useErrorDetail, useLanguage, useT } from "../../i18n";
import { Ltr } from "../../Ltr";
import { PriorityBadge, StatusBadge } from "./badges";
import { CustomerPanel } from "./CustomerPanel";
import { NewTicketModal } from "./NewTicketModal";
import { TicketPane, type TicketPaneHandle } from "./TicketPane";

const QUEUES: Queue[] = ["mine", "unassigned", "open", "waiting", "overdue", "all"];
const PRIORITIES: Priority[] = ["urgent", "high", "medium", "low"];
const CATEGORIES: Category[] = ["order", "payment", "shipping", "product", "technical", "other"];
const PAGE = 100;
/** How often the queues refresh while the inbox is open: tickets arrive by sync. */
export const INBOX_REFRESH_MS = 15_000;

/**
 * The support inbox agents work from all day: queues with counts, a list sorted by
 * priority then age with unread and overdue markers, the conversation, and the customer
 * beside it. Keyboard: j/k next and previous ticket, r reply, a assign to me, s status,
 * n new ticket, ? this list.
 */
export function InboxScreen({ staffId, onOpenCustomer }: { staffId: string; onOpenCustomer: (id: string) => void }) {
  const t = useT();
  const errorText = useErrorDetail();
  const { lang } = useLanguage();
  const queryClient = useQueryClient();
  const [filter, setFilter] = useState<InboxFilter>({ queue: "open", priority: null, category: null, status: null, search: null });
  const [search, setSearch] = useState("");
  const [selected, setSelected] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const [viewName, setViewName] = useState("");
  const paneRef = useRef<TicketPaneHandle>(null);
  const listRef = useRef<HTMLDivElement>(null);

  const counts = useQuery({ queryKey: ["inbox", "counts"], queryFn: api.inboxCounts, refetchInterval: INBOX_REFRESH_MS });
  const page = useQuery({
    queryKey: ["inbox", "page", filter],
    queryFn: () => api.inboxPage(filter, 0, PAGE),
    refetchInterval: INBOX_REFRESH_MS,
    placeholderData: (previous) => previous,
  });
  const detail = useQuery({ queryKey: ["inbox", "ticket", selected], queryFn: () => api.ticketDetail(selected ?? ""), enabled: selected !== null });
  const views = useQuery({ queryKey: ["inbox", "views"], queryFn: api.inboxViews });
  const rows = page.data?.rows ?? [];

  useEffect(() => {
    const timer = setTimeout(() => setFilter((f) => ({ ...f, search: search.trim() || null })), 250);
    return () => clearTimeout(timer);
  }, [search]);

  const move = (step: number) => {
    if (rows.length === 0) return;
    const index = rows.findIndex((r) => r.id === selected);
    const next = rows[Math.min(rows.length - 1, Math.max(0, index < 0 ? 0 : index + step))];
    setSelected(next.id);
    listRef.current?.querySelector<HTMLElement>(`[data-ticket="${next.id}"]`)?.scrollIntoView({ block: "nearest" });
  };
  useHotkeys([
    ["j", () => move(1)],
    ["k", () => move(-1)],
    ["ArrowDown", () => move(1)],
    ["ArrowUp", () => move(-1)],
    ["r", () => paneRef.current?.focusReply()],
    ["a", () => paneRef.current?.assignToMe()],
    ["s", () => paneRef.current?.focusStatus()],
    ["n", () => setCreating(true)],
    ["shift+/", () => setHelpOpen(true)],
  ]);

  const refresh = () => void queryClient.invalidateQueries({ queryKey: ["inbox"] });
  const countOf = (queue: Queue, c: QueueCounts | undefined) => (c && queue !== "all" ? Number(c[queue]) : null);

  return (
    <div className="inbox" data-testid="inbox">
      <Stack gap="xs" className="inbox-list">
        <Group justify="space-between" wrap="nowrap">
          <Text fw={600}>{t("inbox-title")}</Text>
          <Group gap={4}>
            <ActionIcon variant="subtle" onClick={() => setHelpOpen(true)} aria-label={t("inbox-shortcuts")} title={t("inbox-shortcuts")}>?</ActionIcon>
            <Button size="xs" onClick={() => setCreating(true)} data-testid="new-ticket">{t("inbox-new-ticket")}</Button>
          </Group>
        </Group>
        <Group gap={4} data-testid="queues">
          {QUEUES.map((queue) => {
            const count = countOf(queue, counts.data);
            return (
              <Button
                key={queue}
                size="compact-xs"
                variant={filter.queue === queue ? "filled" : "light"}
                color={queue === "overdue" && (count ?? 0) > 0 ? "red" : undefined}
                onClick={() => setFilter((f) => ({ ...f, queue }))}
                data-testid={`queue-${queue}`}
                rightSection={count !== null ? <Badge size="xs" variant="white" circle={count < 10}>{count}</Badge> : undefined}
              >
                {t(`inbox-queue-${queue}`)}
              </Button>
            );
          })}
        </Group>
        <Group gap={4} grow>
          <Select
            size="xs"
            placeholder={t("inbox-priority")}
            clearable
            data={PRIORITIES.map((p) => ({ value: p, label: t("ticket-priority", { priority: p }) }))}
            value={filter.priority}
            onChange={(v) => setFilter((f) => ({ ...f, priority: v as Priority | null }))}
            data-testid="filter-priority"
          />
          <Select
            size="xs"
            placeholder={t("inbox-category")}
            clearable
            data={CATEGORIES.map((c) => ({ value: c, label: t("ticket-category", { category: c }) }))}
            value={filter.category}
            onChange={(v) => setFilter((f) => ({ ...f, category: v as Category | null }))}
          />
          <Menu position="bottom-end">
            <Menu.Target>
              <Button size="xs" variant="default">{t("inbox-views")}</Button>
            </Menu.Target>
            <Menu.Dropdown>
              {(views.data ?? []).map((view) => (
                <Menu.Item
                  key={view.id}
                  onClick={() => setFilter(view.filter)}
                  rightSection={
                    <ActionIcon
                      size="xs"
                      variant="subtle"
                      color="red"
                      aria-label={t("inbox-view-delete")}
                      onClick={async (e) => {
                        e.stopPropagation();
                        await api.deleteInboxView(view.id);
                        refresh();
                      }}
                    >
                      ×
                    </ActionIcon>
                  }
                >
                  {view.name}
                </Menu.Item>
              ))}
              <Menu.Divider />
              <Stack gap={4} p={6}>
                <TextInput size="xs" placeholder={t("inbox-view-name")} value={viewName} onChange={(e) => setViewName(e.currentTarget.value)} />
                <Button
                  size="xs"
                  disabled={!viewName.trim()}
                  onClick={async () => {
                    await api.saveInboxView(viewName, filter);
                    setViewName("");
                    refresh();
                  }}
                >
                  {t("inbox-view-save")}
                </Button>
              </Stack>
            </Menu.Dropdown>
          </Menu>
        </Group>
        <TextInput size="xs" placeholder={t("inbox-search")} value={search} onChange={(e) => setSearch(e.currentTarget.value)} data-testid="inbox-search" />
        {page.isError && <Text c="red" size="sm">{errorText(page.error)}</Text>}
        <Text size="xs" c="dimmed">{t("inbox-showing", { shown: rows.length, total: Number(page.data?.total ?? 0) })}</Text>
        <div className="inbox-rows" ref={listRef} data-testid="ticket-list">
          {rows.length === 0 && !page.isPending && <Text size="sm" c="dimmed" p="sm">{t("inbox-empty")}</Text>}
          {rows.map((row) => (
            <UnstyledButton
              key={row.id}
              className={`inbox-row${row.id === selected ? " inbox-row-selected" : ""}${row.unread ? " inbox-row-unread" : ""}`}
              onClick={() => setSelected(row.id)}
              data-ticket={row.id}
              data-testid="ticket-row"
            >
              <Group justify="space-between" wrap="nowrap" gap={4}>
                <Text size="sm" truncate fw={row.unread ? 700 : 500}>
                  {row.unread && <span className="unread-dot" aria-label={t("inbox-unread")} />}
                  <bdi>{row.subject}</bdi>
                </Text>
                <PriorityBadge priority={row.priority} />
              </Group>
              <Group justify="space-between" wrap="nowrap" gap={4}>
                <Text size="xs" c="dimmed" truncate>
                  <bdi>{row.customerName}</bdi> · <Ltr>{row.ticketNumber}</Ltr>
                </Text>
                <Group gap={4} wrap="nowrap">
                  {row.overdue && <Badge size="xs" color="red" data-testid="overdue-badge">{t("inbox-overdue")}</Badge>}
                  <StatusBadge status={row.status} />
                </Group>
              </Group>
              <Text size="xs" c="dimmed">
                {formatDateTime(row.lastMessageAt, lang)}
                {" · "}
                <bdi>{row.assigneeName ?? t("inbox-unassigned")}</bdi>
              </Text>
            </UnstyledButton>
          ))}
        </div>
      </Stack>

      {detail.data && selected ? (
        <>
          <TicketPane ref={paneRef} detail={detail.data} staffId={staffId} onChanged={refresh} onOpenTicket={setSelected} />
          <CustomerPanel customer={detail.data.customer} onOpenCustomer={onOpenCustomer} onOpenTicket={setSelected} />
        </>
      ) : (
        <Stack className="inbox-pane" justify="center" align="center">
          <Text c="dimmed">{detail.isError ? errorText(detail.error) : t("inbox-pick")}</Text>
          <Text size="xs" c="dimmed">{t("inbox-shortcuts-hint")}</Text>
        </Stack>
      )}

      <NewTicketModal
        opened={creating}
        onClose={() => setCreating(false)}
        onCreated={(ticket) => {
          setCreating(false);
          setSelected(ticket.id);
          refresh();
        }}
      />
      <Modal opened={helpOpen} onClose={() => setHelpOpen(false)} title={t("inbox-shortcuts")}>
        <Stack gap={6}>
          {[
            ["J / ↓", "inbox-key-next"],
            ["K / ↑", "inbox-key-previous"],
            ["R", "inbox-key-reply"],
            ["A", "inbox-key-assign"],
            ["S", "inbox-key-status"],
            ["N", "inbox-key-new"],
            ["Ctrl + Enter", "inbox-key-send"],
          ].map(([keys, id]) => (
            <Group key={id} justify="space-between">
              <Text size="sm">{t(id)}</Text>
              <Kbd>{keys}</Kbd>
            </Group>
          ))}
        </Stack>
      </Modal>
    </div>
  );
}
