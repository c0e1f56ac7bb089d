// One typed function per Tauri command. The argument and result types are generated from
// Rust by ts-rs (src/bindings); nothing here restates a Rust type by hand.
import { invoke } from "@tauri-apps/api/core";
import type { AppStatus } from "./bindings/AppStatus";
import type { Customer } from "./bindings/Customer";
import type { CustomerDraft } from "./bindings/CustomerDraft";
import type { CustomerPage } from "./bindings/CustomerPage";
import type { CustomerProfile } from "./bindings/CustomerProfile";
import type { CustomerSummary } from "./bindings/CustomerSummary";

export const api = {
  appStatus: () => invoke<AppStatus>("app_status"),
  openDemoStore: () => invoke<number>("open_demo_store"),
  startEmpty: () => invoke<void>("start_empty"),
  searchCustomers: (query: string, limit: number) =>
    invoke<CustomerSummary[]>("search_customers", { query, limit }),
  listCustomers: (offset: number, limit: number) => invoke<CustomerPage>("list_customers", { offset, limit }),
  customerProfile: (id: string) => invoke<CustomerProfile>("customer_profile", { id }),
  createCustomer: (draft: CustomerDraft, confirmDuplicate: boolean) =>
    invoke<Customer>("create_customer", { draft, confirmDuplicate }),
  updateCustomer: (id: string, draft: CustomerDraft) => invoke<Customer>("update_customer", { id, draft }),
};
