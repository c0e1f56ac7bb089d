import { Alert, Badge, Button, Group, Menu, MultiSelect, Stack, Text, TextInput, Title, UnstyledButton } from "@mantine/core";
import { useDebouncedValue, useHotkeys } from "@mantine/hooks";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useVirtualizer } from "@tanstack/react-virtual";
import { ReactNode, useRef, useState } from "react";
import { api } from "../api";
import type { CustomerFilter } from "../bindings/CustomerFilter";
import type { CustomerSort } from "../bindings/CustomerSort";
import type { CustomerSummary } from "../bindings/CustomerSummary";
import type { ExportFormat } from "../bindings/ExportFormat";
import type { Segment } from "../bindings/Segment";
import type { SortColumn } from "../bindings/SortColumn";
import { formatMoney } from "../format";
import { chooseSavePath } from "../platform/dialogs";
import { useErrorText, useLanguage, useT } from "../i18n";
import { SegmentBadge } from "./SegmentBadge";

const PAGE = 100;
const ROW_HEIGHT = 44;
const SEARCH_LIMIT = 200;
const SEGMENTS: Segment[] = ["new", "bronze", "silver", "gold", "platinum", "vip"];
const DEFAULT_SORT: CustomerSort = { column: "updatedAt", descending: true };

/**
 * The customer list: a virtualised scroller over every customer the filters select (only
 * visible rows are in the DOM; pages of 100 are fetched as they scroll into view). A search
 * with no filter and no chosen order shows the best matches first.
 */
export function CustomerList({
  onOpen,
  onNew,
  onImport,
  onDuplicates,
}: {
  onOpen: (id: string) => void;
  onNew: () => void;
  onImport: () => void;
  onDuplicates: () => void;
}) {
  const t = useT();
  const errorText = useErrorText();
  const { lang } = useLanguage();
  const [notice, setNotice] = useState<string | null>(null);
  const [query, setQuery] = useState("");
  const [segments, setSegments] = useState<Segment[]>([]);
  const [city, setCity] = useState("");
  const [tag, setTag] = useState("");
  const [sort, setSort] = useState<CustomerSort | null>(null);
  const [debounced] = useDebouncedValue({ query: query.trim(), city: city.trim(), tag: tag.trim() }, 150);
  const searchRef = useRef<HTMLInputElement>(null);
  useHotkeys([["/", () => searchRef.current?.focus()]]);

  const filter: CustomerFilter = {
    query: debounced.query,
    segments,
    city: debounced.city || null,
    tag: debounced.tag || null,
  };
  const filtered = segments.length > 0 || filter.city !== null || filter.tag !== null;
  const ranked = debounced.query.length > 0 && !filtered && sort === null;
  const effectiveSort = sort ?? DEFAULT_SORT;

  const search = useQuery({
    queryKey: ["customers", "search", debounced.query],
    queryFn: () => api.searchCustomers(debounced.query, SEARCH_LIMIT),
    enabled: ranked,
    placeholderData: keepPreviousData,
  });
  const firstPage = useQuery({
    queryKey: ["customers", "page", filter, effectiveSort, 0],
    queryFn: () => api.listCustomers(filter, effectiveSort, 0, PAGE),
    enabled: !ranked,
    placeholderData: keepPreviousData,
  });
  const total = ranked ? (search.data?.length ?? 0) : (firstPage.data?.total ?? 0);
  const empty = ranked ? search.data?.length === 0 : firstPage.data?.total === 0;

  // Exports what the list shows: the same filter, all of it, not only the loaded pages.
  const exportAs = async (format: ExportFormat) => {
    const destination = await chooseSavePath(`customers.${format}`, [format]);
    if (!destination) return;
    try {
      const count = await api.exportCustomers(filter, format, lang, destination);
      setNotice(t("export-done", { count, path: destination }));
    } catch (e) {
      setNotice(errorText(e));
    }
  };

  const toggleSort = (column: SortColumn) =>
    setSort((current) =>
      current?.column === column ? { column, descending: !current.descending } : { column, descending: column !== "name" && column !== "city" },
    );
  const header = (column: SortColumn, label: string, numeric = false) => {
    const active = !ranked && effectiveSort.column === column;
    return (
      <UnstyledButton
        className={numeric ? "num sort-header" : "sort-header"}
        aria-sort={active ? (effectiveSort.descending ? "descending" : "ascending") : "none"}
        data-testid={`sort-${column}`}
        onClick={() => toggleSort(column)}
      >
        {t(label)}
        {active && <span aria-hidden> {effectiveSort.descending ? "▼" : "▲"}</span>}
      </UnstyledButton>
    );
  };

  return (
    <Stack h="100%" gap="sm">
      <Group justify="space-between">
        <Group gap="sm">
          <Title order={3}>{t("customers-title")}</Title>
          <Text c="dimmed" size="sm" data-testid="customer-count">
            {t("customers-count", { count: total })}
          </Text>
        </Group>
        <Group gap="xs">
          <Button variant="default" data-testid="open-duplicates" onClick={onDuplicates}>
            {t("duplicates-open")}
          </Button>
          <Button variant="default" data-testid="import-customers" onClick={onImport}>
            {t("import-title")}
          </Button>
          <Menu>
            <Menu.Target>
              <Button variant="default" data-testid="export-customers">
                {t("export-title")}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item data-testid="export-csv" onClick={() => void exportAs("csv")}>{t("export-csv")}</Menu.Item>
              <Menu.Item data-testid="export-xlsx" onClick={() => void exportAs("xlsx")}>{t("export-xlsx")}</Menu.Item>
            </Menu.Dropdown>
          </Menu>
          <Button data-testid="new-customer" onClick={onNew}>
            {t("customers-new")}
          </Button>
        </Group>
      </Group>
      <TextInput
        ref={searchRef}
        data-testid="search-input"
        placeholder={t("customers-search-placeholder")}
        value={query}
        onChange={(e) => setQuery(e.currentTarget.value)}
        autoFocus
      />
      <Group gap="xs" align="flex-end">
        <MultiSelect
          data-testid="filter-segments"
          placeholder={t("filter-segment")}
          data={SEGMENTS.map((s) => ({ value: s, label: t(`segment-${s}`) }))}
          value={segments}
          onChange={(v) => setSegments(v as Segment[])}
          clearable
          w={260}
        />
        <TextInput placeholder={t("filter-city")} value={city} onChange={(e) => setCity(e.currentTarget.value)} data-testid="filter-city" w={160} />
        <TextInput placeholder={t("filter-tag")} value={tag} onChange={(e) => setTag(e.currentTarget.value)} data-testid="filter-tag" w={160} />
        {(filtered || sort !== null) && (
          <Button
            variant="subtle"
            onClick={() => {
              setSegments([]);
              setCity("");
              setTag("");
              setSort(null);
            }}
          >
            {t("filter-clear")}
          </Button>
        )}
      </Group>
      {notice && (
        <Alert color="teal" withCloseButton onClose={() => setNotice(null)} data-testid="list-notice">
          {notice}
        </Alert>
      )}
      <div className="list-grid list-header" role="row">
        {header("name", "col-name")}
        <span>{t("col-phone")}</span>
        <span>{t("col-email")}</span>
        {header("city", "col-city")}
        {header("segment", "col-segment")}
        {header("totalSpent", "col-total-spent", true)}
        {header("lifetimeValue", "col-ltv", true)}
      </div>
      {empty ? (
        <Text c="dimmed" p="md" data-testid="no-results">
          {t("customers-no-results")}
        </Text>
      ) : ranked ? (
        <Rows count={search.data?.length ?? 0} render={(i) => <Row customer={search.data?.[i]} onOpen={onOpen} />} />
      ) : (
        <Rows count={total} render={(i) => <PagedRow index={i} filter={filter} sort={effectiveSort} onOpen={onOpen} />} />
      )}
    </Stack>
  );
}

