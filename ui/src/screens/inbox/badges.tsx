import { Badge } from "@mantine/core";
import type { Clock } from "../../bindings/Clock";
import type { Priority } from "../../bindings/Priority";
import type { TicketStatus } from "../../bindings/TicketStatus";
import { formatDateTime } from "../../format";
import { useLanguage, useT } from "../../i18n";

const PRIORITY_COLORS: Record<Priority, string> = { low: "gray", medium: "blue", high: "orange", urgent: "red" };
const STATUS_COLORS: Record<TicketStatus, string> = {
  open: "teal",
  in_progress: "blue",
  waiting_response: "yellow",
  resolved: "green",
  closed: "gray",
};

export function PriorityBadge({ priority }: { priority: Priority }) {
  const t = useT();
  return (
    <Badge size="sm" variant="light" color={PRIORITY_COLORS[priority]} data-testid="priority-badge">
      {t("ticket-priority", { priority })}
    </Badge>
  );
}

export function StatusBadge({ status }: { status: TicketStatus }) {
  const t = useT();
  return (
    <Badge size="sm" variant="outline" color={STATUS_COLORS[status]} data-testid="status-badge">
      {t("ticket-status", { status })}
    </Badge>
  );
}

/** One SLA clock: when it falls due, or that it is paused, met or breached. */
export function ClockBadge({ label, clock }: { label: string; clock: Clock }) {
  const t = useT();
  const { lang } = useLanguage();
  let text: string;
  let color: string;
  if (clock.met) {
    text = t("sla-met", { minutes: clock.elapsedMinutes });
    color = "green";
  } else if (clock.paused) {
    text = t("sla-paused");
    color = "gray";
  } else if (clock.breached) {
    text = t("sla-breached");
    color = "red";
  } else {
    text = t("sla-due", { at: formatDateTime(clock.dueAt, lang) ?? "" });
    color = "blue";
  }
  return (
    <Badge size="sm" variant="light" color={color} data-testid="sla-badge">
      {label}: {text}
    </Badge>
  );
}
