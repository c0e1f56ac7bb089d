import { Alert, Button, Card, Group, Progress, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { listen } from "@tauri-apps/api/event";
import { useEffect, useState } from "react";
import { api } from "../api";
import type { ColumnMapping } from "../bindings/ColumnMapping";
import type { Progress as ProgressEvent } from "../bindings/Progress";
import type { ImportField } from "../bindings/ImportField";
import type { ImportPreview } from "../bindings/ImportPreview";
import type { ImportReport } from "../bindings/ImportReport";
import { useErrorText, useFieldLabel, useLanguage, useT } from "../i18n";
import { Ltr } from "../Ltr";
import { chooseOpenPath, chooseSavePath } from "../platform/dialogs";

const FIELDS: ImportField[] = [
  "firstName", "lastName", "fullName", "phone", "email", "secondaryPhone", "whatsapp", "dateOfBirth",
  "gender", "nationality", "preferredLanguage", "city", "area", "street", "tags", "notes", "userId",
];

const NONE = "__none__";

/**
 * Import customers from CSV or Excel: choose the file, check the column mapping against a
 * preview of the first rows, import with progress (cancel rolls everything back), then
 * read the report and download the rejected rows to fix them.
 */
export function ImportScreen({ onDone }: { onDone: () => void }) {
  const t = useT();
  const errorText = useErrorText();
  const { lang } = useLanguage();
  const fieldLabel = useFieldLabel();
  const queryClient = useQueryClient();
  const [path, setPath] = useState("");
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>({ columns: {} });
  const [mappingName, setMappingName] = useState("");
  const [progress, setProgress] = useState<ProgressEvent | null>(null);
  const [running, setRunning] = useState(false);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const saved = useQuery({ queryKey: ["import-mappings"], queryFn: api.importMappings });

  useEffect(() => {
    const unlisten = listen<ProgressEvent>("import-progress", (e) => setProgress(e.payload));
    return () => {
      unlisten.then((f) => f()).catch(() => {});
    };
  }, []);

  const load = async (file: string) => {
    setError(null);
    setReport(null);
    setPreview(null);
    try {
      const p = await api.previewImport(file);
      setPreview(p);
      setMapping(p.mapping);
    } catch (e) {
      setError(errorText(e));
    }
  };

  const choose = async () => {
    const picked = await chooseOpenPath(["csv", "txt", "tsv", "xlsx"]);
    if (picked) {
      setPath(picked);
      await load(picked);
    }
  };

  const run = async () => {
    setRunning(true);
    setError(null);
    setProgress(null);
    try {
      setReport(await api.runImport(path, mapping));
      await queryClient.invalidateQueries({ queryKey: ["customers"] });
      await queryClient.invalidateQueries({ queryKey: ["app-status"] });
    } catch (e) {
      setError(errorText(e));
    } finally {
      setRunning(false);
    }
  };

  const setColumn = (field: ImportField, header: string | null) =>
    setMapping((m) => {
      const columns = { ...m.columns };
      if (header === null || header === NONE) delete columns[field];
      else columns[field] = header;
      return { columns };
    });

  const downloadRejected = async () => {
    if (!report) return;
    const destination = await chooseSavePath("rejected.csv", ["csv"]);
    if (destination) {
      await api.saveRejectedRows(path, report, destination, lang);
      setNotice(t("import-rejected-saved", { path: destination }));
    }
  };

  const headerOptions = [{ value: NONE, label: t("import-column-none") }, ...(preview?.headers ?? []).map((h) => ({ value: h, label: h }))];

  return (
    <div className="scroll-page">
    <Stack gap="md" pb="xl" maw={1100}>
      <Group justify="space-between">
        <Title order={3}>{t("import-title")}</Title>
        <Button variant="subtle" onClick={onDone} data-testid="import-close">
          {t("action-back")}
        </Button>
      </Group>
      <Card withBorder>
        <Stack gap="xs">
          <Text size="sm">{t("import-help")}</Text>
          <Group align="flex-end">
            <TextInput
              label={t("import-file")}
              value={path}
              onChange={(e) => setPath(e.currentTarget.value)}
              onKeyDown={(e) => e.key === "Enter" && path && void load(path)}
              dir="ltr"
              style={{ flex: 1 }}
              data-testid="import-path"
            />
            <Button variant="default" onClick={() => void choose()} data-testid="import-choose">
              {t("import-choose")}
            </Button>
            <Button variant="light" disabled={!path} onClick={() => void load(path)} data-testid="import-preview">
              {t("import-read")}
            </Button>
          </Group>
        </Stack>
      </Card>
      {error && (
        <Alert color="red" data-testid="import-error">
          {error}
        </Alert>
      )}
      {preview && !report && (
        <>
          <Card withBorder>
            <Group justify="space-between" mb="sm">
              <Title order={5}>{t("import-mapping")}</Title>
              <Text size="sm" c="dimmed">
                {t("import-file-summary", { rows: preview.rowCount, encoding: preview.encoding })}
              </Text>
            </Group>
            <SimpleGrid cols={{ base: 2, md: 4 }}>
              {FIELDS.map((field) => (
                <Select
                  key={field}
                  label={fieldLabel(field)}
                  data={headerOptions}
                  value={mapping.columns[field] ?? NONE}
                  onChange={(v) => setColumn(field, v)}
                  allowDeselect={false}
                  data-testid={`map-${field}`}
                />
              ))}
            </SimpleGrid>
            <Group mt="md" align="flex-end">
              {saved.data && Object.keys(saved.data).length > 0 && (
                <Select
                  label={t("import-saved-mappings")}
                  data={Object.keys(saved.data)}
                  onChange={(name) => name && saved.data && setMapping(saved.data[name])}
                  w={220}
                />
              )}
              <TextInput label={t("import-mapping-name")} value={mappingName} onChange={(e) => setMappingName(e.currentTarget.value)} w={220} />
              <Button
                variant="default"
                disabled={!mappingName.trim()}
                onClick={async () => {
                  await api.saveImportMapping(mappingName, mapping);
                  await saved.refetch();
                  setNotice(t("import-mapping-saved"));
                }}
              >
                {t("import-save-mapping")}
              </Button>
            </Group>
          </Card>
          <Card withBorder>
            <Title order={5} mb="sm">
              {t("import-preview")}
            </Title>
            <Table.ScrollContainer minWidth={600}>
              <Table striped data-testid="import-sample">
                <Table.Thead>
                  <Table.Tr>
                    {preview.headers.map((h, i) => (
                      <Table.Th key={i}>{h}</Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {preview.sample.map((row, r) => (
                    <Table.Tr key={r}>
                      {row.map((cell, c) => (
                        <Table.Td key={c}>{cell}</Table.Td>
                      ))}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Card>
          {running && progress && <Progress value={(progress.done / Math.max(progress.total, 1)) * 100} animated data-testid="import-progress" />}
          <Group>
            <Button onClick={() => void run()} loading={running} data-testid="import-run">
              {t("import-run", { rows: preview.rowCount })}
            </Button>
            {running && (
              <Button variant="default" color="red" onClick={() => void api.cancelImport()} data-testid="import-cancel">
                {t("action-cancel")}
              </Button>
            )}
          </Group>
        </>
      )}
      {notice && <Alert color="teal" withCloseButton onClose={() => setNotice(null)}>{notice}</Alert>}
      {report && (
        <Card withBorder data-testid="import-report">
          <Title order={5} mb="sm">
            {t("import-report")}
          </Title>
          <SimpleGrid cols={{ base: 2, md: 5 }} mb="md">
            {(["inserted", "updated", "merged", "unchanged"] as const).map((key) => (
              <div key={key}>
                <div className="field-label">{t(`import-${key}`)}</div>
                <Text size="xl" fw={600} data-testid={`report-${key}`}>
                  {report[key]}
                </Text>
              </div>
            ))}
            <div>
              <div className="field-label">{t("import-rejected")}</div>
              <Text size="xl" fw={600} c={report.rejected.length ? "red" : undefined} data-testid="report-rejected">
                {report.rejected.length}
              </Text>
            </div>
          </SimpleGrid>
          {report.rejected.length > 0 && (
            <>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t("import-line")}</Table.Th>
                    <Table.Th>{t("import-field")}</Table.Th>
                    <Table.Th>{t("import-reason-column")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {report.rejected.slice(0, 200).map((r, i) => (
                    <Table.Tr key={i}>
                      <Table.Td>
                        <Ltr>{r.line}</Ltr>
                      </Table.Td>
                      <Table.Td>{fieldLabel(r.field)}</Table.Td>
                      <Table.Td>{t(r.reasonId, r.args as Record<string, string>)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              <Button mt="sm" variant="default" onClick={() => void downloadRejected()} data-testid="download-rejected">
                {t("import-download-rejected")}
              </Button>
            </>
          )}
        </Card>
      )}
    </Stack>
    </div>
  );
}
