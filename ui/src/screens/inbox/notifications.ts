import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { api } from "../../api";
import { useT } from "../../i18n";
import { INBOX_REFRESH_MS } from "./InboxScreen";

/**
 * Watches the queue counts wherever staff are in the app: when a ticket newer than any
 * seen before arrives (by sync, or from another desk), raises a desktop notification in
 * the UI language. Returns the unread count of "mine" for the navigation badge.
 */
export function useNewTicketNotifications(enabled: boolean): number {
  const t = useT();
  const counts = useQuery({ queryKey: ["inbox", "counts"], queryFn: api.inboxCounts, refetchInterval: INBOX_REFRESH_MS, enabled });
  const newestSeen = useRef<string | null | undefined>(undefined);
  const newest = counts.data?.newestCreatedAt;
  useEffect(() => {
    if (newest === undefined) return;
    // The first answer is what was already there when the app opened: nothing is new.
    if (newestSeen.current !== undefined && newest !== null && (newestSeen.current === null || newest > newestSeen.current)) {
      void api.notifyNewTickets(t("tickets-new-title"), t("tickets-new-body", { unassigned: Number(counts.data?.unassigned ?? 0) }));
    }
    newestSeen.current = newest;
  }, [newest]); // eslint-disable-line react-hooks/exhaustive-deps
  return Number(counts.data?.mineUnread ?? 0);
}
