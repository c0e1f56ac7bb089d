import { Badge } from "@mantine/core";
import type { Segment } from "../bindings/Segment";
import { useT } from "../i18n";

const COLORS: Record<Segment, string> = {
  new: "gray",
  bronze: "orange",
  silver: "blue",
  gold: "yellow",
  platinum: "cyan",
  vip: "grape",
};

export function SegmentBadge({ segment }: { segment: Segment }) {
  const t = useT();
  return (
    <Badge color={COLORS[segment]} variant="light">
      {t(`segment-${segment}`)}
    </Badge>
  );
}
