import { fireEvent, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { mockIPC } from "@tauri-apps/api/mocks";
import { describe, expect, it } from "vitest";
import type { InboxPage } from "../bindings/InboxPage";
import type { InboxRow } from "../bindings/InboxRow";
import type { QueueCounts } from "../bindings/QueueCounts";
import type { TicketDetail } from "../bindings/TicketDetail";
import { InboxScreen } from "../screens/inbox/InboxScreen";
import { renderWithProviders } from "./render";

const row = (id: string, subject: string, unread: boolean): InboxRow => ({
  id,
  ticketNumber: `T-A7K-2611-000${id}`,
  subject,
  customerId: "c1",
  customerName: "هدى الفيتوري",
  priority: "medium",
  category: "order",
  status: "open",
  channel: "whatsapp",
  assignedTo: null,
  assigneeName: null,
  createdAt: "2026-11-24T08:00:00Z",
  lastMessageAt: "2026-11-24T08:05:00Z",
  nextDue: null,
  overdue: false,
  unread,
  messageCount: 1,
});

const detail = (id: string, subject: string): TicketDetail => ({
  ticket: {
    id,
    ticketNumber: `T-A7K-2611-000${id}`,
    customerId: "c1",
    customerName: "هدى الفيتوري",
    storeId: null,
    subject,
    description: "السلام عليكم",
    priority: "medium",
    category: "order",
    subcategory: "",
    status: "open",
    channel: "whatsapp",
    orderId: null,
    orderNumber: null,
    assignedTo: null,
    assigneeName: null,
    assignedAt: null,
    intent: "order_status",
    satisfactionRating: null,
    firstResponseTime: null,
    resolutionTime: null,
    reopenedCount: 0,
    escalated: false,
    escalatedAt: null,
    relatedTicketId: null,
    mergedInto: null,
    firstResponseDue: "2026-11-24T11:00:00Z",
    resolutionDue: "2026-11-26T15:00:00Z",
    messageCount: 1,
    lastMessageAt: "2026-11-24T08:05:00Z",
    createdAt: "2026-11-24T08:00:00Z",
    updatedAt: "2026-11-24T08:05:00Z",
    resolvedAt: null,
    closedAt: null,
  },
  messages: [
    {
      id: "m1",
      ticketId: id,
      sender: "customer",
      internal: false,
      authorId: null,
      authorName: null,
      body: "<b>وين طلبي؟</b>",
      createdAt: "2026-11-24T08:05:00Z",
      attachments: [],
    },
  ],
  attachments: [],
  mergedFrom: [],
  relatedTicketNumber: null,
  sla: {
    firstResponse: { targetMinutes: 240, elapsedMinutes: 5, dueAt: "2026-11-24T11:00:00Z", met: false, breached: false, paused: false },
    resolution: { targetMinutes: 1440, elapsedMinutes: 5, dueAt: "2026-11-26T15:00:00Z", met: false, breached: false, paused: false },
  },
  suggestion: { intent: "order_status", reply: "سأتحقق من حالة طلبك. هل يمكنك تزويدي برقم الطلب؟", orderNumber: null, proposedCategory: "order" },
  customer: {
    id: "c1",
    name: "هدى الفيتوري",
    phone: "+218921234567",
    email: "huda@mail.ly",
    city: "بنغازي",
    segment: "gold",
    lifetimeValue: "1000.000",
    totalSpent: "4000.000",
    totalOrders: 5,
    satisfactionScore: null,
    recentOrders: [],
    openTickets: [],
    loyaltyBalance: null,
  },
});

function mockDesk(calls: { cmd: string; args: Record<string, unknown> }[]) {
  mockIPC((cmd, args) => {
    calls.push({ cmd, args: args as Record<string, unknown> });
    switch (cmd) {
      case "inbox_counts":
        return { mine: 0, unassigned: 2, open: 2, waiting: 0, overdue: 0, mineUnread: 0, newestCreatedAt: null } satisfies QueueCounts;
      case "inbox_page":
        return { total: 2, offset: 0, rows: [row("1", "وين طلبي؟", true), row("2", "الدفع ما نجحش", false)] } satisfies InboxPage;
      case "inbox_views":
      case "staff_members":
      case "canned_replies":
        return [];
      case "ticket_detail": {
        const id = (args as { id: string }).id;
        return detail(id, id === "1" ? "وين طلبي؟" : "الدفع ما نجحش");
      }
      case "reply_to_ticket":
        return { id: "m2" };
      default:
        throw new Error(`unexpected command ${cmd}`);
    }
  });
}

describe("support inbox", () => {
  it("moves through the queue with the keyboard and sends the suggested reply", async () => {
    const calls: { cmd: string; args: Record<string, unknown> }[] = [];
    mockDesk(calls);
    renderWithProviders(<InboxScreen staffId="s1" onOpenCustomer={() => {}} />);
    expect(await screen.findAllByTestId("ticket-row")).toHaveLength(2);
    expect(screen.getByLabelText("غير مقروءة")).toBeInTheDocument();

    fireEvent.keyDown(document.documentElement, { key: "j" });
    expect(await screen.findByTestId("ticket-subject")).toHaveTextContent("وين طلبي؟");
    // Untrusted text is shown as text, never as markup.
    expect(screen.getByTestId("message-customer")).toHaveTextContent("<b>وين طلبي؟</b>");
    expect(screen.getByTestId("message-customer").querySelector("b")).toBeNull();

    fireEvent.keyDown(document.documentElement, { key: "j" });
    await waitFor(() => expect(screen.getByTestId("ticket-subject")).toHaveTextContent("الدفع ما نجحش"));
    fireEvent.keyDown(document.documentElement, { key: "k" });
    await waitFor(() => expect(screen.getByTestId("ticket-subject")).toHaveTextContent("وين طلبي؟"));

    await userEvent.click(screen.getByTestId("use-suggestion"));
    const box = screen.getByTestId("reply-box") as HTMLTextAreaElement;
    expect(box.value).toBe("سأتحقق من حالة طلبك. هل يمكنك تزويدي برقم الطلب؟");
    fireEvent.keyDown(box, { key: "Enter", ctrlKey: true });
    await waitFor(() => expect(calls.some((c) => c.cmd === "reply_to_ticket")).toBe(true));
    const sent = calls.find((c) => c.cmd === "reply_to_ticket");
    expect(sent?.args).toMatchObject({ id: "1", kind: "reply", body: "سأتحقق من حالة طلبك. هل يمكنك تزويدي برقم الطلب؟" });
  });
});
