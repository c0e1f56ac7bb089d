-- Daily totals for the reports (SPEC §8.5), per store day (UTC+2, as everywhere in SQL):
-- a report over a year without a tier or city filter reads a few hundred rows instead of
-- millions. Core keeps them where orders, ledger entries and vouchers are written
-- (`daily_totals.rs`); a large import adds up its changes and writes each day once.
-- Triggers were measured first: one upsert per order and per credit cost a 1M-customer
-- order import an eighth of its time.

-- Counted orders by the day they were created, and their net amount.
CREATE TABLE daily_order_totals (
    day      TEXT PRIMARY KEY,
    orders   INTEGER NOT NULL,
    revenue  INTEGER NOT NULL
) WITHOUT ROWID;

-- Points by day and kind: `earn` (orders' points, by the day they were earned), `other`
-- (referral bonuses and manual credits; not a cancelled voucher's points coming back, nor
-- points a customer merge moved), `expire` and `reversal` (by the day written, as
-- positive numbers), `redeemed` (points on vouchers not cancelled, by issue day).
CREATE TABLE daily_points (
    day     TEXT NOT NULL,
    kind    TEXT NOT NULL,
    points  INTEGER NOT NULL,
    PRIMARY KEY (day, kind)
) WITHOUT ROWID;

-- What the stores already hold.
INSERT INTO daily_order_totals (day, orders, revenue)
SELECT date(created_at, '+2 hours'), count(*), sum(total - refunded_amount) FROM orders
WHERE status IN ('confirmed', 'shipped', 'delivered') GROUP BY 1;

INSERT INTO daily_points (day, kind, points)
SELECT date(l.earned_at, '+2 hours'), CASE e.type WHEN 'earn' THEN 'earn' ELSE 'other' END, sum(l.points)
FROM loyalty_lots l JOIN loyalty_entries e ON e.id = l.entry_id
WHERE e.type IN ('earn', 'referral', 'adjustment') AND NOT (e.type = 'adjustment' AND e.note IN ('merge', 'merge-undone'))
GROUP BY 1, 2;

INSERT INTO daily_points (day, kind, points)
SELECT date(created_at, '+2 hours'), type, -sum(points) FROM loyalty_entries WHERE type IN ('expire', 'reversal') GROUP BY 1, 2;

INSERT INTO daily_points (day, kind, points)
SELECT date(issued_at, '+2 hours'), 'redeemed', sum(points) FROM vouchers WHERE status <> 'cancelled' GROUP BY 1;
