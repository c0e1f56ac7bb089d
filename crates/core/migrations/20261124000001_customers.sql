-- Foundation schema: staff, customers (SPEC §1.1) with addresses and tags, the consent
-- log (§1.3), the audit log, and the folded full-text index used by search.
-- Money columns are integer dirhams; ratios are decimal text; instants are RFC 3339 UTC.

CREATE TABLE staff_users (
    id           TEXT PRIMARY KEY,
    display_name TEXT NOT NULL,
    role         TEXT NOT NULL CHECK (role IN ('agent', 'manager', 'admin')),
    created_at   TEXT NOT NULL
);

CREATE TABLE customers (
    id                          TEXT PRIMARY KEY,
    user_id                     TEXT UNIQUE,
    email                       TEXT NOT NULL DEFAULT '',
    phone                       TEXT NOT NULL,
    phone_operator              TEXT,
    first_name                  TEXT NOT NULL,
    last_name                   TEXT NOT NULL,
    date_of_birth               TEXT,
    gender                      TEXT CHECK (gender IN ('male', 'female')),
    preferred_language          TEXT NOT NULL DEFAULT 'ar' CHECK (preferred_language IN ('ar', 'en')),
    nationality                 TEXT NOT NULL DEFAULT 'LY',
    secondary_phone             TEXT,
    whatsapp                    TEXT,
    preferred_contact_method    TEXT NOT NULL CHECK (preferred_contact_method IN ('email', 'sms', 'whatsapp', 'phone')),
    marketing_emails            INTEGER NOT NULL DEFAULT 0,
    sms_notifications           INTEGER NOT NULL DEFAULT 0,
    order_updates               INTEGER NOT NULL DEFAULT 1,
    promotional_offers          INTEGER NOT NULL DEFAULT 0,
    whatsapp_messages           INTEGER NOT NULL DEFAULT 0,
    push_notifications          INTEGER NOT NULL DEFAULT 0,
    email_frequency             TEXT NOT NULL DEFAULT 'daily' CHECK (email_frequency IN ('daily', 'weekly', 'monthly')),
    email_categories            TEXT NOT NULL DEFAULT '[]',
    first_order_date            TEXT,
    last_order_date             TEXT,
    total_orders                INTEGER NOT NULL DEFAULT 0,
    total_spent                 INTEGER NOT NULL DEFAULT 0,
    average_order_value         INTEGER NOT NULL DEFAULT 0,
    favorite_categories         TEXT NOT NULL DEFAULT '[]',
    preferred_payment_method    TEXT NOT NULL DEFAULT '',
    preferred_shipping_method   TEXT NOT NULL DEFAULT '',
    segment                     TEXT NOT NULL DEFAULT 'new' CHECK (segment IN ('new', 'bronze', 'silver', 'gold', 'platinum', 'vip')),
    lifetime_value              INTEGER NOT NULL DEFAULT 0,
    churn_risk                  TEXT NOT NULL DEFAULT '0',
    engagement_score            TEXT NOT NULL DEFAULT '0',
    satisfaction_score          TEXT,
    segment_updated_at          TEXT,
    last_activity_date          TEXT NOT NULL,
    total_logins                INTEGER NOT NULL DEFAULT 0,
    total_page_views            INTEGER NOT NULL DEFAULT 0,
    total_cart_additions        INTEGER NOT NULL DEFAULT 0,
    total_wishlist_items        INTEGER NOT NULL DEFAULT 0,
    newsletter_subscription     INTEGER NOT NULL DEFAULT 0,
    referral_source             TEXT,
    created_at                  TEXT NOT NULL,
    updated_at                  TEXT NOT NULL,
    created_by                  TEXT,
    notes                       TEXT NOT NULL DEFAULT '',
    custom_fields               TEXT NOT NULL DEFAULT '{}',
    account_manager_id          TEXT REFERENCES staff_users (id),
    referral_code               TEXT NOT NULL UNIQUE,
    referred_by                 TEXT REFERENCES customers (id),
    incomplete                  INTEGER NOT NULL DEFAULT 0,
    -- Denormalised default city, so the list page needs no join.
    city                        TEXT,
    -- Folded full name (core::arabic::fold), a duplicate-candidate key with the city.
    name_key                    TEXT NOT NULL DEFAULT '',
    -- Set when this record was merged into another; it then stays only so the merge can
    -- be undone, and every list, search and lookup skips it.
    merged_into                 TEXT REFERENCES customers (id),
    -- Set when staff deleted this customer (the batch it was deleted in); kept so the
    -- deletion can be undone, and skipped like a merged record until then.
    deleted_batch               TEXT,
    deleted_at                  TEXT
);

CREATE INDEX customers_phone ON customers (phone);
CREATE INDEX customers_email ON customers (email) WHERE email <> '';
-- The list's sort orders, alone and within a tier, with the id that breaks ties, so a page
-- is read in index order rather than sorted from the whole table.
CREATE INDEX customers_updated ON customers (updated_at, id);
CREATE INDEX customers_created ON customers (created_at, id);
CREATE INDEX customers_name ON customers (first_name, last_name, id);
CREATE INDEX customers_city ON customers (city, id);
CREATE INDEX customers_spent ON customers (total_spent, id);
CREATE INDEX customers_ltv ON customers (lifetime_value, id);
CREATE INDEX customers_segment_updated ON customers (segment, updated_at, id);
CREATE INDEX customers_segment_created ON customers (segment, created_at, id);
CREATE INDEX customers_segment_name ON customers (segment, first_name, last_name, id);
CREATE INDEX customers_segment_spent ON customers (segment, total_spent, id);
CREATE INDEX customers_segment_ltv ON customers (segment, lifetime_value, id);
CREATE INDEX customers_name_city ON customers (name_key, city) WHERE merged_into IS NULL AND deleted_batch IS NULL;
CREATE INDEX customers_deleted_batch ON customers (deleted_batch) WHERE deleted_batch IS NOT NULL;
CREATE INDEX customers_merged_into ON customers (merged_into) WHERE merged_into IS NOT NULL;

