import { Alert, Badge, Button, Checkbox, Group, Menu, Modal, MultiSelect, Popover, Select, SimpleGrid, Stack, Text, TextInput, Title, UnstyledButton } from "@mantine/core";
import { useDebouncedValue, useHotkeys } from "@mantine/hooks";
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { createContext, memo, ReactNode, useContext, useLayoutEffect, useRef, useState } from "react";
import { api } from "../api";
import type { CustomerFilter } from "../bindings/CustomerFilter";
import { fieldLabel, filterChoices, useCustomFieldDefinitions } from "../customFields";
import type { CustomerSort } from "../bindings/CustomerSort";
import type { CustomerSummary } from "../bindings/CustomerSummary";
import type { ExportFormat } from "../bindings/ExportFormat";
import type { BulkTarget } from "../bindings/BulkTarget";
import type { ConsentFlag } from "../bindings/ConsentFlag";
import type { ChurnBand } from "../bindings/ChurnBand";
import type { ListColumn } from "../bindings/ListColumn";
import type { SavedView } from "../bindings/SavedView";
import type { Segment } from "../bindings/Segment";
import type { SortColumn } from "../bindings/SortColumn";
import { formatMoney } from "../format";
import { chooseSavePath } from "../platform/dialogs";
import { useErrorText, useLanguage, useT } from "../i18n";
import { SegmentBadge } from "./SegmentBadge";

const PAGE = 100;
const CHURN_BANDS: ChurnBand[] = ["low", "medium", "high"];
const ROW_HEIGHT = 44;
const SEARCH_LIMIT = 200;
const SEGMENTS: Segment[] = ["new", "bronze", "silver", "gold", "platinum", "vip"];
const DEFAULT_SORT: CustomerSort = { column: "updatedAt", descending: true };
const CONSENTS: ConsentFlag[] = [
  "orderUpdates", "marketingEmails", "smsNotifications", "promotionalOffers", "whatsappMessages", "pushNotifications", "newsletterSubscription",
];

/** An amount typed in a filter box: ASCII or Arabic-Indic digits, up to three decimals. */
function parseAmount(text: string): string | null | "invalid" {
  const ascii = text.trim().replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x660)).replace("٫", ".");
  if (ascii === "") return null;
  return /^\d{1,12}(\.\d{1,3})?$/.test(ascii) ? ascii : "invalid";
}

const ALL_COLUMNS: ListColumn[] = ["name", "phone", "email", "city", "segment", "totalSpent", "lifetimeValue"];

/** Each column's label, width, and the sort it offers. */
const COLUMN_SPECS: Record<ListColumn, { label: string; track: string; sort?: SortColumn; numeric?: boolean }> = {
  name: { label: "col-name", track: "minmax(10rem, 2fr)", sort: "name" },
  phone: { label: "col-phone", track: "minmax(9rem, 1.1fr)" },
  email: { label: "col-email", track: "minmax(10rem, 1.6fr)" },
  city: { label: "col-city", track: "minmax(6rem, 1fr)", sort: "city" },
  segment: { label: "col-segment", track: "minmax(7rem, 0.9fr)", sort: "segment" },
  totalSpent: { label: "col-total-spent", track: "minmax(8rem, 1fr)", sort: "totalSpent", numeric: true },
  lifetimeValue: { label: "col-ltv", track: "minmax(8rem, 1fr)", sort: "lifetimeValue", numeric: true },
};

/** The tick box comes first, then the chosen columns. */
function gridColumns(columns: ListColumn[]): string {
  return ["2.25rem", ...columns.map((c) => COLUMN_SPECS[c].track)].join(" ");
}

