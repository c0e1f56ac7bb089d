-- RFM scores (SPEC §8.1; issue #4): recency, frequency and monetary quintiles, 1–5, of
-- customers with at least one counted order; NULL for the others. The quintile limits are
-- recomputed by the daily job and kept in settings, so one customer's scores can be
-- updated on each order without ranking everyone again.
ALTER TABLE customers ADD COLUMN rfm_recency INTEGER CHECK (rfm_recency BETWEEN 1 AND 5);
ALTER TABLE customers ADD COLUMN rfm_frequency INTEGER CHECK (rfm_frequency BETWEEN 1 AND 5);
ALTER TABLE customers ADD COLUMN rfm_monetary INTEGER CHECK (rfm_monetary BETWEEN 1 AND 5);
