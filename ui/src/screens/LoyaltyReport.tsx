import { Alert, Card, Group, Loader, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { api } from "../api";
import type { LoyaltyReportQuery } from "../bindings/LoyaltyReportQuery";
import type { Segment } from "../bindings/Segment";
import { Chart } from "../Chart";
import { formatMoney, formatPercent } from "../format";
import { useErrorDetail, useLanguage, useT } from "../i18n";

const SEGMENTS: Segment[] = ["new", "bronze", "silver", "gold", "platinum", "vip"];

/** `YYYY-MM` of the month `back` months before this one. */
function monthBack(back: number): string {
  const d = new Date();
  d.setDate(1);
  d.setMonth(d.getMonth() - back);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}`;
}

/**
 * The loyalty programme report for managers (SPEC §8.5): points issued, redeemed and
 * expired per month, the redemption rate, the outstanding liability in points and
 * dinars, campaign effectiveness against the same length of time before each campaign,
 * and the most redeemed rewards. Every figure and chart comes from core.
 */
export function LoyaltyReport() {
  const t = useT();
  const errorText = useErrorDetail();
  const { lang } = useLanguage();
  const [from, setFrom] = useState(monthBack(11));
  const [to, setTo] = useState(monthBack(0));
  const [segment, setSegment] = useState<Segment | null>(null);
  const [city, setCity] = useState("");
  const months = useMemo(() => {
    const format = new Intl.DateTimeFormat(lang === "ar" ? "ar-LY-u-nu-latn" : "en-GB", { month: "long", year: "numeric", timeZone: "UTC" });
    return Array.from({ length: 36 }, (_, i) => {
      const value = monthBack(i);
      return { value, label: format.format(new Date(`${value}-15T12:00:00Z`)) };
    });
  }, [lang]);
  const query: LoyaltyReportQuery = { from: `${from}-01`, to: `${to}-01`, segment, city: city.trim() || null };
  const report = useQuery({ queryKey: ["loyalty-report", query, lang], queryFn: () => api.loyaltyReport(query, lang) });
  const r = report.data;
  const points = (n: number) => t("loyalty-points", { points: n });
  return (
    <Stack data-testid="loyalty-report">
      <Group align="flex-end">
        <Select label={t("report-from")} data={months} value={from} onChange={(v) => v && setFrom(v)} allowDeselect={false} w={180} data-testid="report-from" />
        <Select label={t("report-to")} data={months} value={to} onChange={(v) => v && setTo(v)} allowDeselect={false} w={180} data-testid="report-to" />
        <Select
          label={t("report-segment")}
          data={[{ value: "", label: t("report-all") }, ...SEGMENTS.map((s) => ({ value: s, label: t(`segment-${s}`) }))]}
          value={segment ?? ""}
          onChange={(v) => setSegment(v ? (v as Segment) : null)}
          allowDeselect={false}
          w={150}
          data-testid="report-segment"
        />
        <TextInput label={t("report-city")} placeholder={t("report-all")} value={city} onChange={(e) => setCity(e.currentTarget.value)} w={160} data-testid="report-city" />
        {report.isFetching && <Loader size="sm" />}
      </Group>
      {report.error !== null && <Alert color="red">{errorText(report.error)}</Alert>}
      {r && (
        <>
          <SimpleGrid cols={{ base: 2, md: 5 }}>
            <Kpi title={t("loyalty-report-issued")} value={points(r.issued)} testId="kpi-issued" />
            <Kpi title={t("loyalty-report-redeemed")} value={points(r.redeemed)} testId="kpi-redeemed" />
            <Kpi title={t("loyalty-report-expired")} value={points(r.expired)} hint={t("loyalty-report-reversed", { points: r.reversed })} testId="kpi-expired" />
            <Kpi
              title={t("loyalty-report-rate")}
              value={r.redemptionRate === null ? "—" : formatPercent(r.redemptionRate, lang)}
              hint={r.redemptionRate === null ? t("loyalty-report-rate-none") : undefined}
              testId="kpi-rate"
            />
            <Kpi
              title={t("loyalty-report-liability")}
              value={points(r.liabilityPoints)}
              hint={t("loyalty-report-liability-value", { total: formatMoney(r.liabilityValue, lang), value: formatMoney(r.pointValue, lang) })}
              testId="kpi-liability"
            />
          </SimpleGrid>
          <Card withBorder>
            <Title order={5}>{t("loyalty-report-by-month")}</Title>
            <Chart svg={r.charts.pointsByMonth} label={t("loyalty-report-chart-label", { title: t("loyalty-report-by-month") })} testId="chart-points" />
          </Card>
          <Card withBorder>
            <Title order={5}>{t("loyalty-report-campaigns")}</Title>
            <Text size="xs" c="dimmed">{t("loyalty-report-campaigns-hint")}</Text>
            {r.campaigns.length === 0 ? (
              <Text size="sm" mt="sm">{t("loyalty-report-no-campaigns")}</Text>
            ) : (
              <>
                <Chart svg={r.charts.campaigns} label={t("loyalty-report-chart-label", { title: t("loyalty-report-campaigns") })} testId="chart-campaigns" />
                <Table mt="sm" data-testid="campaign-effects" withColumnBorders>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th rowSpan={2}>{t("loyalty-report-campaign")}</Table.Th>
                      <Table.Th colSpan={3}>{t("loyalty-report-before")}</Table.Th>
                      <Table.Th colSpan={3}>{t("loyalty-report-during")}</Table.Th>
                    </Table.Tr>
                    <Table.Tr>
                      {[0, 1].flatMap((half) => [
                        <Table.Th key={`o${half}`}>{t("loyalty-report-orders")}</Table.Th>,
                        <Table.Th key={`r${half}`}>{t("loyalty-report-revenue")}</Table.Th>,
                        <Table.Th key={`p${half}`}>{t("loyalty-report-points")}</Table.Th>,
                      ])}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {r.campaigns.map((c) => (
                      <Table.Tr key={c.id}>
                        <Table.Td>{c.name}</Table.Td>
                        {[c.before, c.during].flatMap((w, half) => [
                          <Table.Td key={`o${half}`} className="num">{w.orders}</Table.Td>,
                          <Table.Td key={`r${half}`} className="num">{formatMoney(w.revenue, lang)}</Table.Td>,
                          <Table.Td key={`p${half}`} className="num">{w.points}</Table.Td>,
                        ])}
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </>
            )}
          </Card>
          <Card withBorder>
            <Title order={5}>{t("loyalty-report-top-rewards")}</Title>
            {r.topRewards.length === 0 ? (
              <Text size="sm" mt="sm" data-testid="no-rewards">{t("loyalty-report-no-rewards")}</Text>
            ) : (
              <Chart svg={r.charts.rewards} label={t("loyalty-report-chart-label", { title: t("loyalty-report-top-rewards") })} testId="chart-rewards" />
            )}
          </Card>
        </>
      )}
    </Stack>
  );
}

function Kpi({ title, value, hint, testId }: { title: string; value: string; hint?: string; testId: string }) {
  return (
    <Card withBorder padding="sm" data-testid={testId}>
      <Text size="xs" c="dimmed">{title}</Text>
      <Text size="xl" fw={600}>{value}</Text>
      {hint && <Text size="xs" c="dimmed">{hint}</Text>}
    </Card>
  );
}