/** The rows staff ticked, shared with the virtualised rows without threading props. */
const Selection = createContext<{ selected: Set<string>; toggle: (id: string) => void }>({ selected: new Set(), toggle: () => {} });

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
  onCustomFields,
  onImportOrders,
}: {
  onOpen: (id: string) => void;
  onNew: () => void;
  onImport: () => void;
  onDuplicates: () => void;
  onCustomFields: () => void;
  onImportOrders: () => void;
}) {
  const t = useT();
  const errorText = useErrorText();
  const { lang } = useLanguage();
  // Kept as a message id, not text, so it follows a language switch.
  const [notice, setNotice] = useState<{ id: string; args: Record<string, string | number>; undoBatch?: string } | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const toggleSelected = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const [query, setQuery] = useState("");
  const [segments, setSegments] = useState<Segment[]>([]);
  const [city, setCity] = useState("");
  const [tag, setTag] = useState("");
  const [spentMin, setSpentMin] = useState("");
  const [spentMax, setSpentMax] = useState("");
  const [orderAfter, setOrderAfter] = useState("");
  const [orderBefore, setOrderBefore] = useState("");
  const [consents, setConsents] = useState<ConsentFlag[]>([]);
  const [churnBands, setChurnBands] = useState<ChurnBand[]>([]);
  const [customKey, setCustomKey] = useState<string | null>(null);
  const [customValue, setCustomValue] = useState("");
  const definitions = useCustomFieldDefinitions().data ?? [];
  const customDefinition = definitions.find((d) => d.key === customKey) ?? null;
  const [sort, setSort] = useState<CustomerSort | null>(null);
  const [columns, setColumns] = useState<ListColumn[]>(ALL_COLUMNS);
  const [viewName, setViewName] = useState<string | null>(null);
  const [naming, setNaming] = useState<string | null>(null);
  const [viewError, setViewError] = useState<string | null>(null);
  const [bulk, setBulk] = useState<{ add: boolean; tag: string; error: string | null } | null>(null);
  const queryClient = useQueryClient();
  const views = useQuery({ queryKey: ["saved-views"], queryFn: api.savedViews });
  const [debounced] = useDebouncedValue({ query: query.trim(), city: city.trim(), tag: tag.trim(), customValue: customValue.trim() }, 150);
  const searchRef = useRef<HTMLInputElement>(null);
  useHotkeys([["/", () => searchRef.current?.focus()]]);

  const min = parseAmount(spentMin);
  const max = parseAmount(spentMax);
  const filter: CustomerFilter = {
    query: debounced.query,
    segments,
    city: debounced.city || null,
    tag: debounced.tag || null,
    totalSpentMin: min === "invalid" ? null : min,
    totalSpentMax: max === "invalid" ? null : max,
    lastOrderAfter: orderAfter || null,
    lastOrderBefore: orderBefore || null,
    consents,
    customField: customKey && debounced.customValue ? { key: customKey, value: debounced.customValue } : null,
    churnBands,
  };
  const moreFilters =
    [filter.totalSpentMin, filter.totalSpentMax, filter.lastOrderAfter, filter.lastOrderBefore, filter.customField].filter((v) => v !== null).length + consents.length + churnBands.length;
  const filtered = segments.length > 0 || filter.city !== null || filter.tag !== null || moreFilters > 0;
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
      setNotice({ id: "export-done", args: { count, path: destination } });
    } catch (e) {
      const payload = e as { messageId?: string; args?: Record<string, string> };
      setNotice(payload?.messageId ? { id: payload.messageId, args: payload.args ?? {} } : { id: "error-storage", args: { detail: String(e) } });
    }
  };

  const applyView = (name: string | null) => {
    setViewName(name);
    const view = views.data?.find((v) => v.name === name);
    if (!view) return;
    setQuery(view.filter.query);
    setSegments(view.filter.segments);
    setCity(view.filter.city ?? "");
    setTag(view.filter.tag ?? "");
    setSpentMin(view.filter.totalSpentMin ?? "");
    setSpentMax(view.filter.totalSpentMax ?? "");
    setOrderAfter(view.filter.lastOrderAfter ?? "");
    setOrderBefore(view.filter.lastOrderBefore ?? "");
    setConsents(view.filter.consents);
    setChurnBands(view.filter.churnBands ?? []);
    setCustomKey(view.filter.customField?.key ?? null);
    setCustomValue(view.filter.customField?.value ?? "");
    setSort(view.sort);
    setColumns(view.columns);
  };
  const saveView = async (name: string) => {
    setViewError(null);
    const customField = customKey && customValue.trim() ? { key: customKey, value: customValue.trim() } : null;
    const view: SavedView = { name, filter: { ...filter, query: query.trim(), city: city.trim() || null, tag: tag.trim() || null, customField }, sort: effectiveSort, columns };
    try {
      queryClient.setQueryData(["saved-views"], await api.saveView(view));
      setViewName(name.trim());
      setNaming(null);
    } catch (e) {
      setViewError(errorText(e));
    }
  };
  const deleteView = async () => {
    if (!viewName) return;
    queryClient.setQueryData(["saved-views"], await api.deleteView(viewName));
    setViewName(null);
  };

  // Bulk actions cover the ticked rows, or with none ticked every customer the filters
  // select, not only the loaded rows.
  const bulkTarget: BulkTarget = selected.size > 0 ? { kind: "selection", ids: [...selected] } : { kind: "filter", filter };
  const bulkCount = selected.size > 0 ? selected.size : total;
  const applyBulkTag = async () => {
    if (!bulk) return;
    try {
      const count = await api.bulkTag(bulkTarget, bulk.tag, bulk.add);
      setBulk(null);
      setSelected(new Set());
      setNotice({ id: bulk.add ? "bulk-tag-added" : "bulk-tag-removed", args: { count, tag: bulk.tag.trim() } });
      await queryClient.invalidateQueries({ queryKey: ["customers"] });
    } catch (e) {
      setBulk({ ...bulk, error: errorText(e) });
    }
  };

  const deleteAll = async () => {
    setConfirmDelete(false);
    try {
      const batch = await api.bulkDelete(bulkTarget);
      setSelected(new Set());
      setNotice({ id: "bulk-deleted", args: { count: batch.count }, undoBatch: batch.id });
    } catch (e) {
      setNotice({ id: (e as { messageId?: string })?.messageId ?? "error-storage", args: {} });
    }
    await queryClient.invalidateQueries({ queryKey: ["customers"] });
    await queryClient.invalidateQueries({ queryKey: ["app-status"] });
  };
  const undoDelete = async (batch: string) => {
    const count = await api.restoreDeleted(batch);
    setNotice({ id: "bulk-restored", args: { count } });
    await queryClient.invalidateQueries({ queryKey: ["customers"] });
  };

  const toggleSort = (column: SortColumn) =>
    setSort((current) =>
      current?.column === column ? { column, descending: !current.descending } : { column, descending: column !== "name" && column !== "city" },
    );
  const header = (column: ListColumn) => {
    const spec = COLUMN_SPECS[column];
    if (!spec.sort) return <span key={column}>{t(spec.label)}</span>;
    const sortColumn = spec.sort;
    const active = !ranked && effectiveSort.column === sortColumn;
    return (
      <UnstyledButton
        key={column}
        className={spec.numeric ? "num sort-header" : "sort-header"}
        aria-sort={active ? (effectiveSort.descending ? "descending" : "ascending") : "none"}
        data-testid={`sort-${sortColumn}`}
        onClick={() => toggleSort(sortColumn)}
      >
        {t(spec.label)}
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
          <Button variant="default" data-testid="open-custom-fields" onClick={onCustomFields}>
            {t("custom-fields-title")}
          </Button>
          <Button variant="default" data-testid="import-customers" onClick={onImport}>
            {t("import-title")}
          </Button>
          <Button variant="default" data-testid="import-orders" onClick={onImportOrders}>
            {t("import-orders-title")}
          </Button>
          <Menu>
            <Menu.Target>
              <Button variant={selected.size > 0 ? "light" : "default"} data-testid="bulk-actions">
                {selected.size > 0 ? t("bulk-title-selected", { count: selected.size }) : t("bulk-title")}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Label>{selected.size > 0 ? t("bulk-selected", { count: selected.size }) : t("customers-count", { count: total })}</Menu.Label>
              <Menu.Item data-testid="bulk-add-tag" onClick={() => setBulk({ add: true, tag: "", error: null })}>
                {t("bulk-add-tag")}
              </Menu.Item>
              <Menu.Item data-testid="bulk-remove-tag" onClick={() => setBulk({ add: false, tag: "", error: null })}>
                {t("bulk-remove-tag")}
              </Menu.Item>
              <Menu.Divider />
              <Menu.Item color="red" data-testid="bulk-delete" disabled={bulkCount === 0} onClick={() => setConfirmDelete(true)}>
                {t("bulk-delete")}
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
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
        <Popover width={420} position="bottom" shadow="md" withArrow>
          <Popover.Target>
            <Button variant={moreFilters > 0 ? "light" : "default"} data-testid="more-filters">
              {t("filter-more", { count: moreFilters })}
            </Button>
          </Popover.Target>
          <Popover.Dropdown>
            <SimpleGrid cols={2}>
              <TextInput label={t("filter-spent-min")} value={spentMin} onChange={(e) => setSpentMin(e.currentTarget.value)} error={min === "invalid" && t("error-invalid-amount")} dir="ltr" data-testid="filter-spent-min" />
              <TextInput label={t("filter-spent-max")} value={spentMax} onChange={(e) => setSpentMax(e.currentTarget.value)} error={max === "invalid" && t("error-invalid-amount")} dir="ltr" data-testid="filter-spent-max" />
              <TextInput type="date" label={t("filter-order-after")} value={orderAfter} onChange={(e) => setOrderAfter(e.currentTarget.value)} />
              <TextInput type="date" label={t("filter-order-before")} value={orderBefore} onChange={(e) => setOrderBefore(e.currentTarget.value)} />
            </SimpleGrid>
            <MultiSelect
              mt="sm"
              label={t("filter-consents")}
              data={CONSENTS.map((c) => ({ value: c, label: t(`field-${c.replace(/[A-Z]/g, (x) => `-${x.toLowerCase()}`)}`) }))}
              value={consents}
              onChange={(v) => setConsents(v as ConsentFlag[])}
              comboboxProps={{ withinPortal: false }}
            />
            <MultiSelect
              mt="sm"
              label={t("filter-churn-band")}
              data={CHURN_BANDS.map((b) => ({ value: b, label: t(`churn-band-${b}`) }))}
              value={churnBands}
              onChange={(v) => setChurnBands(v as ChurnBand[])}
              comboboxProps={{ withinPortal: false }}
              data-testid="filter-churn-band"
            />
            {definitions.length > 0 && (
              <SimpleGrid cols={2} mt="sm">
                <Select
                  label={t("filter-custom-field")}
                  data={definitions.map((d) => ({ value: d.key, label: fieldLabel(d, lang) }))}
                  value={customKey}
                  onChange={(v) => {
                    setCustomKey(v);
                    setCustomValue("");
                  }}
                  clearable
                  comboboxProps={{ withinPortal: false }}
                  data-testid="filter-custom-field"
                />
                {customDefinition && filterChoices(customDefinition, t) ? (
                  <Select
                    label={t("filter-custom-value")}
                    data={filterChoices(customDefinition, t) ?? []}
                    value={customValue || null}
                    onChange={(v) => setCustomValue(v ?? "")}
                    clearable
                    comboboxProps={{ withinPortal: false }}
                    data-testid="filter-custom-value"
                  />
                ) : (
                  <TextInput
                    label={t("filter-custom-value")}
                    value={customValue}
                    disabled={!customDefinition}
                    onChange={(e) => setCustomValue(e.currentTarget.value)}
                    data-testid="filter-custom-value"
                  />
                )}
              </SimpleGrid>
            )}
          </Popover.Dropdown>
        </Popover>
        <Select
          placeholder={t("views-choose")}
          data={(views.data ?? []).map((v) => v.name)}
          value={viewName}
          onChange={applyView}
          clearable
          w={200}
          data-testid="saved-views"
        />
        <Button variant="default" onClick={() => setNaming(viewName ?? "")} data-testid="save-view">
          {t("views-save")}
        </Button>
        {viewName && (
          <Button variant="subtle" color="red" onClick={() => void deleteView()} data-testid="delete-view">
            {t("views-delete")}
          </Button>
        )}
        <Menu closeOnItemClick={false}>
          <Menu.Target>
            <Button variant="default" data-testid="choose-columns">
              {t("columns-title")}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {ALL_COLUMNS.map((column) => (
              <Menu.Item key={column}>
                <Checkbox
                  label={t(COLUMN_SPECS[column].label)}
                  checked={columns.includes(column)}
                  disabled={columns.length === 1 && columns.includes(column)}
                  onChange={(e) =>
                    setColumns(e.currentTarget.checked ? ALL_COLUMNS.filter((c) => c === column || columns.includes(c)) : columns.filter((c) => c !== column))
                  }
                />
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
        {(filtered || sort !== null) && (
          <Button
            variant="subtle"
            onClick={() => {
              setSegments([]);
              setCity("");
              setTag("");
              setSpentMin("");
              setSpentMax("");
              setOrderAfter("");
              setOrderBefore("");
              setConsents([]);
              setChurnBands([]);
              setCustomKey(null);
              setCustomValue("");
              setSort(null);
              setViewName(null);
            }}
          >
            {t("filter-clear")}
          </Button>
        )}
      </Group>
      <Modal opened={bulk !== null} onClose={() => setBulk(null)} title={t(bulk?.add ? "bulk-add-tag-title" : "bulk-remove-tag-title")} centered>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void applyBulkTag();
          }}
        >
          <Text size="sm" mb="sm">
            {t(selected.size > 0 ? "bulk-applies-to-selection" : "bulk-applies-to", { count: bulkCount })}
          </Text>
          <TextInput
            label={t("filter-tag")}
            value={bulk?.tag ?? ""}
            onChange={(e) => bulk && setBulk({ ...bulk, tag: e.currentTarget.value, error: null })}
            error={bulk?.error}
            data-autofocus
            data-testid="bulk-tag-input"
          />
          <Group mt="md">
            <Button type="submit" data-testid="bulk-tag-confirm">
              {t("action-save")}
            </Button>
            <Button variant="default" onClick={() => setBulk(null)}>
              {t("action-cancel")}
            </Button>
          </Group>
        </form>
      </Modal>
      <Modal opened={confirmDelete} onClose={() => setConfirmDelete(false)} title={t("bulk-delete")} centered>
        <Text size="sm" mb="md">
          {t("bulk-delete-confirm", { count: bulkCount })}
        </Text>
        <Group>
          <Button color="red" onClick={() => void deleteAll()} data-testid="bulk-delete-confirm">
            {t("bulk-delete-button", { count: bulkCount })}
          </Button>
          <Button variant="default" onClick={() => setConfirmDelete(false)}>
            {t("action-cancel")}
          </Button>
        </Group>
      </Modal>
      <Modal opened={naming !== null} onClose={() => setNaming(null)} title={t("views-save")} centered>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void saveView(naming ?? "");
          }}
        >
          <TextInput label={t("views-name")} value={naming ?? ""} onChange={(e) => setNaming(e.currentTarget.value)} error={viewError} data-autofocus data-testid="view-name" />
          <Group mt="md">
            <Button type="submit" data-testid="view-save-confirm">
              {t("action-save")}
            </Button>
          </Group>
        </form>
      </Modal>
      {notice && (
        <Alert color="teal" withCloseButton onClose={() => setNotice(null)} data-testid="list-notice">
          <Group justify="space-between">
            <Text size="sm">{t(notice.id, notice.args)}</Text>
            {notice.undoBatch && (
              <Button size="xs" variant="default" onClick={() => void undoDelete(notice.undoBatch!)} data-testid="undo-delete">
                {t("merge-undo")}
              </Button>
            )}
          </Group>
        </Alert>
      )}
      <div className="list-grid list-header" role="row" style={{ gridTemplateColumns: gridColumns(columns) }}>
        <span>
          {selected.size > 0 && (
            <Checkbox checked indeterminate aria-label={t("bulk-clear-selection")} onChange={() => setSelected(new Set())} data-testid="clear-selection" />
          )}
        </span>
        {columns.map(header)}
      </div>
      <Selection.Provider value={{ selected, toggle: toggleSelected }}>
      {empty ? (
        <Text c="dimmed" p="md" data-testid="no-results">
          {t("customers-no-results")}
        </Text>
      ) : ranked ? (
        <Rows count={search.data?.length ?? 0} render={(i) => <Row customer={search.data?.[i]} columns={columns} onOpen={onOpen} />} />
      ) : (
        <Rows count={total} render={(i) => <PagedRow index={i} filter={filter} sort={effectiveSort} columns={columns} onOpen={onOpen} />} />
      )}
      </Selection.Provider>
    </Stack>
  );
}

