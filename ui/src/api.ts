// One typed function per Tauri command. The argument and result types are generated from
// Rust by ts-rs (src/bindings); nothing here restates a Rust type by hand.
import { invoke } from "@tauri-apps/api/core";
import type { AppStatus } from "./bindings/AppStatus";
import type { Customer } from "./bindings/Customer";
import type { CustomerDraft } from "./bindings/CustomerDraft";
import type { CustomerFilter } from "./bindings/CustomerFilter";
import type { CustomerSort } from "./bindings/CustomerSort";
import type { CustomerPage } from "./bindings/CustomerPage";
import type { CustomerProfile } from "./bindings/CustomerProfile";
import type { CustomerSummary } from "./bindings/CustomerSummary";
import type { ColumnMapping } from "./bindings/ColumnMapping";
import type { ExportFormat } from "./bindings/ExportFormat";
import type { ImportPreview } from "./bindings/ImportPreview";
import type { ImportReport } from "./bindings/ImportReport";
import type { Lang } from "./bindings/Lang";
import type { LoyaltyReport } from "./bindings/LoyaltyReport";
import type { LoyaltyReportQuery } from "./bindings/LoyaltyReportQuery";
import type { LoyaltySettings } from "./bindings/LoyaltySettings";
import type { DuplicatePair } from "./bindings/DuplicatePair";
import type { MergeChoices } from "./bindings/MergeChoices";
import type { MergeRecord } from "./bindings/MergeRecord";
import type { SavedView } from "./bindings/SavedView";
import type { BulkTarget } from "./bindings/BulkTarget";
import type { DeletionBatch } from "./bindings/DeletionBatch";
import type { CustomFieldDefinition } from "./bindings/CustomFieldDefinition";
import type { CustomerInsights } from "./bindings/CustomerInsights";
import type { OrderImportReport } from "./bindings/OrderImportReport";
import type { Task } from "./bindings/Task";
import type { TaskRules } from "./bindings/TaskRules";
import type { Order } from "./bindings/Order";
import type { OrderDraft } from "./bindings/OrderDraft";
import type { OrderStatus } from "./bindings/OrderStatus";
import type { SegmentsOverview } from "./bindings/SegmentsOverview";
import type { SegmentationSettings } from "./bindings/SegmentationSettings";
import type { RecomputeSummary } from "./bindings/RecomputeSummary";
import type { TaskStatus } from "./bindings/TaskStatus";
import type { InboxFilter } from "./bindings/InboxFilter";
import type { InboxPage } from "./bindings/InboxPage";
import type { QueueCounts } from "./bindings/QueueCounts";
import type { SavedInboxView } from "./bindings/SavedInboxView";
import type { TicketDetail } from "./bindings/TicketDetail";
import type { Ticket } from "./bindings/Ticket";
import type { NewTicket } from "./bindings/NewTicket";
import type { Message } from "./bindings/Message";
import type { ReplyKind } from "./bindings/ReplyKind";
import type { TicketStatus } from "./bindings/TicketStatus";
import type { Assignee } from "./bindings/Assignee";
import type { CannedReply } from "./bindings/CannedReply";
import type { FilledReply } from "./bindings/FilledReply";
import type { StaffMember } from "./bindings/StaffMember";
import type { StaffUser } from "./bindings/StaffUser";
import type { Attachment } from "./bindings/Attachment";
import type { DeskSettings } from "./bindings/DeskSettings";
import type { SlaSettings } from "./bindings/SlaSettings";
import type { SupportSettings } from "./bindings/SupportSettings";
import type { SmartReplySettings } from "./bindings/SmartReplySettings";
import type { ProposedHoliday } from "./bindings/ProposedHoliday";
import type { CannedReplyDraft } from "./bindings/CannedReplyDraft";
import type { LoyaltyCard } from "./bindings/LoyaltyCard";
import type { Voucher } from "./bindings/Voucher";
import type { Campaign } from "./bindings/Campaign";
import type { CampaignKind } from "./bindings/CampaignKind";
import type { Reward } from "./bindings/Reward";

