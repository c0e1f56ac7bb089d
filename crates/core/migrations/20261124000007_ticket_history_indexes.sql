-- The inbox's "all tickets" queue and its filters, measured at 200k tickets
-- (BENCHMARKS.md): newest first needs an index on creation, and narrowing it by category
-- or priority needs one per filter, or every page sorts the whole table. The newest
-- ticket, which the new-ticket notification watches, comes from the same index.
CREATE INDEX tickets_created ON tickets (created_at);
CREATE INDEX tickets_category_created ON tickets (category, created_at);
CREATE INDEX tickets_priority_created ON tickets (priority_rank, created_at);
-- Tickets merged into one, for its conversation pane.
CREATE INDEX tickets_merged_into ON tickets (merged_into) WHERE merged_into IS NOT NULL;
