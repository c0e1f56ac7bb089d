import { Alert, Badge, Button, Card, Group, Modal, Radio, SegmentedControl, Stack, Table, Text, Title } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { api } from "../api";
import type { Customer } from "../bindings/Customer";
import type { DuplicatePair } from "../bindings/DuplicatePair";
import type { MergeField } from "../bindings/MergeField";
import type { MergeRecord } from "../bindings/MergeRecord";
import { formatDateTime } from "../format";
import { useErrorText, useLanguage, useT } from "../i18n";
import { Ltr } from "../Ltr";

const FIELDS: MergeField[] = [
  "name", "phone", "email", "secondaryPhone", "whatsapp", "dateOfBirth", "gender", "preferredLanguage", "nationality", "defaultAddress",
];

type Side = "first" | "second";

function fieldValue(c: Customer, field: MergeField, t: (id: string) => string): string {
  switch (field) {
    case "name":
      return `${c.personalInfo.firstName} ${c.personalInfo.lastName}`;
    case "phone":
      return c.phone;
    case "email":
      return c.email;
    case "secondaryPhone":
      return c.contactInfo.secondaryPhone ?? "";
    case "whatsapp":
      return c.contactInfo.whatsapp ?? "";
    case "dateOfBirth":
      return c.personalInfo.dateOfBirth ?? "";
    case "gender":
      return c.personalInfo.gender ? t(`gender-${c.personalInfo.gender}`) : "";
    case "preferredLanguage":
      return t(`lang-${c.personalInfo.preferredLanguage}`);
    case "nationality":
      return c.personalInfo.nationality;
    case "defaultAddress": {
      const a = c.address.find((x) => x.isDefault);
      return a ? [a.city, a.area, a.street].filter(Boolean).join("، ") : "";
    }
  }
}

const LTR_FIELDS: MergeField[] = ["phone", "email", "secondaryPhone", "whatsapp", "dateOfBirth", "nationality"];

/**
 * Probable duplicates with the reason each pair is proposed. Staff compare a pair side by
 * side, keep one record, pick each field's surviving value, and merge; a merge can be
 * undone from the banner or the history below.
 */
