import { Badge, Button, Group, Stack, Text, TextInput, Title } from "@mantine/core";
import { useDebouncedValue, useHotkeys } from "@mantine/hooks";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useVirtualizer } from "@tanstack/react-virtual";
import { ReactNode, useRef, useState } from "react";
import { api } from "../api";
import type { CustomerSummary } from "../bindings/CustomerSummary";
import { formatMoney } from "../format";
import { useLanguage, useT } from "../i18n";
import { SegmentBadge } from "./SegmentBadge";

const PAGE = 100;
const ROW_HEIGHT = 44;
const SEARCH_LIMIT = 200;

/**
 * The customer list: a virtualised scroller over the whole store (only visible rows are
 * in the DOM, pages of 100 are fetched as they scroll into view), or the best search hits.
 */
export function CustomerList({ onOpen, onNew }: { onOpen: (id: string) => void; onNew: () => void }) {
  const t = useT();
  const [query, setQuery] = useState("");
  const [debounced] = useDebouncedValue(query.trim(), 120);
  const searchRef = useRef<HTMLInputElement>(null);
  useHotkeys([["/", () => searchRef.current?.focus()]]);

  const searching = debounced.length > 0;
  const search = useQuery({
    queryKey: ["customers", "search", debounced],
    queryFn: () => api.searchCustomers(debounced, SEARCH_LIMIT),
    enabled: searching,
    placeholderData: keepPreviousData,
  });
  const firstPage = useQuery({
    queryKey: ["customers", "page", 0],
    queryFn: () => api.listCustomers(0, PAGE),
  });

  const total = searching ? (search.data?.length ?? 0) : (firstPage.data?.total ?? 0);

  return (
    <Stack h="100%" gap="sm">
      <Group justify="space-between">
        <Group gap="sm">
          <Title order={3}>{t("customers-title")}</Title>
          <Text c="dimmed" size="sm" data-testid="customer-count">
            {t("customers-count", { count: total })}
          </Text>
        </Group>
        <Button data-testid="new-customer" onClick={onNew}>
          {t("customers-new")}
        </Button>
      </Group>
      <TextInput
        ref={searchRef}
        data-testid="search-input"
        placeholder={t("customers-search-placeholder")}
        value={query}
        onChange={(e) => setQuery(e.currentTarget.value)}
        autoFocus
      />
      <div className="list-grid list-header" role="row">
        <span>{t("col-name")}</span>
        <span>{t("col-phone")}</span>
        <span>{t("col-email")}</span>
        <span>{t("col-city")}</span>
        <span>{t("col-segment")}</span>
        <span className="num">{t("col-total-spent")}</span>
        <span className="num">{t("col-ltv")}</span>
      </div>
      {searching ? (
        search.data && search.data.length === 0 ? (
          <Text c="dimmed" p="md" data-testid="no-results">
            {t("customers-no-results")}
          </Text>
        ) : (
          <Rows count={search.data?.length ?? 0} render={(i) => <Row customer={search.data?.[i]} onOpen={onOpen} />} />
        )
      ) : (
        <Rows count={total} render={(i) => <PagedRow index={i} onOpen={onOpen} />} />
      )}
    </Stack>
  );
}

// Rows of the unfiltered list come from cached pages; every row of a page shares one
// query, so scrolling fetches each page once.
function usePagedRow(index: number): CustomerSummary | undefined {
  const page = Math.floor(index / PAGE);
  const { data } = useQuery({
    queryKey: ["customers", "page", page],
    queryFn: () => api.listCustomers(page * PAGE, PAGE),
    staleTime: 30_000,
  });
  return data?.rows[index - page * PAGE];
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

function PagedRow({ index, onOpen }: { index: number; onOpen: (id: string) => void }) {
  return <Row customer={usePagedRow(index)} onOpen={onOpen} />;
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
