import { AppShell, Badge, Button, Group, NavLink, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { api } from "./api";
import { useLanguage, useT } from "./i18n";
import { ComingLater } from "./screens/ComingLater";
import { CustomerForm } from "./screens/CustomerForm";
import { CustomerList } from "./screens/CustomerList";
import { CustomerProfileScreen } from "./screens/CustomerProfile";
import { DuplicatesScreen } from "./screens/DuplicatesScreen";
import { CustomFieldsScreen } from "./screens/CustomFieldsScreen";
import { FirstRun } from "./screens/FirstRun";
import { ImportScreen } from "./screens/ImportScreen";
import { OrderImportScreen } from "./screens/OrderImportScreen";
import { TasksScreen } from "./screens/TasksScreen";
import { SegmentsOverviewScreen } from "./screens/SegmentsOverview";
import { SettingsScreen } from "./screens/SettingsScreen";
import { InboxScreen } from "./screens/inbox/InboxScreen";
import { LoyaltyScreen } from "./screens/LoyaltyScreen";
import { useNewTicketNotifications } from "./screens/inbox/notifications";

type Section = "customers" | "tasks" | "tickets" | "loyalty" | "campaigns" | "dashboards" | "settings";

export type Route =
  | { section: "customers"; view: "list" }
  | { section: "customers"; view: "profile"; id: string }
  | { section: "customers"; view: "edit"; id: string }
  | { section: "customers"; view: "new" }
  | { section: "customers"; view: "import" }
  | { section: "customers"; view: "duplicates" }
  | { section: "customers"; view: "fields" }
  | { section: "customers"; view: "import-orders" }
  | { section: Exclude<Section, "customers"> };

const SECTIONS: { id: Section; label: string }[] = [
  { id: "customers", label: "nav-customers" },
  { id: "tasks", label: "nav-tasks" },
  { id: "tickets", label: "nav-tickets" },
  { id: "loyalty", label: "nav-loyalty" },
  { id: "campaigns", label: "nav-campaigns" },
  { id: "dashboards", label: "nav-dashboards" },
  { id: "settings", label: "nav-settings" },
];

export function App() {
  const t = useT();
  const { lang, setLang } = useLanguage();
  const [route, setRoute] = useState<Route>({ section: "customers", view: "list" });
  const status = useQuery({ queryKey: ["app-status"], queryFn: api.appStatus });
  const unread = useNewTicketNotifications(!status.data?.needsFirstRunChoice);

  if (status.isPending) {
    return <Text p="xl">{t("loading")}</Text>;
  }
  if (status.data?.needsFirstRunChoice) {
    return <FirstRun onDone={() => status.refetch()} />;
  }

  const go = (section: Section) =>
    setRoute(section === "customers" ? { section, view: "list" } : { section } as Route);

  return (
    <AppShell navbar={{ width: 220, breakpoint: 0 }} header={{ height: 56 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Title order={4}>{t("app-title")}</Title>
          <Button
            variant="light"
            size="xs"
            data-testid="lang-toggle"
            title={t("switch-language-hint")}
            onClick={() => setLang(lang === "ar" ? "en" : "ar")}
          >
            {t("switch-language")}
          </Button>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        <Stack gap={4}>
          {SECTIONS.map((s) => (
            <NavLink
              key={s.id}
              label={t(s.label)}
              rightSection={s.id === "tickets" && unread > 0 ? <Badge size="xs" color="red" data-testid="nav-tickets-unread">{unread}</Badge> : undefined}
              active={route.section === s.id}
              data-testid={`nav-${s.id}`}
              onClick={() => go(s.id)}
            />
          ))}
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main style={{ height: "100dvh" }}>
        <Screen route={route} setRoute={setRoute} />
      </AppShell.Main>
    </AppShell>
  );
}

function Screen({ route, setRoute }: { route: Route; setRoute: (r: Route) => void }) {
  if (route.section === "tasks") {
    return <TasksScreen onOpenCustomer={(id) => setRoute({ section: "customers", view: "profile", id })} />;
  }
  if (route.section === "tickets") {
    return <Inbox onOpenCustomer={(id) => setRoute({ section: "customers", view: "profile", id })} />;
  }
  if (route.section === "loyalty") {
    return <LoyaltyScreen />;
  }
  if (route.section === "dashboards") {
    return <SegmentsOverviewScreen />;
  }
  if (route.section === "settings") {
    return <SettingsScreen />;
  }
  if (route.section !== "customers") {
    return <ComingLater />;
  }
  switch (route.view) {
    case "list":
      return (
        <CustomerList
          onOpen={(id) => setRoute({ section: "customers", view: "profile", id })}
          onNew={() => setRoute({ section: "customers", view: "new" })}
          onImport={() => setRoute({ section: "customers", view: "import" })}
          onDuplicates={() => setRoute({ section: "customers", view: "duplicates" })}
          onCustomFields={() => setRoute({ section: "customers", view: "fields" })}
          onImportOrders={() => setRoute({ section: "customers", view: "import-orders" })}
        />
      );
    case "duplicates":
      return (
        <DuplicatesScreen
          onBack={() => setRoute({ section: "customers", view: "list" })}
          onOpen={(id) => setRoute({ section: "customers", view: "profile", id })}
        />
      );
    case "import-orders":
      return <OrderImportScreen onDone={() => setRoute({ section: "customers", view: "list" })} />;
    case "fields":
      return <CustomFieldsScreen onBack={() => setRoute({ section: "customers", view: "list" })} />;
    case "import":
      return <ImportScreen onDone={() => setRoute({ section: "customers", view: "list" })} />;
    case "profile":
      return (
        <CustomerProfileScreen
          id={route.id}
          onBack={() => setRoute({ section: "customers", view: "list" })}
          onEdit={() => setRoute({ section: "customers", view: "edit", id: route.id })}
        />
      );
    case "edit":
      return (
        <CustomerForm
          id={route.id}
          onSaved={(id) => setRoute({ section: "customers", view: "profile", id })}
          onCancel={() => setRoute({ section: "customers", view: "profile", id: route.id })}
          onOpen={(id) => setRoute({ section: "customers", view: "profile", id })}
        />
      );
    case "new":
      return (
        <CustomerForm
          onSaved={(id) => setRoute({ section: "customers", view: "profile", id })}
          onCancel={() => setRoute({ section: "customers", view: "list" })}
          onOpen={(id) => setRoute({ section: "customers", view: "profile", id })}
        />
      );
  }
}

function Inbox({ onOpenCustomer }: { onOpenCustomer: (id: string) => void }) {
  const me = useQuery({ queryKey: ["current-staff"], queryFn: api.currentStaff });
  if (!me.data) return null;
  return <InboxScreen staffId={me.data.id} onOpenCustomer={onOpenCustomer} />;
}
