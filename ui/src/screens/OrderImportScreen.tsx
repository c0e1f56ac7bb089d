import { Alert, Button, Card, Group, Progress, Radio, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { listen } from "@tauri-apps/api/event";
import { useEffect, useState } from "react";
import { api } from "../api";
import type { OrderImportReport } from "../bindings/OrderImportReport";
import type { Progress as ProgressEvent } from "../bindings/Progress";
import { useErrorText, useT } from "../i18n";
import { Ltr } from "../Ltr";
import { chooseOpenPath } from "../platform/dialogs";

/**
 * Import an order file (SPEC §3.3). Staff answer every time whether these are past orders
 * (a migration: they count but fire nothing) or today's orders (they fire follow-up tasks
 * and upgrade notices as sync would); past is the safe default.
 */
export function OrderImportScreen({ onDone }: { onDone: () => void }) {
  const t = useT();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [path, setPath] = useState("");
  const [mode, setMode] = useState<"historical" | "live">("historical");
  const [progress, setProgress] = useState<ProgressEvent | null>(null);
  const [running, setRunning] = useState(false);
  const [report, setReport] = useState<OrderImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const unlisten = listen<ProgressEvent>("import-progress", (e) => setProgress(e.payload));
    return () => {
      unlisten.then((f) => f()).catch(() => {});
    };
  }, []);

  const choose = async () => {
    const picked = await chooseOpenPath(["csv", "txt", "tsv", "xlsx"]);
    if (picked) setPath(picked);
  };
  const run = async () => {
    setRunning(true);
    setError(null);
    setReport(null);
    setProgress(null);
    try {
      setReport(await api.runOrderImport(path.trim(), mode === "live"));
      await queryClient.invalidateQueries({ queryKey: ["customers"] });
      await queryClient.invalidateQueries({ queryKey: ["tasks"] });
    } catch (e) {
      setError(errorText(e));
    } finally {
      setRunning(false);
    }
  };

  return (
    <div className="scroll-page">
      <Stack maw={900}>
        <Group justify="space-between">
          <Title order={3}>{t("import-orders-title")}</Title>
          <Button variant="default" onClick={onDone} data-testid="back">{t("action-back")}</Button>
        </Group>
        <Text size="sm" c="dimmed">{t("import-orders-hint")}</Text>
        <Group align="flex-end">
          <TextInput
            style={{ flex: 1 }}
            dir="ltr"
            value={path}
            onChange={(e) => setPath(e.currentTarget.value)}
            placeholder="/home/…/orders.csv"
            data-testid="order-import-path"
          />
          <Button variant="default" onClick={() => void choose()}>{t("import-choose")}</Button>
        </Group>
        <Radio.Group label={t("import-orders-mode")} value={mode} onChange={(v) => setMode(v as "historical" | "live")}>
          <Stack gap="xs" mt="xs">
            <Radio value="historical" label={t("import-orders-historical")} data-testid="order-import-historical" />
            <Radio value="live" label={t("import-orders-live")} data-testid="order-import-live" />
          </Stack>
        </Radio.Group>
        <Group>
          <Button onClick={() => void run()} loading={running} disabled={!path.trim()} data-testid="order-import-run">{t("import-orders-run")}</Button>
          {running && <Button variant="subtle" color="red" onClick={() => void api.cancelImport()}>{t("action-cancel")}</Button>}
        </Group>
        {running && progress && <Progress value={(100 * progress.done) / Math.max(1, progress.total)} />}
        {error && <Alert color="red" data-testid="order-import-error">{error}</Alert>}
        {report && (
          <Card withBorder>
            <Text fw={600} data-testid="order-import-report">
              {t("import-orders-report", {
                inserted: report.inserted,
                updated: report.updated,
                unchanged: report.unchanged,
                created: report.customersCreated,
                tiers: report.tierChanges,
                rejected: report.rejected.length,
              })}
            </Text>
            {report.rejected.length > 0 && (
              <Table mt="sm" data-testid="order-import-rejected">
                <Table.Tbody>
                  {report.rejected.map((row, i) => (
                    <Table.Tr key={i}>
                      <Table.Td><Ltr>{row.line}</Ltr></Table.Td>
                      <Table.Td><Ltr>{row.field}</Ltr></Table.Td>
                      <Table.Td>{t(row.reasonId, row.args)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Card>
        )}
      </Stack>
    </div>
  );
}
