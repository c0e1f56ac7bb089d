import { Badge, Card, Group, SegmentedControl, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { api } from "../api";
import { formatMoney } from "../format";
import { useErrorText, useLanguage, useT } from "../i18n";
import type { Segment } from "../bindings/Segment";
import { SegmentBadge } from "./SegmentBadge";

const RANK: Record<Segment, number> = { new: 1, bronze: 2, silver: 3, gold: 4, platinum: 5, vip: 6 };

/**
 * The segments overview (issue #4): customers, revenue and LTV per tier, highest first,
 * and the moves between tiers over the last 30 or 90 days.
 */
export function SegmentsOverviewScreen() {
  const t = useT();
  const errorText = useErrorText();
  const { lang } = useLanguage();
  const [days, setDays] = useState("30");
  const overview = useQuery({ queryKey: ["segments-overview", days], queryFn: () => api.segmentsOverview(Number(days)) });
  const number = new Intl.NumberFormat(lang === "ar" ? "ar-LY" : "en-LY", { numberingSystem: "latn" });
  if (overview.isError) return <Text c="red">{errorText(overview.error)}</Text>;
  const data = overview.data;
  const totalCustomers = data?.tiers.reduce((sum, tier) => sum + tier.customers, 0) ?? 0;
  return (
    <div className="scroll-page">
      <Stack>
        <Title order={3}>{t("segments-title")}</Title>
        <Card withBorder>
          <Table data-testid="tier-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("field-segment")}</Table.Th>
                <Table.Th className="num">{t("segments-customers")}</Table.Th>
                <Table.Th className="num">{t("segments-share")}</Table.Th>
                <Table.Th className="num">{t("field-total-spent")}</Table.Th>
                <Table.Th className="num">{t("field-lifetime-value")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data?.tiers.map((tier) => (
                <Table.Tr key={tier.segment} data-testid={`tier-${tier.segment}`}>
                  <Table.Td><SegmentBadge segment={tier.segment} /></Table.Td>
                  <Table.Td className="num">{number.format(tier.customers)}</Table.Td>
                  <Table.Td className="num">{totalCustomers ? `${number.format(Math.round((1000 * tier.customers) / totalCustomers) / 10)}%` : "—"}</Table.Td>
                  <Table.Td className="num">{formatMoney(tier.revenue, lang)}</Table.Td>
                  <Table.Td className="num">{formatMoney(tier.lifetimeValue, lang)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
        <Card withBorder>
          <Group justify="space-between" mb="sm">
            <Title order={5}>{t("segments-movement")}</Title>
            <SegmentedControl
              value={days}
              onChange={setDays}
              data={[
                { value: "30", label: t("segments-days", { days: 30 }) },
                { value: "90", label: t("segments-days", { days: 90 }) },
              ]}
              data-testid="movement-period"
            />
          </Group>
          <SimpleGrid cols={2} mb="sm">
            <Text data-testid="upgrades">{t("segments-upgrades", { count: data?.upgrades ?? 0 })}</Text>
            <Text>{t("segments-downgrades", { count: data?.downgrades ?? 0 })}</Text>
          </SimpleGrid>
          {data && data.movements.length === 0 ? (
            <Text c="dimmed">{t("segments-no-movement")}</Text>
          ) : (
            <Table data-testid="movements">
              <Table.Tbody>
                {data?.movements.map((move, i) => (
                  <Table.Tr key={i}>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <SegmentBadge segment={move.from} />
                        <span aria-hidden>{lang === "ar" ? "←" : "→"}</span>
                        <SegmentBadge segment={move.to} />
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={RANK[move.to] > RANK[move.from] ? "green" : "orange"}>
                        {t(RANK[move.to] > RANK[move.from] ? "segments-up" : "segments-down")}
                      </Badge>
                    </Table.Td>
                    <Table.Td className="num">{t("customers-count", { count: move.customers })}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Card>
      </Stack>
    </div>
  );
}
