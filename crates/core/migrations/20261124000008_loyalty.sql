-- Loyalty (SPEC §4; issue #6): the append-only points ledger, the lots its credits make,
-- the balance per customer (kept by a trigger, checked never below zero), the rewards
-- catalogue (SPEC §4.5's three rewards seeded), vouchers, and campaigns.

CREATE TABLE loyalty_entries (
    id                    TEXT PRIMARY KEY,
    customer_id           TEXT NOT NULL REFERENCES customers (id),
    type                  TEXT NOT NULL CHECK (type IN ('earn', 'referral', 'adjustment', 'redemption_cancel', 'redeem', 'reversal', 'expire')),
    points                INTEGER NOT NULL,
    order_id              TEXT,
    voucher_id            TEXT,
    campaign_id           TEXT,
    -- The referred customer a `referral` bonus was paid for.
    referred_customer_id  TEXT,
    -- The calculation lines of an `earn` entry (SPEC §4.2), as JSON.
    breakdown             TEXT,
    -- r0: the order's refunded amount when its points were earned (SPEC §4.3).
    refunded_at_earn      INTEGER,
    lot_expires_at        TEXT,
    -- The lots a debit consumed: [{"entryId", "points"}].
    consumed_lots         TEXT,
    -- What a reversal could not take back without going below zero.
    unrecovered           INTEGER NOT NULL DEFAULT 0 CHECK (unrecovered >= 0),
    created_at            TEXT NOT NULL,
    created_by            TEXT NOT NULL,
    note                  TEXT NOT NULL DEFAULT '',
    -- Credits add, debits take; an adjustment may do either. Only a reversal that could
    -- recover nothing has no points, and then it records what it could not.
    CHECK (
        (type IN ('earn', 'referral', 'redemption_cancel') AND points > 0)
        OR (type IN ('redeem', 'expire') AND points < 0)
        OR (type = 'reversal' AND (points < 0 OR (points = 0 AND unrecovered > 0)))
        OR (type = 'adjustment' AND points <> 0)
    )
);
CREATE INDEX loyalty_entries_customer ON loyalty_entries (customer_id, created_at);
CREATE INDEX loyalty_entries_order ON loyalty_entries (order_id) WHERE order_id IS NOT NULL;
-- An order is credited once however often it syncs; a referral is paid once.
CREATE UNIQUE INDEX loyalty_entries_one_earn ON loyalty_entries (order_id) WHERE type = 'earn';
CREATE UNIQUE INDEX loyalty_entries_one_referral ON loyalty_entries (referred_customer_id) WHERE type = 'referral';
CREATE TRIGGER loyalty_entries_no_update BEFORE UPDATE ON loyalty_entries
BEGIN SELECT RAISE(ABORT, 'loyalty entries are append-only'); END;
CREATE TRIGGER loyalty_entries_no_delete BEFORE DELETE ON loyalty_entries
BEGIN SELECT RAISE(ABORT, 'loyalty entries are append-only'); END;

-- The balance is the sum of the entries; the trigger keeps it, and the CHECK makes any
-- write that would take it below zero fail, whichever code path tried.
CREATE TABLE loyalty_balances (
    customer_id  TEXT PRIMARY KEY REFERENCES customers (id),
    balance      INTEGER NOT NULL CHECK (balance >= 0)
) WITHOUT ROWID;
-- (Not an upsert: SQLite checks the VALUES row against the CHECK before the conflict is
-- resolved, so a debit's negative points would fail even on a positive balance.)
CREATE TRIGGER loyalty_entries_balance AFTER INSERT ON loyalty_entries
BEGIN
    INSERT OR IGNORE INTO loyalty_balances (customer_id, balance) VALUES (NEW.customer_id, 0);
    UPDATE loyalty_balances SET balance = balance + NEW.points WHERE customer_id = NEW.customer_id;
END;

-- What is left of each credit, consumed first-in first-out.
CREATE TABLE loyalty_lots (
    entry_id     TEXT PRIMARY KEY REFERENCES loyalty_entries (id),
    customer_id  TEXT NOT NULL REFERENCES customers (id),
    order_id     TEXT,
    earned_at    TEXT NOT NULL,
    expires_at   TEXT NOT NULL,
    points       INTEGER NOT NULL CHECK (points > 0),
    remaining    INTEGER NOT NULL CHECK (remaining BETWEEN 0 AND points)
) WITHOUT ROWID;
CREATE INDEX loyalty_lots_live ON loyalty_lots (customer_id, earned_at) WHERE remaining > 0;
CREATE INDEX loyalty_lots_expiring ON loyalty_lots (expires_at) WHERE remaining > 0;

CREATE TABLE rewards (
    id               TEXT PRIMARY KEY,
    name             TEXT NOT NULL,
    points_required  INTEGER NOT NULL CHECK (points_required > 0),
    type             TEXT NOT NULL CHECK (type IN ('discount', 'shipping', 'product')),
    value            INTEGER NOT NULL DEFAULT 0,
    max_discount     INTEGER,
    product_id       TEXT,
    valid_for_days   INTEGER NOT NULL CHECK (valid_for_days > 0),
    category         TEXT NOT NULL DEFAULT '',
    active           INTEGER NOT NULL DEFAULT 1,
    updated_at       TEXT NOT NULL
);
INSERT INTO rewards (id, name, points_required, type, value, max_discount, product_id, valid_for_days, category, updated_at) VALUES
    ('reward_001', 'خصم 10% على الطلب التالي', 100, 'discount', 10, 50000, NULL, 30, 'next_order', '2026-11-24T00:00:00+00:00'),
    ('reward_002', 'شحن مجاني', 150, 'shipping', 0, NULL, NULL, 60, 'shipping', '2026-11-24T00:00:00+00:00'),
    ('reward_003', 'منتج هدية', 500, 'product', 0, NULL, 'gift_product_001', 90, 'gift', '2026-11-24T00:00:00+00:00');

CREATE TABLE vouchers (
    id               TEXT PRIMARY KEY,
    code             TEXT NOT NULL UNIQUE,
    reward_id        TEXT NOT NULL REFERENCES rewards (id),
    customer_id      TEXT NOT NULL REFERENCES customers (id),
    points           INTEGER NOT NULL CHECK (points > 0),
    redeem_entry_id  TEXT NOT NULL REFERENCES loyalty_entries (id),
    issued_at        TEXT NOT NULL,
    expires_at       TEXT NOT NULL,
    status           TEXT NOT NULL CHECK (status IN ('issued', 'used', 'expired', 'cancelled')),
    used_order_id    TEXT,
    closed_at        TEXT
);
CREATE INDEX vouchers_customer ON vouchers (customer_id, issued_at);
CREATE INDEX vouchers_issued ON vouchers (expires_at) WHERE status = 'issued';

CREATE TABLE campaigns (
    id            TEXT PRIMARY KEY,
    name          TEXT NOT NULL,
    kind          TEXT NOT NULL CHECK (kind IN ('ramadan', 'eid_al_fitr', 'eid_al_adha', 'national_day', 'school_season', 'monthly', 'custom')),
    start_date    TEXT NOT NULL,
    end_date      TEXT NOT NULL,
    multiplier    TEXT NOT NULL,
    scope         TEXT NOT NULL,
    audience      TEXT NOT NULL DEFAULT '{}',
    monthly_days  TEXT NOT NULL DEFAULT '[]',
    benefits      TEXT NOT NULL DEFAULT '[]',
    active        INTEGER NOT NULL DEFAULT 1,
    updated_at    TEXT NOT NULL,
    CHECK (start_date <= end_date)
);
CREATE INDEX campaigns_dates ON campaigns (start_date, end_date);
