import { Button, Card, Group, Progress, Stack, Text, Title } from "@mantine/core";
import { listen } from "@tauri-apps/api/event";
import { useEffect, useState } from "react";
import { api } from "../api";
import type { Progress as ProgressEvent } from "../bindings/Progress";
import { useErrorText, useLanguage, useT } from "../i18n";

/** Shown once, on an empty store: open the demo store or start empty. */
export function FirstRun({ onDone }: { onDone: () => void }) {
  const t = useT();
  const errorText = useErrorText();
  const { lang, setLang } = useLanguage();
  const [progress, setProgress] = useState<ProgressEvent | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const unlisten = listen<ProgressEvent>("demo-progress", (e) => setProgress(e.payload));
    return () => {
      unlisten.then((f) => f()).catch(() => {});
    };
  }, []);

  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      onDone();
    } catch (e) {
      setError(errorText(e));
      setBusy(false);
    }
  };

  return (
    <Stack align="center" justify="center" h="100dvh" p="xl">
      <Card withBorder shadow="sm" maw={560} p="xl">
        <Stack>
          <Group justify="space-between">
            <Title order={3}>{t("welcome-title")}</Title>
            <Button variant="subtle" size="xs" data-testid="lang-toggle" onClick={() => setLang(lang === "ar" ? "en" : "ar")}>
              {t("switch-language")}
            </Button>
          </Group>
          <Text>{t("welcome-body")}</Text>
          {busy && progress && (
            <Stack gap={4}>
              <Text size="sm">{t("welcome-demo-progress")}</Text>
              <Progress value={(progress.done / Math.max(progress.total, 1)) * 100} animated />
            </Stack>
          )}
          {error && <Text c="red">{error}</Text>}
          <Group>
            <Button data-testid="first-run-demo" loading={busy} onClick={() => run(api.openDemoStore)}>
              {t("welcome-open-demo")}
            </Button>
            <Button variant="default" data-testid="first-run-empty" disabled={busy} onClick={() => run(api.startEmpty)}>
              {t("welcome-start-empty")}
            </Button>
          </Group>
        </Stack>
      </Card>
    </Stack>
  );
}
