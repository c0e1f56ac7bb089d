import { waitFor } from "@testing-library/react";
import { mockIPC } from "@tauri-apps/api/mocks";
import { describe, expect, it, vi } from "vitest";
import type { QueueCounts } from "../bindings/QueueCounts";
import { useNewTicketNotifications } from "../screens/inbox/notifications";
import { renderWithProviders } from "./render";

function Probe() {
  const unread = useNewTicketNotifications(true);
  return <span data-testid="unread">{unread}</span>;
}

describe("new ticket notifications", () => {
  it("notifies once when a newer ticket arrives, not for what was there at start", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const notified: unknown[] = [];
    let newest = "2026-11-24T08:00:00Z";
    mockIPC((cmd, args) => {
      if (cmd === "inbox_counts") {
        return { mine: 1, unassigned: 3, open: 4, waiting: 0, overdue: 0, mineUnread: 1, newestCreatedAt: newest } satisfies QueueCounts;
      }
      if (cmd === "notify_new_tickets") {
        notified.push(args);
        return null;
      }
      throw new Error(`unexpected command ${cmd}`);
    });
    renderWithProviders(<Probe />);
    await waitFor(() => expect(document.querySelector("[data-testid=unread]")?.textContent).toBe("1"));
    await vi.advanceTimersByTimeAsync(16_000);
    expect(notified).toHaveLength(0);
    newest = "2026-11-24T08:05:00Z";
    await vi.advanceTimersByTimeAsync(16_000);
    await waitFor(() => expect(notified).toHaveLength(1));
    expect(notified[0]).toMatchObject({ title: "تذاكر جديدة" });
    await vi.advanceTimersByTimeAsync(16_000);
    expect(notified).toHaveLength(1);
    vi.useRealTimers();
  });
});