export function DuplicatesScreen({ onBack, onOpen }: { onBack: () => void; onOpen: (id: string) => void }) {
  const t = useT();
  const errorText = useErrorText();
  const { lang } = useLanguage();
  const queryClient = useQueryClient();
  const candidates = useQuery({ queryKey: ["duplicates"], queryFn: () => api.duplicateCandidates(200) });
  const merges = useQuery({ queryKey: ["merges"], queryFn: api.recentMerges });
  const [selected, setSelected] = useState<DuplicatePair | null>(null);
  const [lastMerge, setLastMerge] = useState<MergeRecord | null>(null);
  const [error, setError] = useState<string | null>(null);

  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: ["duplicates"] });
    await queryClient.invalidateQueries({ queryKey: ["merges"] });
    await queryClient.invalidateQueries({ queryKey: ["customers"] });
  };
  const undo = async (id: string) => {
    setError(null);
    try {
      await api.undoMerge(id);
      setLastMerge(null);
      await refresh();
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <div className="scroll-page">
      <Stack gap="md" pb="xl">
        <Group justify="space-between">
          <Title order={3}>{t("duplicates-title")}</Title>
          <Button variant="subtle" onClick={onBack} data-testid="duplicates-back">
            {t("action-back")}
          </Button>
        </Group>
        {error && <Alert color="red">{error}</Alert>}
        {lastMerge && (
          <Alert color="teal" data-testid="merge-done">
            <Group justify="space-between">
              <Text size="sm">{t("merge-done", { merged: lastMerge.mergedName, survivor: lastMerge.survivorName })}</Text>
              <Group gap="xs">
                <Button size="xs" variant="light" onClick={() => onOpen(lastMerge.survivorId)}>
                  {t("merge-open-survivor")}
                </Button>
                <Button size="xs" variant="default" onClick={() => void undo(lastMerge.id)} data-testid="undo-merge">
                  {t("merge-undo")}
                </Button>
              </Group>
            </Group>
          </Alert>
        )}
        {selected ? (
          <ComparePair
            pair={selected}
            onCancel={() => setSelected(null)}
            onMerged={async (record) => {
              setSelected(null);
              setLastMerge(record);
              await refresh();
            }}
            onDismissed={async () => {
              setSelected(null);
              await refresh();
            }}
          />
        ) : (
          <Card withBorder>
            {candidates.data?.length === 0 && <Text c="dimmed">{t("duplicates-none")}</Text>}
            <Stack gap={0}>
              {candidates.data?.map((pair) => (
                <button
                  type="button"
                  key={`${pair.first.id}-${pair.second.id}`}
                  className="list-row duplicate-row"
                  data-testid="duplicate-pair"
                  onClick={() => setSelected(pair)}
                >
                  <span>
                    {pair.first.firstName} {pair.first.lastName} · <Ltr>{pair.first.phone}</Ltr>
                  </span>
                  <span aria-hidden>⇄</span>
                  <span>
                    {pair.second.firstName} {pair.second.lastName} · <Ltr>{pair.second.phone}</Ltr>
                  </span>
                  <Group gap={4}>
                    {pair.reasons.map((r) => (
                      <Badge key={r} variant="light" size="sm">
                        {t(`duplicate-reason-${r}`)}
                      </Badge>
                    ))}
                  </Group>
                </button>
              ))}
            </Stack>
          </Card>
        )}
        {merges.data && merges.data.length > 0 && (
          <Card withBorder>
            <Title order={5} mb="sm">
              {t("merge-history")}
            </Title>
            <Table striped>
              <Table.Tbody>
                {merges.data.map((m) => (
                  <Table.Tr key={m.id}>
                    <Table.Td>{formatDateTime(m.at, lang)}</Table.Td>
                    <Table.Td>{t("merge-done", { merged: m.mergedName, survivor: m.survivorName })}</Table.Td>
                    <Table.Td>
                      {m.undoneAt ? (
                        <Badge color="gray" variant="light">{t("merge-undone")}</Badge>
                      ) : (
                        <Button size="xs" variant="default" onClick={() => void undo(m.id)}>
                          {t("merge-undo")}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Card>
        )}
      </Stack>
    </div>
  );
}

function ComparePair({
  pair,
  onCancel,
  onMerged,
  onDismissed,
}: {
  pair: DuplicatePair;
  onCancel: () => void;
  onMerged: (record: MergeRecord) => void;
  onDismissed: () => void;
}) {
  const t = useT();
  const errorText = useErrorText();
  const records = useQuery({
    queryKey: ["duplicate-pair", pair.first.id, pair.second.id],
    queryFn: () => api.duplicatePair(pair.first.id, pair.second.id),
  });
  const [survivor, setSurvivor] = useState<Side>("first");
  const [sides, setSides] = useState<Record<MergeField, Side>>({} as Record<MergeField, Side>);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // Each field starts on the kept record's value, unless that one is empty.
  useEffect(() => {
    if (!records.data) return;
    const [a, b] = records.data;
    const kept = survivor === "first" ? a : b;
    const other: Side = survivor === "first" ? "second" : "first";
    const next = {} as Record<MergeField, Side>;
    for (const field of FIELDS) next[field] = fieldValue(kept, field, t) === "" ? other : survivor;
    setSides(next);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [records.data, survivor]);

  if (!records.data) return <Text>{t("loading")}</Text>;
  const [a, b] = records.data;
  const keptRecord = survivor === "first" ? a : b;
  const mergedRecord = survivor === "first" ? b : a;

  const merge = async () => {
    setError(null);
    const take = FIELDS.filter((f) => sides[f] !== survivor);
    try {
      onMerged(await api.mergeCustomers(keptRecord.id, mergedRecord.id, { takeFromMerged: take }));
    } catch (e) {
      setError(errorText(e));
      setConfirming(false);
    }
  };

  return (
    <Card withBorder data-testid="compare-pair">
      <Group justify="space-between" mb="sm">
        <Title order={5}>{t("merge-compare")}</Title>
        <Group gap={4}>
          {pair.reasons.map((r) => (
            <Badge key={r} variant="light">
              {t(`duplicate-reason-${r}`)}
            </Badge>
          ))}
        </Group>
      </Group>
      {error && <Alert color="red" mb="sm">{error}</Alert>}
      <Group mb="sm">
        <Text size="sm">{t("merge-keep")}</Text>
        <SegmentedControl
          value={survivor}
          onChange={(v) => setSurvivor(v as Side)}
          data={[
            { value: "first", label: `${a.personalInfo.firstName} ${a.personalInfo.lastName}` },
            { value: "second", label: `${b.personalInfo.firstName} ${b.personalInfo.lastName}` },
          ]}
          data-testid="merge-survivor"
        />
      </Group>
      <Table>
        <Table.Tbody>
          {FIELDS.map((field) => {
            const values: Record<Side, string> = { first: fieldValue(a, field, t), second: fieldValue(b, field, t) };
            return (
              <Table.Tr key={field}>
                <Table.Td className="field-label">{t(`merge-field-${field}`)}</Table.Td>
                {(["first", "second"] as Side[]).map((side) => (
                  <Table.Td key={side}>
                    <Radio
                      checked={sides[field] === side}
                      onChange={() => setSides((s) => ({ ...s, [field]: side }))}
                      disabled={values.first === values.second}
                      label={values[side] ? LTR_FIELDS.includes(field) ? <Ltr>{values[side]}</Ltr> : values[side] : t("value-none")}
                      data-testid={`merge-${field}-${side}`}
                    />
                  </Table.Td>
                ))}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <Text size="xs" c="dimmed" mt="xs">
        {t("merge-kept-always")}
      </Text>
      <Group mt="md">
        <Button color="orange" onClick={() => setConfirming(true)} data-testid="merge-button">
          {t("merge-action")}
        </Button>
        <Button variant="default" onClick={() => void api.dismissDuplicate(a.id, b.id).then(onDismissed)} data-testid="not-duplicate">
          {t("duplicate-dismiss")}
        </Button>
        <Button variant="subtle" onClick={onCancel}>
          {t("action-cancel")}
        </Button>
      </Group>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t("merge-confirm-title")} centered>
        <Text size="sm" mb="md">
          {t("merge-confirm-body", {
            merged: `${mergedRecord.personalInfo.firstName} ${mergedRecord.personalInfo.lastName}`,
            survivor: `${keptRecord.personalInfo.firstName} ${keptRecord.personalInfo.lastName}`,
          })}
        </Text>
        <Group>
          <Button color="orange" onClick={() => void merge()} data-testid="merge-confirm">
            {t("merge-action")}
          </Button>
          <Button variant="default" onClick={() => setConfirming(false)}>
            {t("action-cancel")}
          </Button>
        </Group>
      </Modal>
    </Card>
  );
}
