import { fireEvent, screen, waitFor } from "@testing-library/react";
import { mockIPC } from "@tauri-apps/api/mocks";
import { describe, expect, it } from "vitest";
import type { ImportPreview } from "../bindings/ImportPreview";
import type { ImportReport } from "../bindings/ImportReport";
import { ImportScreen } from "../screens/ImportScreen";
import { renderWithProviders } from "./render";

const preview: ImportPreview = {
  headers: ["الاسم", "اللقب", "Contact"],
  sample: [["أحمد", "الورفلي", "0912345678"]],
  rowCount: 2,
  encoding: "UTF-8",
  mapping: { columns: { firstName: "الاسم", lastName: "اللقب" } },
};

const report: ImportReport = {
  inserted: 1,
  updated: 0,
  merged: 0,
  unchanged: 0,
  rejected: [{ line: 3, field: "phone", reason: "", reasonId: "error-invalid-phone", args: {} }],
  encoding: "UTF-8",
  mapping: preview.mapping,
};

describe("import screen", () => {
  it("previews, sends the mapping staff chose, and reports per row", async () => {
    const calls: { cmd: string; args: unknown }[] = [];
    mockIPC((cmd, args) => {
      calls.push({ cmd, args });
      if (cmd === "preview_import") return preview;
      if (cmd === "run_import") return report;
      if (cmd === "import_mappings") return {};
      return null;
    });
    renderWithProviders(<ImportScreen onDone={() => {}} />);
    fireEvent.change(screen.getByTestId("import-path"), { target: { value: "/tmp/customers.csv" } });
    fireEvent.click(screen.getByTestId("import-preview"));
    expect(await screen.findByTestId("import-sample")).toHaveTextContent("الورفلي");
    expect(screen.getByTestId("import-run")).toHaveTextContent("استيراد صفين");
    fireEvent.click(screen.getByTestId("import-run"));
    expect(await screen.findByTestId("import-report")).toBeInTheDocument();
    expect(screen.getByTestId("report-inserted")).toHaveTextContent("1");
    expect(screen.getByTestId("report-rejected")).toHaveTextContent("1");
    expect(screen.getByText(/رقم الهاتف غير صحيح/)).toBeInTheDocument();
    const run = calls.find((c) => c.cmd === "run_import");
    expect(run?.args).toMatchObject({ path: "/tmp/customers.csv", mapping: preview.mapping });
  });

  it("shows one clear error for a file that is not a table", async () => {
    mockIPC((cmd) => {
      if (cmd === "preview_import") throw { code: "notATable", messageId: "import-error-binary", args: {}, fields: [], duplicates: [] };
      return {};
    });
    renderWithProviders(<ImportScreen onDone={() => {}} />);
    fireEvent.change(screen.getByTestId("import-path"), { target: { value: "/tmp/photo.png" } });
    fireEvent.click(screen.getByTestId("import-preview"));
    await waitFor(() => expect(screen.getByTestId("import-error")).toHaveTextContent("هذا الملف ليس جدولاً"));
  });
});