// Rows come from cached pages; every row of a page shares one query, so scrolling
// fetches each page once.
const PagedRow = memo(function PagedRow({
  index,
  filter,
  sort,
  columns,
  onOpen,
}: {
  index: number;
  filter: CustomerFilter;
  sort: CustomerSort;
  columns: ListColumn[];
  onOpen: (id: string) => void;
}) {
  const page = Math.floor(index / PAGE);
  const { data } = useQuery({
    queryKey: ["customers", "page", filter, sort, page],
    queryFn: () => api.listCustomers(filter, sort, page * PAGE, PAGE),
    staleTime: 30_000,
  });
  return <Row customer={data?.rows[index - page * PAGE]} columns={columns} onOpen={onOpen} />;
});

// Browsers cap how tall an element may be (WebKit near 33.5M px), and a million rows of
// 44 px is 44M px: past the cap the last customers were out of reach. Beyond this height
// the list scrolls a shorter track and maps its position onto the rows in proportion.
const MAX_TRACK_PX = 10_000_000;
const OVERSCAN = 10;

/**
 * Only the rows in view (and a few either side) are in the DOM. Rows have one fixed
 * height, so which rows are in view is arithmetic; this is written here rather than taken
 * from a virtualiser library because the proportional track above is what a million rows
 * need, and the library's scroll bookkeeping assumes pixel-for-pixel scrolling.
 */