CREATE TABLE customer_addresses (
    customer_id  TEXT NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    country      TEXT NOT NULL,
    city         TEXT NOT NULL,
    area         TEXT NOT NULL,
    street       TEXT,
    building     TEXT,
    apartment    TEXT,
    postal_code  TEXT,
    lat          REAL,
    lng          REAL,
    is_default   INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (customer_id, position)
);

-- At most one default address per customer, enforced by the database too.
CREATE UNIQUE INDEX customer_addresses_one_default
    ON customer_addresses (customer_id) WHERE is_default = 1;

CREATE TABLE customer_tags (
    customer_id TEXT NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    tag         TEXT NOT NULL,
    PRIMARY KEY (customer_id, tag)
);
CREATE INDEX customer_tags_tag ON customer_tags (tag);

-- Append-only: consent must be provable later (SPEC §1.3).
CREATE TABLE consent_log (
    id           TEXT PRIMARY KEY,
    customer_id  TEXT NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    field        TEXT NOT NULL,
    old_value    TEXT,
    new_value    TEXT NOT NULL,
    changed_at   TEXT NOT NULL,
    changed_by   TEXT NOT NULL
);
CREATE INDEX consent_log_customer ON consent_log (customer_id, changed_at);
CREATE TRIGGER consent_log_no_update BEFORE UPDATE ON consent_log
BEGIN SELECT RAISE(ABORT, 'consent_log is append-only'); END;

CREATE TABLE audit_log (
    id          TEXT PRIMARY KEY,
    at          TEXT NOT NULL,
    actor       TEXT NOT NULL,
    entity      TEXT NOT NULL,
    entity_id   TEXT NOT NULL,
    action      TEXT NOT NULL,
    changes     TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id, at);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

-- Search over folded text (see core::arabic::fold). The rowid is the customer's rowid;
-- core keeps it in step inside the same transaction as each customer write, because
-- folding is Rust code a trigger cannot call.
CREATE VIRTUAL TABLE customers_fts USING fts5 (
    name, phone, email,
    tokenize = 'unicode61 remove_diacritics 0',
    prefix = '2 3'
);

-- Merges, kept so each can be undone: the survivor as it was, and every row moved from the
-- merged customer (per table, by id). Later modules (orders, tickets, ledger) add theirs.
CREATE TABLE customer_merges (
    id               TEXT PRIMARY KEY,
    survivor_id      TEXT NOT NULL REFERENCES customers (id),
    merged_id        TEXT NOT NULL REFERENCES customers (id),
    at               TEXT NOT NULL,
    actor            TEXT NOT NULL,
    survivor_before  TEXT NOT NULL,
    moved            TEXT NOT NULL DEFAULT '{}',
    undone_at        TEXT,
    undone_by        TEXT
);
CREATE INDEX customer_merges_at ON customer_merges (at DESC);

-- Pairs staff marked "not the same person", so they stop being proposed.
CREATE TABLE duplicate_dismissals (
    first_id   TEXT NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    second_id  TEXT NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    at         TEXT NOT NULL,
    actor      TEXT NOT NULL,
    PRIMARY KEY (first_id, second_id),
    CHECK (first_id < second_id)
);

-- Live customers per tier, kept by triggers, so the list's total and the tier counts cost
-- nothing at a million customers.
CREATE TABLE segment_counts (
    segment  TEXT PRIMARY KEY,
    live     INTEGER NOT NULL DEFAULT 0
);
INSERT INTO segment_counts (segment) VALUES ('new'), ('bronze'), ('silver'), ('gold'), ('platinum'), ('vip');

CREATE TRIGGER customers_count_insert AFTER INSERT ON customers WHEN NEW.merged_into IS NULL AND NEW.deleted_batch IS NULL
BEGIN
    UPDATE segment_counts SET live = live + 1 WHERE segment = NEW.segment;
END;

CREATE TRIGGER customers_count_update AFTER UPDATE OF segment, merged_into, deleted_batch ON customers
BEGIN
    UPDATE segment_counts SET live = live - 1
        WHERE segment = OLD.segment AND OLD.merged_into IS NULL AND OLD.deleted_batch IS NULL;
    UPDATE segment_counts SET live = live + 1
        WHERE segment = NEW.segment AND NEW.merged_into IS NULL AND NEW.deleted_batch IS NULL;
END;

CREATE TRIGGER customers_count_delete AFTER DELETE ON customers WHEN OLD.merged_into IS NULL AND OLD.deleted_batch IS NULL
BEGIN
    UPDATE segment_counts SET live = live - 1 WHERE segment = OLD.segment;
END;

-- Deletions staff made, each undoable as a whole.
CREATE TABLE customer_deletions (
    id           TEXT PRIMARY KEY,
    at           TEXT NOT NULL,
    actor        TEXT NOT NULL,
    count        INTEGER NOT NULL,
    restored_at  TEXT,
    restored_by  TEXT
);
