-- Finding a ledger entry by its order (issue #6, ingest speed). Nine in ten entries are
-- earns, which the unique earn index already finds by order; the general order index
-- made every credit of a large import pay a second insert at a random place. Reversals
-- and referral bonuses, the only other entries looked up by order, get small indexes
-- of their own.
DROP INDEX loyalty_entries_order;
CREATE INDEX loyalty_entries_reversal_order ON loyalty_entries (order_id) WHERE type = 'reversal';
CREATE INDEX loyalty_entries_referral_order ON loyalty_entries (order_id) WHERE type = 'referral';
