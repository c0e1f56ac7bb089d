import { fireEvent, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { mockIPC } from "@tauri-apps/api/mocks";
import { describe, expect, it } from "vitest";
import { App } from "../App";
import type { CustomerPage } from "../bindings/CustomerPage";
import type { CustomerSummary } from "../bindings/CustomerSummary";
import type { ErrorPayload } from "../bindings/ErrorPayload";
import { formatMoney } from "../format";
import { CustomerForm } from "../screens/CustomerForm";
import { renderWithProviders } from "./render";

const ahmad: CustomerSummary = {
  id: "c1",
  firstName: "أحمد",
  lastName: "الورفلي",
  email: "ahmed@mail.ly",
  phone: "+218912345678",
  city: "طرابلس",
  segment: "gold",
  totalSpent: "4250.500",
  lifetimeValue: "1062.625",
  incomplete: false,
};

function mockStore(calls: { cmd: string; args: unknown }[] = []) {
  mockIPC((cmd, args) => {
    calls.push({ cmd, args });
    switch (cmd) {
      case "app_status":
        return { customerCount: 1, needsFirstRunChoice: false, databasePath: "/tmp/x.db" };
      case "list_customers":
        return { total: 1, offset: 0, rows: [ahmad] } satisfies CustomerPage;
      case "search_customers":
        return (args as { query: string }).query === "احمد" ? [ahmad] : [];
      case "saved_views":
        return [];
      case "save_view":
        return [(args as { view: unknown }).view];
      default:
        throw new Error(`unexpected command ${cmd}`);
    }
  });
}

describe("app frame", () => {
  it("starts in Arabic, right to left, and switches to English", async () => {
    mockStore();
    renderWithProviders(<App />);
    expect(await screen.findByText("العملاء", { selector: "h3" })).toBeInTheDocument();
    expect(document.documentElement.dir).toBe("rtl");
    expect(document.documentElement.lang).toBe("ar");
    fireEvent.click(screen.getByTestId("lang-toggle"));
    expect(await screen.findByText("Customers", { selector: "h3" })).toBeInTheDocument();
    await waitFor(() => expect(document.documentElement.dir).toBe("ltr"));
  });

  it("labels sections that arrive later instead of faking them", async () => {
    mockStore();
    renderWithProviders(<App />);
    fireEvent.click(await screen.findByTestId("nav-campaigns"));
    expect(await screen.findByTestId("coming-later")).toHaveTextContent("قادم في إصدار لاحق");
  });

  it("offers the demo store on a fresh, empty database", async () => {
    mockIPC((cmd) => {
      if (cmd === "app_status") return { customerCount: 0, needsFirstRunChoice: true, databasePath: "" };
      return null;
    });
    renderWithProviders(<App />);
    expect(await screen.findByTestId("first-run-demo")).toHaveTextContent("فتح المتجر التجريبي");
    expect(screen.getByTestId("first-run-empty")).toBeInTheDocument();
  });
});

describe("customer search", () => {
  it("sends the typed query to core and shows the hits", async () => {
    const calls: { cmd: string; args: unknown }[] = [];
    mockStore(calls);
    renderWithProviders(<App />);
    const input = await screen.findByTestId("search-input");
    await userEvent.type(input, "احمد");
    await waitFor(() => expect(calls.some((c) => c.cmd === "search_customers")).toBe(true));
    expect(calls.find((c) => c.cmd === "search_customers")?.args).toMatchObject({ query: "احمد", limit: 200 });
    fireEvent.change(input, { target: { value: "zzz" } });
    expect(await screen.findByTestId("no-results")).toHaveTextContent("لا يوجد عملاء مطابقون للبحث");
  });
});

describe("customer form", () => {
  it("shows core's localised field errors next to the fields", async () => {
    const refusal: ErrorPayload = {
      code: "invalidInput",
      messageId: "error-invalid-input",
      args: {},
      fields: [
        { field: "phone", messageId: "error-invalid-phone", args: {} },
        { field: "addresses.0.city", messageId: "error-required", args: {} },
      ],
      duplicates: [],
    };
    mockIPC((cmd) => {
      if (cmd === "create_customer") throw refusal;
      return null;
    });
    renderWithProviders(<CustomerForm onSaved={() => {}} onCancel={() => {}} onOpen={() => {}} />);
    fireEvent.click(screen.getByTestId("save-customer"));
    expect(await screen.findByText(/رقم الهاتف غير صحيح/)).toBeInTheDocument();
    expect(screen.getByTestId("form-error")).toHaveTextContent("بعض الحقول تحتاج إلى تصحيح");
    expect(screen.getByText("هذا الحقل مطلوب")).toBeInTheDocument();
  });

  it("asks before saving a possible duplicate", async () => {
    const calls: unknown[] = [];
    mockIPC((cmd, args) => {
      if (cmd !== "create_customer") return null;
      calls.push(args);
      if (!(args as { confirmDuplicate: boolean }).confirmDuplicate) {
        throw { code: "possibleDuplicate", messageId: "error-possible-duplicate", args: {}, fields: [], duplicates: [ahmad] } satisfies ErrorPayload;
      }
      return { id: "c2" };
    });
    let saved = "";
    renderWithProviders(<CustomerForm onSaved={(id) => (saved = id)} onCancel={() => {}} onOpen={() => {}} />);
    fireEvent.click(screen.getByTestId("save-customer"));
    expect(await screen.findByTestId("duplicate-warning")).toHaveTextContent("الورفلي");
    fireEvent.click(screen.getByTestId("save-anyway"));
    await waitFor(() => expect(saved).toBe("c2"));
    expect(calls).toHaveLength(2);
  });
});

describe("money", () => {
  it("shows LYD with three decimals in both languages", () => {
    expect(formatMoney("4250.5", "en")).toBe("LYD 4,250.500");
    expect(formatMoney("4250.500", "ar")).toMatch(/^4[.,٬]?250[,.٫]500 د\.ل$/);
  });
});

describe("saved views", () => {
  it("saves the current filter, sort and columns under a name", async () => {
    const calls: { cmd: string; args: unknown }[] = [];
    mockStore(calls);
    renderWithProviders(<App />);
    fireEvent.click(await screen.findByTestId("sort-totalSpent"));
    fireEvent.click(screen.getByTestId("save-view"));
    fireEvent.change(await screen.findByTestId("view-name"), { target: { value: "الأعلى إنفاقاً" } });
    fireEvent.click(screen.getByTestId("view-save-confirm"));
    await waitFor(() => expect(calls.some((c) => c.cmd === "save_view")).toBe(true));
    expect(calls.find((c) => c.cmd === "save_view")?.args).toMatchObject({
      view: { name: "الأعلى إنفاقاً", sort: { column: "totalSpent", descending: true }, filter: { query: "", segments: [] } },
    });
  });
});