function Rows({ count, render }: { count: number; render: (index: number) => ReactNode }) {
  const parentRef = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, height: 0 });
  useLayoutEffect(() => {
    const element = parentRef.current;
    if (!element) return;
    const update = () => setView({ top: element.scrollTop, height: element.clientHeight });
    update();
    element.addEventListener("scroll", update, { passive: true });
    const resize = new ResizeObserver(update);
    resize.observe(element);
    return () => {
      element.removeEventListener("scroll", update);
      resize.disconnect();
    };
  }, []);
  const rowsHeight = count * ROW_HEIGHT;
  const track = Math.min(rowsHeight, MAX_TRACK_PX);
  // The rows' scroll position for the track's: equal below the cap, in proportion above it.
  const trackRange = track - view.height;
  const rowsRange = rowsHeight - view.height;
  const rowsTop = trackRange > 0 ? (Math.min(view.top, trackRange) / trackRange) * rowsRange : 0;
  const first = Math.max(0, Math.floor(rowsTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(count - 1, Math.ceil((rowsTop + view.height) / ROW_HEIGHT) + OVERSCAN);
  // Rows are placed on the track where the screen shows that part of the list.
  const shift = view.top - rowsTop;
  const indexes: number[] = [];
  for (let index = first; index <= last; index++) indexes.push(index);
  return (
    <div ref={parentRef} style={{ flex: 1, overflowY: "auto", minHeight: 0 }} data-testid="customer-list">
      <div style={{ height: track, position: "relative" }}>
        {indexes.map((index) => (
          <div
            key={index}
            data-index={index}
            style={{ position: "absolute", insetBlockStart: 0, insetInlineStart: 0, width: "100%", height: ROW_HEIGHT, transform: `translateY(${index * ROW_HEIGHT + shift}px)` }}
          >
            {render(index)}
          </div>
        ))}
      </div>
    </div>
  );
}

function Row({ customer, columns, onOpen }: { customer: CustomerSummary | undefined; columns: ListColumn[]; onOpen: (id: string) => void }) {
  const t = useT();
  const { lang } = useLanguage();
  const { selected, toggle } = useContext(Selection);
  const style = { height: ROW_HEIGHT, gridTemplateColumns: gridColumns(columns) };
  if (!customer) {
    return <div className="list-grid list-row" style={style} />;
  }
  const cell = (column: ListColumn): ReactNode => {
    switch (column) {
      case "name":
        return (
          <span className="cell" key={column}>
            {customer.firstName} {customer.lastName}
            {customer.incomplete && (
              <Badge size="xs" color="red" variant="outline" ms={6}>
                {t("customers-incomplete")}
              </Badge>
            )}
          </span>
        );
      case "phone":
        return (
          <span className="cell cell-ltr" dir="ltr" key={column}>
            {customer.phone}
          </span>
        );
      case "email":
        return (
          <span className="cell cell-ltr" dir="ltr" key={column}>
            {customer.email}
          </span>
        );
      case "city":
        return (
          <span className="cell" key={column}>
            {customer.city ?? ""}
          </span>
        );
      case "segment":
        return (
          <span className="cell" key={column}>
            <SegmentBadge segment={customer.segment} />
          </span>
        );
      case "totalSpent":
        return (
          <span className="cell num" key={column}>
            {formatMoney(customer.totalSpent, lang)}
          </span>
        );
      case "lifetimeValue":
        return (
          <span className="cell num" key={column}>
            {formatMoney(customer.lifetimeValue, lang)}
          </span>
        );
    }
  };
  return (
    <div
      role="row"
      tabIndex={0}
      className="list-grid list-row"
      style={style}
      data-testid="customer-row"
      onClick={() => onOpen(customer.id)}
      onKeyDown={(e) => {
        if (e.key === "Enter") onOpen(customer.id);
        if (e.key === " ") {
          e.preventDefault();
          toggle(customer.id);
        }
      }}
    >
      <span className="cell" onClick={(e) => e.stopPropagation()}>
        <Checkbox
          aria-label={t("bulk-select-customer")}
          checked={selected.has(customer.id)}
          onChange={() => toggle(customer.id)}
          data-testid="select-row"
        />
      </span>
      {columns.map(cell)}
    </div>
  );
}
