-- The list's sort indexes ended with the text id as a tie-breaker. Every index entry of a
-- rowid table already ends with the rowid, which breaks ties just as well, so the id only
-- made each entry 37 bytes longer: at a million customers that was about 400 MB of index
-- and a quarter of a bulk import's index-building time (BENCHMARKS.md). Lists now order
-- by (column, rowid), which these indexes serve in index order.

DROP INDEX customers_updated;
DROP INDEX customers_created;
DROP INDEX customers_name;
DROP INDEX customers_city;
DROP INDEX customers_spent;
DROP INDEX customers_ltv;
DROP INDEX customers_segment_updated;
DROP INDEX customers_segment_created;
DROP INDEX customers_segment_name;
DROP INDEX customers_segment_spent;
DROP INDEX customers_segment_ltv;

CREATE INDEX customers_updated ON customers (updated_at);
CREATE INDEX customers_created ON customers (created_at);
CREATE INDEX customers_name ON customers (first_name, last_name);
CREATE INDEX customers_city ON customers (city);
CREATE INDEX customers_spent ON customers (total_spent);
CREATE INDEX customers_ltv ON customers (lifetime_value);
CREATE INDEX customers_segment_updated ON customers (segment, updated_at);
CREATE INDEX customers_segment_created ON customers (segment, created_at);
CREATE INDEX customers_segment_name ON customers (segment, first_name, last_name);
CREATE INDEX customers_segment_spent ON customers (segment, total_spent);
CREATE INDEX customers_segment_ltv ON customers (segment, lifetime_value);

-- The search index kept its own copy of every indexed text and the position of every
-- word. Search only asks "which rows have a word starting with this, in these columns"
-- and reads the customer from `customers`, so a contentless index with per-column detail
-- answers the same queries with less to write. `contentless_delete` keeps deletes and
-- re-indexing of one customer possible (SQLite 3.43+, the bundled library is newer).
CREATE VIRTUAL TABLE customers_search USING fts5 (
    name, phone, email,
    tokenize = 'unicode61 remove_diacritics 0',
    prefix = '2 3',
    content = '',
    contentless_delete = 1,
    detail = column
);
INSERT INTO customers_search (rowid, name, phone, email) SELECT rowid, name, phone, email FROM customers_fts;
DROP TABLE customers_fts;
ALTER TABLE customers_search RENAME TO customers_fts;