export const api = {
  appStatus: () => invoke<AppStatus>("app_status"),
  openDemoStore: () => invoke<number>("open_demo_store"),
  startEmpty: () => invoke<void>("start_empty"),
  searchCustomers: (query: string, limit: number) =>
    invoke<CustomerSummary[]>("search_customers", { query, limit }),
  listCustomers: (filter: CustomerFilter, sort: CustomerSort, offset: number, limit: number) =>
    invoke<CustomerPage>("list_customers", { filter, sort, offset, limit }),
  customerProfile: (id: string) => invoke<CustomerProfile>("customer_profile", { id }),
  createCustomer: (draft: CustomerDraft, confirmDuplicate: boolean) =>
    invoke<Customer>("create_customer", { draft, confirmDuplicate }),
  updateCustomer: (id: string, draft: CustomerDraft) => invoke<Customer>("update_customer", { id, draft }),
  previewImport: (path: string) => invoke<ImportPreview>("preview_import", { path }),
  runImport: (path: string, mapping: ColumnMapping) => invoke<ImportReport>("run_import", { path, mapping }),
  cancelImport: () => invoke<void>("cancel_import"),
  saveRejectedRows: (source: string, report: ImportReport, destination: string, lang: Lang) =>
    invoke<void>("save_rejected_rows", { source, report, destination, lang }),
  importMappings: () => invoke<Record<string, ColumnMapping>>("import_mappings"),
  saveImportMapping: (name: string, mapping: ColumnMapping) => invoke<void>("save_import_mapping", { name, mapping }),
  exportCustomers: (filter: CustomerFilter, format: ExportFormat, lang: Lang, destination: string) =>
    invoke<number>("export_customers", { filter, format, lang, destination }),
  duplicateCandidates: (limit: number) => invoke<DuplicatePair[]>("duplicate_candidates", { limit }),
  duplicatePair: (first: string, second: string) => invoke<[Customer, Customer]>("duplicate_pair", { first, second }),
  mergeCustomers: (survivor: string, merged: string, choices: MergeChoices) =>
    invoke<MergeRecord>("merge_customers", { survivor, merged, choices }),
  undoMerge: (id: string) => invoke<void>("undo_merge", { id }),
  recentMerges: () => invoke<MergeRecord[]>("recent_merges"),
  dismissDuplicate: (first: string, second: string) => invoke<void>("dismiss_duplicate", { first, second }),
  bulkTag: (target: BulkTarget, tag: string, add: boolean) => invoke<number>("bulk_tag", { target, tag, add }),
  bulkDelete: (target: BulkTarget) => invoke<DeletionBatch>("bulk_delete", { target }),
  restoreDeleted: (batch: string) => invoke<number>("restore_deleted", { batch }),
  savedViews: () => invoke<SavedView[]>("saved_views"),
  saveView: (view: SavedView) => invoke<SavedView[]>("save_view", { view }),
  deleteView: (name: string) => invoke<SavedView[]>("delete_view", { name }),
  customerInsights: (id: string) => invoke<CustomerInsights>("customer_insights", { id }),
  runOrderImport: (path: string, live: boolean) => invoke<OrderImportReport>("run_order_import", { path, live }),
  myTasks: () => invoke<Task[]>("my_tasks"),
  closeTask: (id: string, status: TaskStatus) => invoke<Task>("close_task", { id, status }),
  addOrder: (customerId: string, draft: OrderDraft) => invoke<Order>("add_order", { customerId, draft }),
  changeOrderStatus: (orderId: string, status: OrderStatus, refundedAmount: string | null) =>
    invoke<Order>("change_order_status", { orderId, status, refundedAmount }),
  segmentsOverview: (days: number) => invoke<SegmentsOverview>("segments_overview", { days }),
  segmentationSettings: () => invoke<SegmentationSettings>("segmentation_settings"),
  tierEquivalents: (settings: SegmentationSettings) => invoke<string[]>("tier_equivalents", { settings }),
  saveSegmentationSettings: (settings: SegmentationSettings) => invoke<RecomputeSummary>("save_segmentation_settings", { settings }),
  taskRules: () => invoke<TaskRules>("task_rules"),
  saveTaskRules: (rules: TaskRules) => invoke<void>("save_task_rules", { rules }),
  customFieldDefinitions: () => invoke<CustomFieldDefinition[]>("custom_field_definitions"),
  saveCustomFieldDefinitions: (definitions: CustomFieldDefinition[]) =>
    invoke<CustomFieldDefinition[]>("save_custom_field_definitions", { definitions }),
  inboxPage: (filter: InboxFilter, offset: number, limit: number) => invoke<InboxPage>("inbox_page", { filter, offset, limit }),
  inboxCounts: () => invoke<QueueCounts>("inbox_counts"),
  inboxViews: () => invoke<SavedInboxView[]>("inbox_views"),
  saveInboxView: (name: string, filter: InboxFilter) => invoke<SavedInboxView>("save_inbox_view", { name, filter }),
  deleteInboxView: (id: string) => invoke<void>("delete_inbox_view", { id }),
  ticketDetail: (id: string) => invoke<TicketDetail>("ticket_detail", { id }),
  createTicket: (ticket: NewTicket) => invoke<Ticket>("create_ticket", { ticket }),
  replyToTicket: (id: string, kind: ReplyKind, body: string) => invoke<Message>("reply_to_ticket", { id, kind, body }),
  logCustomerMessage: (id: string, body: string) => invoke<Ticket>("log_customer_message", { id, body }),
  setTicketStatus: (id: string, status: TicketStatus) => invoke<Ticket>("set_ticket_status", { id, status }),
  assignTicket: (id: string, assignee: Assignee) => invoke<Ticket>("assign_ticket", { id, assignee }),
  rateTicket: (id: string, rating: number) => invoke<Ticket>("rate_ticket", { id, rating }),
  mergeTickets: (keep: string, other: string) => invoke<Ticket>("merge_tickets", { keep, other }),
  escalateTicket: (id: string) => invoke<Ticket>("escalate_ticket", { id }),
  cannedReplies: () => invoke<CannedReply[]>("canned_replies"),
  fillCannedReply: (replyId: string, ticketId: string) => invoke<FilledReply>("fill_canned_reply", { replyId, ticketId }),
  staffMembers: () => invoke<StaffMember[]>("staff_members"),
  currentStaff: () => invoke<StaffUser | null>("current_staff"),
  attachFile: (ticketId: string, path: string) => invoke<Attachment>("attach_file", { ticketId, path }),
  attachmentData: (id: string) => invoke<string>("attachment_data", { id }),
  notifyNewTickets: (title: string, body: string) => invoke<void>("notify_new_tickets", { title, body }),
  deskSettings: () => invoke<DeskSettings>("desk_settings"),
  saveSlaSettings: (settings: SlaSettings) => invoke<void>("save_sla_settings", { settings }),
  saveSupportSettings: (settings: SupportSettings) => invoke<void>("save_support_settings", { settings }),
  saveSmartReplySettings: (settings: SmartReplySettings) => invoke<void>("save_smart_reply_settings", { settings }),
  proposedHolidays: (year: number) => invoke<ProposedHoliday[]>("proposed_holidays", { year }),
  setStaffAvailable: (id: string, available: boolean) => invoke<void>("set_staff_available", { id, available }),
  allCannedReplies: () => invoke<CannedReply[]>("all_canned_replies"),
  saveCannedReply: (draft: CannedReplyDraft) => invoke<CannedReply>("save_canned_reply", { draft }),
  loyaltyCard: (customerId: string) => invoke<LoyaltyCard>("loyalty_card", { customerId }),
  redeemReward: (customerId: string, rewardId: string) => invoke<Voucher>("redeem_reward", { customerId, rewardId }),
  cancelVoucher: (id: string) => invoke<Voucher>("cancel_voucher", { id }),
  useVoucher: (id: string) => invoke<Voucher>("use_voucher", { id }),
  adjustPoints: (customerId: string, points: number, reason: string) => invoke<unknown>("adjust_points", { customerId, points, reason }),
  loyaltyCampaigns: () => invoke<Campaign[]>("loyalty_campaigns"),
  saveCampaign: (campaign: Campaign) => invoke<void>("save_campaign", { campaign }),
  campaignTemplate: (kind: CampaignKind, year: number) => invoke<Campaign>("campaign_template", { kind, year }),
  loyaltyRewards: () => invoke<Reward[]>("loyalty_rewards"),
  saveReward: (reward: Reward) => invoke<void>("save_reward", { reward }),
  effectiveRebate: () => invoke<string | null>("effective_rebate"),
  loyaltyReport: (query: LoyaltyReportQuery, lang: Lang) => invoke<LoyaltyReport>("loyalty_report", { query, lang }),
  loyaltySettings: () => invoke<LoyaltySettings>("loyalty_settings"),
  saveLoyaltySettings: (settings: LoyaltySettings) => invoke<void>("save_loyalty_settings", { settings }),
};