// Rows come from cached pages; every row of a page shares one query, so scrolling
// fetches each page once.
function PagedRow({ index, filter, sort, onOpen }: { index: number; filter: CustomerFilter; sort: CustomerSort; onOpen: (id: string) => void }) {
  const page = Math.floor(index / PAGE);
  const { data } = useQuery({
    queryKey: ["customers", "page", filter, sort, page],
    queryFn: () => api.listCustomers(filter, sort, page * PAGE, PAGE),
    staleTime: 30_000,
  });
  return <Row customer={data?.rows[index - page * PAGE]} onOpen={onOpen} />;
}

function Rows({ count, render }: { count: number; render: (index: number) => ReactNode }) {
  const parentRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => parentRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  return (
    <div ref={parentRef} style={{ flex: 1, overflowY: "auto", minHeight: 0 }} data-testid="customer-list">
      <div style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
        {virtualizer.getVirtualItems().map((item) => (
          <div
            key={item.key}
            style={{ position: "absolute", insetBlockStart: 0, insetInlineStart: 0, width: "100%", height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
          >
            {render(item.index)}
          </div>
        ))}
      </div>
    </div>
  );
}

function Row({ customer, onOpen }: { customer: CustomerSummary | undefined; onOpen: (id: string) => void }) {
  const t = useT();
  const { lang } = useLanguage();
  if (!customer) {
    return <div className="list-grid list-row" style={{ height: ROW_HEIGHT }} />;
  }
  return (
    <button
      type="button"
      className="list-grid list-row"
      style={{ height: ROW_HEIGHT }}
      data-testid="customer-row"
      onClick={() => onOpen(customer.id)}
    >
      <span className="cell">
        {customer.firstName} {customer.lastName}
        {customer.incomplete && (
          <Badge size="xs" color="red" variant="outline" ms={6}>
            {t("customers-incomplete")}
          </Badge>
        )}
      </span>
      <span className="cell cell-ltr" dir="ltr">
        {customer.phone}
      </span>
      <span className="cell cell-ltr" dir="ltr">
        {customer.email}
      </span>
      <span className="cell">{customer.city ?? ""}</span>
      <span className="cell">
        <SegmentBadge segment={customer.segment} />
      </span>
      <span className="cell num">{formatMoney(customer.totalSpent, lang)}</span>
      <span className="cell num">{formatMoney(customer.lifetimeValue, lang)}</span>
    </button>
  );
}
